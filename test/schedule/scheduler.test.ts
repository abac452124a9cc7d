import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postRoundup } from "../../src/core/roundup/postRoundup.js";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import {
  getSettings,
  setChannel,
  setQuietMonthNote,
  setSchedule,
  takeAdminNotice,
} from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { MemoryPublisher, missingPermission, serverError } from "./fakePublisher.js";
import { shareInJune as seedJune } from "./seed.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
let publisher: MemoryPublisher;
const clock = fixedClock("2026-06-20T12:00:00Z");
const workspace = "slack:T1";
const noWait = async () => {};

beforeEach(() => {
  ({ store, cleanup } = tempStore());
  publisher = new MemoryPublisher();
  clock.set("2026-06-20T12:00:00Z");
});
afterEach(() => cleanup());

function deps() {
  return { store, clock, publishers: { slack: publisher }, sleep: noWait };
}

function tick(owner = "bot-1") {
  return schedulerTick(deps(), { owner, retryDelaysMs: [0, 0, 0] });
}

function shareInJune(count: number) {
  return seedJune(store, clock, workspace, count);
}

/** A workspace posting on the 1st at 09:00 UTC to channel C1, set up in June. */
async function configure() {
  await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "UTC" });
  await setChannel({ store, clock }, { workspace, channelId: "C1" });
}

