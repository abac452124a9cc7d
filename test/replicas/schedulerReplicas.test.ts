/**
 * Issue #12: the scheduler's claim across replicas on one PostgreSQL database. Worker processes
 * (test/schedule/tickWorker.ts) each run one scheduler tick against a loopback platform that stores
 * what they post, and the test's own process ticks as one more replica; June's roundup of seven links
 * is four messages, due on July 1st at 09:00 UTC.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RoundupPublisher } from "../../src/core/ports/publisher.js";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import { setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import { NodePgDriver } from "../../src/storage/postgres/nodePgDriver.js";
import { PostgresStore } from "../../src/storage/postgres/postgresStore.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../helpers/postgresServer.js";
import { fixedClock } from "../helpers/tempStore.js";
import { startWorker } from "../helpers/workerProcess.js";
import { planLines } from "../schedule/fakePublisher.js";
import { loopbackPublisher, startTestPlatform, type TestPlatform } from "../schedule/platformServer.js";
import { shareInJune } from "../schedule/seed.js";

const workspace = "slack:T1";
const JUNE_IN_ORDER = [
  "# What we've been reading in June 2026",
  "Other: Post 1",
  "Other: Post 3",
  "Other: Post 5",
];

type Reports = { workspace: string; period: string; outcome: string }[];

describe.skipIf(NO_SERVER)(
  `the scheduler across replicas on PostgreSQL${NO_SERVER ? `: ${NO_SERVER}` : ""}`,
  () => {
    let database: TestDatabase;
    let store: PostgresStore;
    let platform: TestPlatform;

    beforeEach(async () => {
      database = await createTestDatabase("scheduler");
      store = await PostgresStore.open(new NodePgDriver(database.url, { max: 2 }));
      const clock = fixedClock("2026-06-20T12:00:00Z");
      await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "UTC" });
      await setChannel({ store, clock }, { workspace, channelId: "C1" });
      await shareInJune(store, clock, workspace, 7);
      platform = await startTestPlatform();
    });
    afterEach(async () => {
      await platform?.close();
      await store?.close();
      await database?.drop();
    });

    const tickWorker = (env: Record<string, string>, options?: { waitForGo?: boolean }) =>
      startWorker(
        "test/schedule/tickWorker.ts",
        { DATABASE_URL: database.url, PLATFORM_URL: platform.url, ...env },
        options,
      );

    /**
     * A tick in this process: one more replica, with its own pool and its own name in the ledger, and
     * a process of its own, other than the workers'.
     */
    const tickInThisProcess = (now: string, owner: string, publisher: RoundupPublisher<string[]>) =>
      schedulerTick(
        { store, clock: fixedClock(now), publishers: { slack: publisher }, sleep: async () => {} },
        { owner, retryDelaysMs: [0, 0, 0] },
      );

    /** For a tick that must find nothing to send. */
    const sendsNothing: RoundupPublisher<string[]> = {
      plan: (doc) => planLines(doc, 2),
      send: async () => {
        throw new Error("a message was sent by a tick that should have found nothing to send");
      },
    };

    it("posts once when three replicas tick at the same moment; the other two find it taken", async () => {
      const workers = ["bot-a", "bot-b", "bot-c"].map((owner) =>
        tickWorker({ NOW: "2026-07-01T09:00:05Z", OWNER: owner }, { waitForGo: true }),
      );
      await Promise.all(workers.map((w) => w.ready));
      // The winner's first message waits until the two others have ended, so they tick while it posts.
      let release = () => {};
      platform.holdNext = new Promise((resolve) => {
        release = resolve;
      });
      let ended = 0;
      for (const w of workers) void w.exited.then(() => ++ended === workers.length - 1 && release());
      for (const w of workers) w.go();
      const exits = await Promise.all(workers.map((w) => w.exited)).finally(release);

      for (const exit of exits) expect(exit.status, exit.output).toBe(0);
      const outcomes = exits.flatMap((exit) => (exit.report as Reports).map((r) => r.outcome)).sort();
      expect(outcomes).toEqual(["already", "already", "posted"]);
      expect(platform.messages.map((m) => m.lines[0])).toEqual(JUNE_IN_ORDER);
      expect(new Set(platform.messages.map((m) => m.key)).size).toBe(4);
      expect(await store.runs.get(workspace, "2026-06")).toMatchObject({ status: "posted", attempts: 1 });
    });

    it("has another process resume a replica killed after the second of four messages, sending only the last two", async () => {
      const crashed = await tickWorker({
        NOW: "2026-07-01T09:00:30Z",
        OWNER: "bot-a",
        KILL_AFTER_RECORD: "2",
      }).exited;
      expect(crashed.signal, crashed.output).toBe("SIGKILL");
      expect(platform.messages).toHaveLength(2);

      // Before the dead replica's lease has run out, nobody takes its roundup over.
      expect(await tickInThisProcess("2026-07-01T09:01:00Z", "bot-b", sendsNothing)).toEqual([
        { workspace, period: "2026-06", outcome: "already" },
      ]);

      const resumed = await tickInThisProcess(
        "2026-07-01T09:03:00Z",
        "bot-b",
        loopbackPublisher(platform.url),
      );
      expect(resumed).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
      expect(platform.messages.map((m) => m.lines[0])).toEqual(JUNE_IN_ORDER);
      const run = await store.runs.get(workspace, "2026-06");
      expect(run).toMatchObject({ status: "posted", claimedBy: "bot-b" });
      expect(run?.messageIds).toEqual(["m1", "m2", "m3", "m4"]);

      expect(await tickInThisProcess("2026-07-01T09:10:00Z", "bot-c", sendsNothing)).toEqual([]);
    });
  },
);
