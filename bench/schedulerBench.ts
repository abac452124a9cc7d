/**
 * The cost of one scheduler tick with 100,000 workspaces of which 100 are due, excluding the posting
 * itself (the publisher answers at once). Run: npx tsx bench/schedulerBench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RoundupPublisher } from "../src/core/ports.js";
import { dueInstant } from "../src/core/schedule/dueTime.js";
import { schedulerTick } from "../src/core/schedule/schedulerTick.js";
import { SqliteStore } from "../src/storage/sqliteStore.js";

const WORKSPACES = 100_000;
const DUE = 100;
const ROUNDS = 20;
const TARGET_MS = 20;

const dir = mkdtempSync(join(tmpdir(), "roundup-scheduler-bench-"));
try {
  const path = join(dir, "bench.db");
  const setup = SqliteStore.open(path);
  const client = setup.db.$client;
  const now = Date.parse("2026-07-01T09:00:30Z");
  const schedule = { day: 1, time: "09:00", timeZone: "UTC" };
  const addWorkspace = client.prepare("INSERT INTO workspaces (key) VALUES (?)");
  const addSettings = client.prepare(
    "INSERT INTO workspace_settings (workspace_key, channel_id, next_due_period, next_due_at) VALUES (?, ?, ?, ?)",
  );
  const addLink = client.prepare(
    `INSERT INTO links (workspace_key, number, url, normalized_url, shared_by_id, shared_by_name, shared_at,
       source, title)
     VALUES (?, ?, ?, ?, 'u', 'U', ?, 'slack', ?)`,
  );
  const started = process.hrtime.bigint();
  client.transaction(() => {
    for (let i = 0; i < WORKSPACES; i++) {
      const key = `slack:T${String(i).padStart(6, "0")}`;
      addWorkspace.run(key);
      // Spread over the month; the first DUE are due now, the rest later.
      const due =
        i < DUE
          ? { period: "2026-06", at: dueInstant("2026-06", schedule) }
          : { period: "2026-07", at: dueInstant("2026-07", schedule) + (i % 1000) * 60_000 };
      addSettings.run(key, "C1", due.period, due.at);
      if (i < DUE) {
        for (let j = 0; j < 20; j++) {
          const url = `https://example.com/${i}/${j}`;
          addLink.run(key, j + 1, url, url, Date.parse("2026-06-10T10:00:00Z") + j, `Post ${j}`);
        }
      }
    }
  })();
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  setup.close();

  const publisher: RoundupPublisher<number> = { plan: (doc) => [doc.linkCount], send: async () => "m" };
  const times: number[] = [];
  const queryTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts from the same state: the first DUE workspaces due, nothing posted.
    const store = SqliteStore.open(path);
    store.db.$client.exec("DELETE FROM roundup_runs");
    store.db.$client
      .prepare("UPDATE workspace_settings SET next_due_period = '2026-06', next_due_at = ? WHERE rowid <= ?")
      .run(dueInstant("2026-06", schedule), DUE);
    const queryStart = process.hrtime.bigint();
    store.settings.due(now, 100, ["slack"]);
    queryTimes.push(Number(process.hrtime.bigint() - queryStart) / 1e6);
    const tickStart = process.hrtime.bigint();
    const reports = await schedulerTick(
      { store, clock: { now: () => now }, publishers: { slack: publisher } },
      { owner: "bench", batch: 100 },
    );
    times.push(Number(process.hrtime.bigint() - tickStart) / 1e6);
    if (reports.length !== DUE || reports.some((r) => r.outcome !== "posted")) {
      throw new Error(`tick handled ${reports.length} workspaces: ${JSON.stringify(reports.slice(0, 3))}`);
    }
    // An idle tick right after: nothing due.
    store.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const worst = sorted[sorted.length - 1] ?? 0;
  const perWorkspace = median / DUE;
  const query = [...queryTimes].sort((a, b) => a - b)[Math.floor(queryTimes.length / 2)] ?? 0;
  console.log(
    `Scheduler tick bench — node ${process.version}; ${WORKSPACES.toLocaleString("en-US")} workspaces, ${DUE} due (built in ${buildSeconds.toFixed(1)} s)`,
  );
  console.log(
    `tick without posting (which workspaces are due, indexed): median ${query.toFixed(3)} ms   target <${TARGET_MS} ms  ${query < TARGET_MS ? "PASS" : "MISS"}`,
  );
  console.log(
    `tick with posting to an instant publisher (claim, build, plan, record, reschedule x${DUE}): median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms of ${ROUNDS} (${perWorkspace.toFixed(2)} ms per due workspace)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
