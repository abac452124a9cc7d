import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import { setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import { openStore } from "../../src/storage/openStore.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { startWorker } from "../helpers/workerProcess.js";
import { loopbackPublisher, startTestPlatform, type TestPlatform } from "./platformServer.js";
import { shareInJune } from "./seed.js";

const workspace = "slack:T1";
let path: string;
let cleanup: () => Promise<void>;
let platform: TestPlatform;

interface WorkerResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  reports: { outcome: string }[] | null;
}

/**
 * A bot process that ticks once: for what only a process shows (being killed mid-post, two processes
 * racing on one file). Everything after a crash runs in this process, on a store of its own.
 */
function workerProcess(env: Record<string, string>, options: { waitForGo?: boolean } = {}) {
  const worker = startWorker(
    "test/schedule/tickWorker.ts",
    { DATABASE_URL: path, PLATFORM_URL: platform.url, ...env },
    options,
  );
  return {
    ready: worker.ready,
    go: worker.go,
    result: worker.exited.then(
      (exit): WorkerResult => ({
        status: exit.status,
        signal: exit.signal,
        reports: exit.report as WorkerResult["reports"],
      }),
    ),
  };
}

const worker = (env: Record<string, string>) => workerProcess(env).result;

/** Another bot (a restarted one) ticking at `now`, in this process, on its own connection. */
async function tickHere(now: string, owner: string, options: { findSent?: boolean } = {}) {
  const store = await openStore(path, { poolMax: 2 });
  try {
    const publisher = loopbackPublisher(platform.url, { findSent: options.findSent ?? false });
    return await schedulerTick(
      {
        store,
        clock: { now: () => Date.parse(now) },
        publishers: { slack: publisher },
        sleep: async () => {},
      },
      { owner, retryDelaysMs: [0, 0, 0] },
    );
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  const temp = tempStore();
  ({ path, cleanup } = temp);
  const clock = fixedClock("2026-06-20T12:00:00Z");
  const store: SqliteStore = temp.store;
  await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "UTC" });
  await setChannel({ store, clock }, { workspace, channelId: "C1" });
  await shareInJune(store, clock, workspace, 7);
  await store.close();
  platform = await startTestPlatform();
});
afterEach(async () => {
  await platform.close();
  await cleanup();
});

describe("the scheduler across processes, on one database file", () => {
  it("ends with exactly four messages when a process is killed after the second of four", async () => {
    const crashed = await worker({ NOW: "2026-07-01T09:00:30Z", OWNER: "bot-a", KILL_AFTER_RECORD: "2" });
    expect(crashed.signal).toBe("SIGKILL");
    expect(platform.messages).toHaveLength(2);

    // Restarted before the dead process's lease ran out: it waits.
    const early = await tickHere("2026-07-01T09:01:00Z", "bot-b");
    expect(early).toEqual([{ workspace, period: "2026-06", outcome: "already" }]);
    expect(platform.messages).toHaveLength(2);

    const resumed = await tickHere("2026-07-01T09:03:00Z", "bot-b");
    expect(resumed).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(platform.messages.map((m) => m.lines[0])).toEqual([
      "# What we've been reading in June 2026",
      "Other: Post 1",
      "Other: Post 3",
      "Other: Post 5",
    ]);

    expect(await tickHere("2026-07-01T09:10:00Z", "bot-c")).toEqual([]);
    expect(platform.messages).toHaveLength(4);
  });

  it("does not repeat a message that was posted just before the crash but not yet recorded", async () => {
    const crashed = await worker({
      NOW: "2026-07-01T09:00:30Z",
      OWNER: "bot-a",
      KILL_AFTER_SEND: "2",
      FIND_SENT: "1",
    });
    expect(crashed.signal).toBe("SIGKILL");
    expect(platform.messages).toHaveLength(2);
    const resumed = await tickHere("2026-07-01T09:03:00Z", "bot-b", { findSent: true });
    expect(resumed).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(platform.messages).toHaveLength(4);
  });

  it("posts once when two bot processes reach the due time together", async () => {
    const bots = [
      workerProcess({ NOW: "2026-07-01T09:00:05Z", OWNER: "bot-a" }, { waitForGo: true }),
      workerProcess({ NOW: "2026-07-01T09:00:05Z", OWNER: "bot-b" }, { waitForGo: true }),
    ];
    // Both up and waiting, then both told at once: their claims really race.
    await Promise.all(bots.map((bot) => bot.ready));
    for (const bot of bots) bot.go();
    const [a, b] = await Promise.all(bots.map((bot) => bot.result));
    const outcomes = [...(a?.reports ?? []), ...(b?.reports ?? [])].map((r) => r.outcome).sort();
    expect(outcomes.filter((o) => o === "posted")).toHaveLength(1);
    expect(platform.messages).toHaveLength(4);
    expect(new Set(platform.messages.map((m) => m.key)).size).toBe(4);
  });

  it("posts once through a platform that answers 500 twice, then 200", async () => {
    platform.failNext = 2;
    expect(await tickHere("2026-07-01T09:00:05Z", "bot-a")).toEqual([
      { workspace, period: "2026-06", outcome: "posted" },
    ]);
    expect(platform.messages).toHaveLength(4);
  });
});
