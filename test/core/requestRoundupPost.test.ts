import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Actor, actorOf } from "../../src/core/actor.js";
import { addLink } from "../../src/core/links/addLink.js";
import type { Logger } from "../../src/core/ports/logger.js";
import {
  type PostRequestOutcome,
  postOutcomeOf,
  requestRoundupPost,
} from "../../src/core/roundup/requestRoundupPost.js";
import { setChannel, setQuietMonthNote } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { MemoryPublisher } from "../schedule/fakePublisher.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const workspace = "discord:g1";
const clock = fixedClock("2026-07-15T12:00:00Z");
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
let publisher: MemoryPublisher;

beforeEach(() => {
  ({ store, cleanup } = tempStore());
  publisher = new MemoryPublisher(2);
});
afterEach(() => cleanup());

const deps = () => ({
  store,
  clock,
  logger: silent,
  owner: "test",
  publishers: { discord: publisher },
  sleep: async () => {},
});
const admin: Actor = { userId: "u1", name: "Ada", isAdmin: async () => true };
const member: Actor = { userId: "u2", name: "Bo", isAdmin: async () => false };

async function shareInJune(url: string) {
  await addLink(
    { store, clock },
    {
      workspace,
      url,
      userId: "u1",
      userName: "Ada",
      source: "discord",
      at: Date.parse("2026-06-10T12:00:00Z"),
    },
  );
}

function started(outcome: PostRequestOutcome) {
  if (outcome.kind !== "started") throw new Error(`expected started, got ${outcome.kind}`);
  return outcome;
}

describe("requestRoundupPost", () => {
  it("refuses a member before looking at anything else", async () => {
    expect(await requestRoundupPost(deps(), { actor: member, workspace, again: false })).toEqual({
      kind: "not-admin",
    });
  });

  it("says when there is no roundup channel", async () => {
    await shareInJune("https://example.com/a");
    expect(await requestRoundupPost(deps(), { actor: admin, workspace, again: false })).toEqual({
      kind: "no-channel",
    });
  });

  it("says when this process cannot post to the platform", async () => {
    await setChannel({ store, clock }, { workspace, channelId: "c1" });
    const outcome = await requestRoundupPost(
      { ...deps(), publishers: {} },
      { actor: admin, workspace, again: false },
    );
    expect(outcome).toEqual({ kind: "no-platform", platform: "discord" });
  });

  it("refuses an empty month unless the quiet-month note is on", async () => {
    await setChannel({ store, clock }, { workspace, channelId: "c1" });
    expect(
      await requestRoundupPost(deps(), { actor: admin, workspace, period: "2026-05", again: false }),
    ).toEqual({ kind: "empty-month", period: "2026-05", periodLabel: "May 2026" });
    await setQuietMonthNote({ store, clock }, { workspace, enabled: true });
    const outcome = started(
      await requestRoundupPost(deps(), { actor: admin, workspace, period: "2026-05", again: false }),
    );
    expect(await outcome.post()).toEqual({ kind: "posted", messagesSent: 1 });
  });

  it("starts with last month by default and posts it once; again posts it anew", async () => {
    await setChannel({ store, clock }, { workspace, channelId: "c1" });
    for (const n of [1, 2, 3]) await shareInJune(`https://example.com/${n}`);
    const first = started(await requestRoundupPost(deps(), { actor: admin, workspace, again: false }));
    expect(first).toMatchObject({ channelId: "c1", parts: 2, doc: { period: "2026-06", linkCount: 3 } });
    expect(await first.post()).toEqual({ kind: "posted", messagesSent: 2 });
    const second = started(await requestRoundupPost(deps(), { actor: admin, workspace, again: false }));
    expect(await second.post()).toEqual({ kind: "already-posted" });
    const again = started(await requestRoundupPost(deps(), { actor: admin, workspace, again: true }));
    expect(await again.post()).toEqual({ kind: "posted", messagesSent: 2 });
  });

  it("reports a failed post with the reason, also when a send throws something unexpected", async () => {
    await setChannel({ store, clock }, { workspace, channelId: "c1" });
    await shareInJune("https://example.com/a");
    publisher.failures = [
      new Error("no access"),
      new Error("no access"),
      new Error("no access"),
      new Error("no access"),
    ];
    const failing = started(await requestRoundupPost(deps(), { actor: admin, workspace, again: false }));
    expect(await failing.post()).toEqual({ kind: "failed", reason: "no access", messagesSent: 0 });
    publisher.beforeSend = () => {
      throw new TypeError("boom");
    };
    const broken = started(await requestRoundupPost(deps(), { actor: admin, workspace, again: true }));
    await expect(broken.post()).resolves.toMatchObject({ kind: "failed" });
  });

  it("asks whether the actor is an admin once, however often a use case asks", async () => {
    let asked = 0;
    const actor = actorOf({ userId: "u1", name: "Ada", isAdmin: async () => ++asked > 0 });
    await actor.isAdmin();
    await actor.isAdmin();
    expect(asked).toBe(1);
  });
});

describe("postOutcomeOf", () => {
  const run = (status: "posting" | "posted" | "skipped", ids: string[] = []) =>
    ({ status, messageIds: ids, claimedBy: "bot:1" }) as never;
  it("tells a post in progress from one already posted or otherwise handled", () => {
    expect(postOutcomeOf({ status: "already", run: run("posting", ["a", "b"]) })).toEqual({
      kind: "being-posted",
      messagesSoFar: 2,
      by: "bot:1",
    });
    expect(postOutcomeOf({ status: "already", run: run("posted") })).toEqual({ kind: "already-posted" });
    expect(postOutcomeOf({ status: "already", run: run("skipped") })).toEqual({
      kind: "already-handled",
      status: "skipped",
    });
    expect(postOutcomeOf({ status: "already", run: undefined })).toEqual({
      kind: "already-handled",
      status: "unknown",
    });
  });
});
