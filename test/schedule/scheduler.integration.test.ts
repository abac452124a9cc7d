import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { startTestPlatform, type TestPlatform } from "./platformServer.js";
import { shareInJune } from "./seed.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const workspace = "slack:T1";
let path: string;
let cleanup: () => Promise<void>;
let platform: TestPlatform;

interface WorkerResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  reports: { outcome: string }[] | null;
}

function worker(env: Record<string, string>): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/schedule/tickWorker.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: path, PLATFORM_URL: platform.url, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (status, signal) =>
      resolve({
        status,
        signal,
        reports: out.trim() ? (JSON.parse(out.trim()) as { outcome: string }[]) : null,
      }),
    );
  });
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
    const early = await worker({ NOW: "2026-07-01T09:01:00Z", OWNER: "bot-b" });
    expect(early.reports).toEqual([{ workspace, period: "2026-06", outcome: "already" }]);
    expect(platform.messages).toHaveLength(2);

    const resumed = await worker({ NOW: "2026-07-01T09:03:00Z", OWNER: "bot-b" });
    expect(resumed.reports).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(platform.messages.map((m) => m.lines[0])).toEqual([
      "# What we've been reading in June 2026",
      "Other: Post 1",
      "Other: Post 3",
      "Other: Post 5",
    ]);

    const again = await worker({ NOW: "2026-07-01T09:10:00Z", OWNER: "bot-c" });
    expect(again.reports).toEqual([]);
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
    const resumed = await worker({ NOW: "2026-07-01T09:03:00Z", OWNER: "bot-b", FIND_SENT: "1" });
    expect(resumed.reports).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(platform.messages).toHaveLength(4);
  });

  it("posts once when two bot processes reach the due time together", async () => {
    const startAt = String(Date.now() + 1_500);
    const [a, b] = await Promise.all([
      worker({ NOW: "2026-07-01T09:00:05Z", OWNER: "bot-a", START_AT: startAt }),
      worker({ NOW: "2026-07-01T09:00:05Z", OWNER: "bot-b", START_AT: startAt }),
    ]);
    const outcomes = [...(a.reports ?? []), ...(b.reports ?? [])].map((r) => r.outcome).sort();
    expect(outcomes.filter((o) => o === "posted")).toHaveLength(1);
    expect(platform.messages).toHaveLength(4);
    expect(new Set(platform.messages.map((m) => m.key)).size).toBe(4);
  });

  it("posts once through a platform that answers 500 twice, then 200", async () => {
    platform.failNext = 2;
    const run = await worker({ NOW: "2026-07-01T09:00:05Z", OWNER: "bot-a" });
    expect(run.reports).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
    expect(platform.messages).toHaveLength(4);
  });
});