describe("scheduled roundups", () => {
  it("post last month's roundup at the scheduled time, once", async () => {
    await configure();
    await shareInJune(3);
    clock.set("2026-07-01T08:59:00Z");
    expect(await tick()).toEqual([]);
    clock.set("2026-07-01T09:00:10Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(publisher.posted("C1")).toEqual([
      ["# What we've been reading in June 2026", "Other: Post 0"],
      ["Other: Post 1", "Other: Post 2"],
    ]);
    clock.set("2026-07-01T09:00:40Z");
    expect(await tick()).toEqual([]);
    expect(publisher.posted("C1")).toHaveLength(2);
    expect((await getSettings({ store }, { workspace })).nextDue).toEqual({
      period: "2026-07",
      at: Date.parse("2026-08-01T09:00:00Z"),
    });
    expect(await store.runs.get(workspace, "2026-06")).toMatchObject({
      status: "posted",
      messageIds: ["m1", "m2"],
    });
  });

  it("catch up once after a 3-day outage", async () => {
    await configure();
    await shareInJune(1);
    clock.set("2026-07-04T09:00:00Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(await tick()).toEqual([]);
    expect(publisher.posted("C1")).toHaveLength(1);
  });

  it("record a roundup more than 7 days late as skipped, and post nothing", async () => {
    await configure();
    await shareInJune(1);
    clock.set("2026-07-09T09:00:01Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "skipped-late" }]);
    expect(publisher.posted("C1")).toEqual([]);
    expect(await store.runs.get(workspace, "2026-06")).toMatchObject({ status: "skipped" });
    expect((await getSettings({ store }, { workspace })).nextDue?.period).toBe("2026-07");
    expect(await takeAdminNotice({ store }, { workspace })).toBe(
      "The June 2026 roundup was not posted: the bot was down when it was due, and came back more than 7 days late. /read roundup post for 2026-06 posts it now if you still want it.",
    );
  });

  it("never post a period whose time had passed when the schedule was set", async () => {
    await shareInJune(1);
    clock.set("2026-07-01T09:30:00Z");
    await setChannel({ store, clock }, { workspace, channelId: "C1" });
    await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "UTC" });
    expect(await tick()).toEqual([]);
    expect((await getSettings({ store }, { workspace })).nextDue?.period).toBe("2026-07");
  });

  it("post nothing for a quiet month, or a short note when asked", async () => {
    await configure();
    clock.set("2026-07-01T09:01:00Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "quiet" }]);
    expect(publisher.posted("C1")).toEqual([]);

    await setQuietMonthNote({ store, clock }, { workspace, enabled: true });
    clock.set("2026-08-01T09:01:00Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-07", outcome: "posted" }]);
    expect(publisher.posted("C1")).toEqual([
      ["# What we've been reading in July 2026", "A quiet month: nobody shared a link in July 2026."],
    ]);
    expect((await store.runs.get(workspace, "2026-07"))?.status).toBe("quiet");
  });

  it("skip a workspace with no channel and tell its admins once", async () => {
    await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "UTC" });
    await shareInJune(1);
    clock.set("2026-07-01T09:01:00Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "no-channel" }]);
    expect(await takeAdminNotice({ store }, { workspace })).toMatch(/no roundup channel/);
    expect(await takeAdminNotice({ store }, { workspace })).toBeNull();
    clock.set("2026-08-01T09:01:00Z");
    await tick();
    expect(await takeAdminNotice({ store }, { workspace })).toMatch(/no roundup channel/);
  });

  it("retry a platform that answers 500 twice, then post once", async () => {
    await configure();
    await shareInJune(1);
    publisher.failures = [serverError(), serverError()];
    clock.set("2026-07-01T09:01:00Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(publisher.posted("C1")).toHaveLength(1);
  });

  it("mark a post failed, with the reason, when the platform refuses for good", async () => {
    await configure();
    await shareInJune(1);
    publisher.failures = [missingPermission()];
    clock.set("2026-07-01T09:01:00Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "failed" }]);
    expect(await store.runs.latest(workspace)).toMatchObject({
      status: "failed",
      lastError: "the bot may not post in that channel (missing_access)",
    });
    expect(await tick()).toEqual([]);
    expect(await takeAdminNotice({ store }, { workspace })).toBe(
      "The June 2026 roundup could not be posted: the bot may not post in that channel (missing_access). Once that is fixed, /read roundup post for 2026-06 posts it.",
    );
    expect(await takeAdminNotice({ store }, { workspace })).toBeNull();
  });

  it("share one ledger with a manual post, which never doubles the scheduled one", async () => {
    await configure();
    await shareInJune(1);
    clock.set("2026-06-30T10:00:00Z");
    const manual = await postRoundup(deps(), {
      workspace,
      period: "2026-06",
      owner: "admin",
      mode: "manual",
    });
    expect(manual.status).toBe("posted");
    clock.set("2026-07-01T09:01:00Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "already" }]);
    expect(publisher.posted("C1")).toHaveLength(1);
    const forced = await postRoundup(deps(), { workspace, period: "2026-06", owner: "admin", mode: "force" });
    expect(forced.status).toBe("posted");
    expect(publisher.posted("C1")).toHaveLength(2);
  });
});

describe("two processes on one database, one per platform", () => {
  const guild = "discord:G1";

  /** A process with only this platform's credentials: its scheduler has only this publisher. */
  function tickOf(platform: "discord" | "slack", own: MemoryPublisher) {
    return () =>
      schedulerTick(
        { store, clock, publishers: { [platform]: own }, sleep: noWait },
        { owner: `${platform}-bot`, retryDelaysMs: [0, 0, 0] },
      );
  }

  it("each post their own platform's roundup and leave the other's due, with no run and no notice", async () => {
    const discord = new MemoryPublisher();
    const discordTick = tickOf("discord", discord);
    const slackTick = tickOf("slack", publisher);
    await configure();
    await setSchedule({ store, clock }, { workspace: guild, day: 1, time: "09:00", timeZone: "UTC" });
    await setChannel({ store, clock }, { workspace: guild, channelId: "D1" });
    await shareInJune(1);
    await seedJune(store, clock, guild, 1);
    const juneDue = { period: "2026-06", at: Date.parse("2026-07-01T09:00:00Z") };

    clock.set("2026-07-01T09:00:30Z");
    expect(await discordTick()).toEqual([{ workspace: guild, period: "2026-06", outcome: "posted" }]);
    expect(discord.posted("D1")).toHaveLength(1);
    clock.set("2026-07-01T09:01:00Z");
    expect(await discordTick()).toEqual([]);
    expect((await getSettings({ store }, { workspace })).nextDue).toEqual(juneDue);
    expect(await store.runs.get(workspace, "2026-06")).toBeUndefined();
    expect((await getSettings({ store }, { workspace })).adminNotice).toBeNull();

    expect(await slackTick()).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(publisher.posted("C1")).toHaveLength(1);
    expect((await getSettings({ store }, { workspace })).nextDue?.period).toBe("2026-07");
    expect(await slackTick()).toEqual([]);
    expect(discord.posted("D1")).toHaveLength(1);
  });

  it("leave a workspace no running process can post for due, in every tick", async () => {
    await configure();
    await shareInJune(1);
    const discordTick = tickOf("discord", new MemoryPublisher());
    for (const at of ["2026-07-01T09:01:00Z", "2026-07-05T09:01:00Z", "2026-08-01T09:01:00Z"]) {
      clock.set(at);
      expect(await discordTick()).toEqual([]);
    }
    expect((await getSettings({ store }, { workspace })).nextDue?.period).toBe("2026-06");
    expect(await store.runs.latest(workspace)).toBeUndefined();
  });
});
