import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSlackPublisher } from "../../src/adapters/slack/slackPublisher.js";
import { addLink } from "../../src/core/links/addLink.js";
import { postRoundup } from "../../src/core/roundup/postRoundup.js";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import { configSummary, setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { MockSlackApi } from "./mockSlackApi.js";

const workspace = "slack:T1";
let store: SqliteStore;
let cleanup: () => Promise<void>;
let api: MockSlackApi;
const clock = fixedClock("2026-06-20T12:00:00Z");

beforeEach(async () => {
  ({ store, cleanup } = tempStore());
  api = new MockSlackApi({});
  await api.start();
  clock.set("2026-06-20T12:00:00Z");
  await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "UTC" });
  await setChannel({ store, clock }, { workspace, channelId: "CROUNDUP" });
  await addLink(
    { store, clock },
    {
      workspace,
      url: "https://example.com/a",
      title: "Seastar",
      note: "<!channel> read this",
      userId: "U1",
      userName: "Ada",
      source: "slack",
    },
  );
});
afterEach(async () => {
  await api.stop();
  await cleanup();
});

function deps() {
  const slack = createSlackPublisher({ botToken: "xoxb-test", apiUrl: api.url, intervalMs: 0, clock });
  return { store, clock, publishers: { slack }, sleep: async () => {} };
}

describe("scheduled roundups in Slack", () => {
  it("post the month's roundup to the channel once, with the ledger key as message metadata", async () => {
    clock.set("2026-07-01T09:00:30Z");
    expect(await schedulerTick(deps(), { owner: "bot" })).toEqual([
      { workspace, period: "2026-06", outcome: "posted" },
    ]);
    const posts = api.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.channel).toBe("CROUNDUP");
    expect(String(posts[0]?.params.text)).toContain("What we've been reading in June 2026");
    expect(JSON.stringify(posts[0]?.params.blocks)).toContain("&lt;!channel&gt; read this");
    const metadata = posts[0]?.params.metadata;
    expect(typeof metadata === "string" ? JSON.parse(metadata) : metadata).toEqual({
      event_type: "roundup_part",
      event_payload: { key: "slack:T1/2026-06/0" },
    });
    clock.set("2026-07-01T09:01:00Z");
    expect(await schedulerTick(deps(), { owner: "bot" })).toEqual([]);
    expect(api.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("retry Slack's transient errors and post once", async () => {
    let failures = 2;
    let ts = 100;
    api.on("chat.postMessage", () =>
      failures-- > 0 ? { ok: false, error: "internal_error" } : { ok: true, ts: `${++ts}.1` },
    );
    clock.set("2026-07-01T09:00:30Z");
    expect(await schedulerTick(deps(), { owner: "bot", retryDelaysMs: [0, 0, 0] })).toEqual([
      { workspace, period: "2026-06", outcome: "posted" },
    ]);
    expect((await store.runs.get(workspace, "2026-06"))?.messageIds).toEqual(["101.1"]);
  });

  it("mark the run failed with a reason an admin can act on", async () => {
    await setChannel({ store, clock }, { workspace, channelId: "CNOTIN" });
    clock.set("2026-07-01T09:00:30Z");
    expect(await schedulerTick(deps(), { owner: "bot" })).toEqual([
      { workspace, period: "2026-06", outcome: "failed" },
    ]);
    expect((await configSummary({ store, clock }, { workspace })).lastRun).toMatchObject({
      status: "failed",
      lastError: "the bot is not in the roundup channel: invite it, or give it chat:write.public",
    });
  });

  it("find a message that went out just before a crash instead of posting it again", async () => {
    // A previous process claimed June, posted part 0, and died before recording it.
    const run = await store.runs.claim({
      workspace,
      period: "2026-06",
      owner: "dead",
      now: clock.now(),
      leaseUntil: clock.now(),
      mode: "scheduled",
    });
    expect(run).not.toBeNull();
    api.on("conversations.history", () => ({
      ok: true,
      messages: [
        {
          ts: "555.1",
          metadata: { event_type: "roundup_part", event_payload: { key: "slack:T1/2026-06/0" } },
        },
      ],
    }));
    clock.set("2026-06-20T12:05:00Z");
    const result = await postRoundup(deps(), { workspace, period: "2026-06", owner: "bot", mode: "manual" });
    expect(result.status).toBe("posted");
    expect(api.callsTo("chat.postMessage")).toHaveLength(0);
    expect((await store.runs.get(workspace, "2026-06"))?.messageIds).toEqual(["555.1"]);
  });
});

describe("pacing in one channel", () => {
  const message = { text: "part", blocks: [] };

  /** A publisher on `clock` whose waits move the clock instead of waiting; `waits` records each. */
  function pacedPublisher() {
    const waits: number[] = [];
    const publisher = createSlackPublisher({
      botToken: "xoxb-test",
      apiUrl: api.url,
      intervalMs: 1_000,
      clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock.set(new Date(clock.now() + ms).toISOString());
      },
    });
    // When (by the clock) each message reached Slack, by channel.
    const posts: { channel: string; at: number }[] = [];
    const postedAt = (channel: string) => posts.filter((p) => p.channel === channel).map((p) => p.at);
    api.on("chat.postMessage", (params) => {
      posts.push({ channel: String(params.channel), at: clock.now() });
      return { ok: true, ts: `${clock.now()}.${posts.length}` };
    });
    return { publisher, waits, posts, postedAt };
  }

  it("keeps a second apart two messages sent to one channel at once, and does not hold up another channel", async () => {
    const { publisher, postedAt, waits } = pacedPublisher();
    const start = clock.now();
    const sent = await Promise.all([
      publisher.send("CROUNDUP", message, "a"),
      publisher.send("CROUNDUP", message, "b"),
      publisher.send("CROUNDUP", message, "c"),
      publisher.send("COTHER", message, "x"),
    ]);
    expect(new Set(sent).size).toBe(4);
    expect(postedAt("CROUNDUP")).toEqual([start, start + 1_000, start + 2_000]);
    expect(postedAt("COTHER")).toHaveLength(1);
    // Only the second and third message in CROUNDUP waited.
    expect(waits).toEqual([1_000, 1_000]);
  });

  it("keeps the pace after a send that failed", async () => {
    const { publisher, posts, postedAt } = pacedPublisher();
    const start = clock.now();
    api.on("chat.postMessage", (params) => {
      posts.push({ channel: String(params.channel), at: clock.now() });
      return posts.length === 1 ? { ok: false, error: "internal_error" } : { ok: true, ts: "2.1" };
    });
    const results = await Promise.allSettled([
      publisher.send("CROUNDUP", message, "a"),
      publisher.send("CROUNDUP", message, "b"),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    expect(postedAt("CROUNDUP")).toEqual([start, start + 1_000]);
  });

  it("measures the gap on the injected clock: no wait once the clock has moved on", async () => {
    const { publisher, waits } = pacedPublisher();
    await publisher.send("CROUNDUP", message, "a");
    clock.set(new Date(clock.now() + 400).toISOString());
    await publisher.send("CROUNDUP", message, "b");
    expect(waits).toEqual([600]);
    clock.set(new Date(clock.now() + 5_000).toISOString());
    await publisher.send("CROUNDUP", message, "c");
    expect(waits).toEqual([600]);
  });
});
