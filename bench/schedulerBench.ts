/**
 * Whole `schedulerTick` calls on 100,000 workspaces, each side by side with the floor: raw
 * better-sqlite3 running the same statements in the same order (the due query, then per due
 * workspace the same reads and writes), prepared once, with the dates worked out beforehand. So the
 * ratio is what the core and the stores cost on top of SQLite. Three ticks:
 *
 * - idle: none of the workspaces is due, as most ticks find it;
 * - quiet: 100 due workspaces with no link in the month, so nothing to post: claim, build the empty
 *   roundup, record it as quiet, reschedule;
 * - posting: 100 due workspaces with 20 links each, to a publisher that answers at once (one message).
 *
 * Before timing, the statements both sides execute are recorded (better-sqlite3's `verbose`) and
 * compared. A MISS is reported, not failed: it is a measurement. Run: npx tsx bench/schedulerBench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { RoundupPublisher } from "../src/core/ports/publisher.js";
import { dueInstant, nextPeriod } from "../src/core/schedule/dueTime.js";
import { schedulerTick } from "../src/core/schedule/schedulerTick.js";
import { periodBounds } from "../src/core/time/period.js";
import { DEFAULT_SCHEDULE, DEFAULT_TITLE_TEMPLATE } from "../src/core/types.js";
import type { Db } from "../src/storage/database.js";
import * as schema from "../src/storage/schema.js";
import { SqliteStore } from "../src/storage/sqliteStore.js";
import { CATEGORIES_SQL, MONTH_SQL, openFloor, settingsDiff, squash } from "./floor.js";
import { ms, pairedRatioRow, printTable, type Row, ratio, summarize, timeAsync, us } from "./stats.js";

const WORKSPACES = 100_000;
const DUE = 100;
const LINKS_PER_DUE = 20;
const ROUNDS = 20;
const IDLE_TICKS = 50;
/** `schedulerTick`'s default batch, which the bench leaves as is. */
const TICK_BATCH = 100;
/** The core on top of SQLite: its date arithmetic, the roundup it builds, drizzle's queries. */
const TARGET_RATIO = 2;

const OWNER = "bench";
const LEASE_MS = 120_000;
const PERIOD = "2026-06";
const schedule = DEFAULT_SCHEDULE;
const dueAt = dueInstant(PERIOD, schedule);
const next = { period: nextPeriod(PERIOD), at: dueInstant(nextPeriod(PERIOD), schedule) };
const month = periodBounds(PERIOD, schedule.timeZone);
/** Just after the due ones fell due, and a tick's interval before. */
const busyNow = dueAt + 30_000;
const idleNow = dueAt - 30_000;

const key = (i: number) => `slack:T${String(i).padStart(6, "0")}`;
/** By the outcome their tick reports: workspaces [0, DUE) have links in the month, [DUE, 2*DUE) none. */
const SETS = { posted: 0, quiet: DUE } as const;
type Kind = "idle" | keyof typeof SETS;

const publisher: RoundupPublisher<number> = { plan: (doc) => [doc.linkCount], send: async () => "m" };

/**
 * The floor: the statements the tick executes, in its order, with its values (`checkFloor` compares
 * them at run time). Returns each due workspace's outcome, as the tick reports it.
 */
function tickFloor(client: Database.Database): (now: number) => string[] {
  const SETTINGS_COLUMNS = `"workspace_key", "channel_id", "schedule_day", "schedule_time", "time_zone", "title_template",
    "intro", "quiet_month_note", "next_due_period", "next_due_at", "admin_notice"`;
  const RUN_COLUMNS = `id, workspace_key AS workspace, period, status, message_ids AS messageIds, claimed_by AS claimedBy,
    lease_until AS leaseUntil, attempts, last_error AS lastError, updated_at AS updatedAt`;
  const due = client.prepare(
    `select "workspace_key", "next_due_period", "next_due_at" from "workspace_settings"
     where ("workspace_settings"."next_due_at" <= ? and substr("workspace_settings"."workspace_key", 1,
       instr("workspace_settings"."workspace_key", ':') - 1) in ('slack'))
     order by "workspace_settings"."next_due_at" asc limit ?`,
  );
  const settings = client.prepare(
    `select ${SETTINGS_COLUMNS} from "workspace_settings" where "workspace_settings"."workspace_key" = ?`,
  );
  const admins = client.prepare(
    `select "kind", "subject_id" from "workspace_admins" where "workspace_admins"."workspace_key" = ?`,
  );
  const run = client.prepare(
    `SELECT ${RUN_COLUMNS} FROM roundup_runs WHERE workspace_key = ? AND period = ?`,
  );
  const insertRun = client.prepare(
    `INSERT INTO roundup_runs (workspace_key, period, status, message_ids, claimed_by, lease_until, attempts, updated_at)
     VALUES (?, ?, 'posting', '[]', ?, ?, 1, ?)`,
  );
  const claim = client.transaction((workspace: string, period: string, now: number) => {
    run.get(workspace, period);
    insertRun.run(workspace, period, OWNER, now + LEASE_MS, now);
    return run.get(workspace, period) as { id: number };
  });
  const links = client.prepare(MONTH_SQL);
  const categories = client.prepare(CATEGORIES_SQL);
  const appendMessage = client.prepare(
    `UPDATE roundup_runs SET message_ids = json_insert(message_ids, '$[#]', ?), lease_until = ?, updated_at = ?
     WHERE id = ? AND claimed_by = ? AND status = 'posting'`,
  );
  const finish = client.prepare(
    `UPDATE roundup_runs SET status = ?, last_error = ?, lease_until = NULL, updated_at = ?
     WHERE id = ? AND claimed_by = ? AND status = 'posting'`,
  );
  const setNextDue = client.prepare(
    `insert into "workspace_settings" (${SETTINGS_COLUMNS}) values (?, null, ?, ?, ?, ?, null, ?, ?, ?, null)
     on conflict ("workspace_settings"."workspace_key") do update set "next_due_period" = excluded."next_due_period",
       "next_due_at" = excluded."next_due_at"`,
  );
  const readSettings = (workspace: string) => {
    settings.get(workspace);
    admins.all(workspace);
  };
  const nextDue = [next.period, next.at];
  return (now) => {
    const outcomes: string[] = [];
    const rows = due.all(now, TICK_BATCH) as { workspace_key: string; next_due_period: string }[];
    for (const { workspace_key: workspace, next_due_period: period } of rows) {
      readSettings(workspace); // the tick's
      readSettings(workspace); // postRoundup's: is there a channel?
      const { id } = claim.immediate(workspace, period, now);
      readSettings(workspace); // buildRoundup's: the time zone
      // An empty month without the quiet note posts nothing; the bench's workspaces have no note.
      const posts = links.all({ workspace, from: month.start, to: month.end }).length > 0;
      categories.all(workspace);
      if (posts) appendMessage.run("m", now + LEASE_MS, now, id, OWNER);
      finish.run(posts ? "posted" : "quiet", null, now, id, OWNER);
      run.get(workspace, period);
      readSettings(workspace); // the tick's again: has the schedule moved meanwhile?
      // drizzle's upsert inserts every column, with its default where unset.
      const { day, time, timeZone } = schedule;
      setNextDue.run(workspace, day, time, timeZone, DEFAULT_TITLE_TEMPLATE, 0, ...nextDue);
      outcomes.push(posts ? "posted" : "quiet");
    }
    return outcomes;
  };
}

/** Workspaces [0, count), of which [0, 2*DUE) are the two sets above, each not due until armed. */
function seed(client: Database.Database, count: number): void {
  const addWorkspace = client.prepare("INSERT INTO workspaces (key) VALUES (?)");
  const addSettings = client.prepare(
    "INSERT INTO workspace_settings (workspace_key, channel_id, next_due_period, next_due_at) VALUES (?, 'C1', ?, ?)",
  );
  const addLink = client.prepare(
    `INSERT INTO links (workspace_key, number, url, normalized_url, shared_by_id, shared_by_name, shared_at,
       source, title)
     VALUES (?, ?, ?, ?, 'u', 'U', ?, 'slack', ?)`,
  );
  client.transaction(() => {
    for (let i = 0; i < count; i++) {
      addWorkspace.run(key(i));
      // Due over the next month, a minute apart in turns, as real schedules spread.
      addSettings.run(key(i), next.period, next.at + (i % 1000) * 60_000);
      if (i < DUE) {
        for (let j = 0; j < LINKS_PER_DUE; j++) {
          const url = `https://example.com/${i}/${j}`;
          addLink.run(key(i), j + 1, url, url, month.start + 9 * 86_400_000 + j, `Post ${j}`);
        }
      }
    }
  })();
}

/** Makes workspaces [from, from + count) due with nothing posted yet, and every other one of the sets not. */
function armer(client: Database.Database): (from: number, count: number) => void {
  const setDue = client.prepare(
    "UPDATE workspace_settings SET next_due_period = ?, next_due_at = ? WHERE workspace_key >= ? AND workspace_key < ?",
  );
  return client.transaction((from: number, count: number) => {
    client.exec("DELETE FROM roundup_runs");
    setDue.run(next.period, next.at, key(0), key(2 * DUE));
    setDue.run(PERIOD, dueAt, key(from), key(from + count));
  });
}

/**
 * Runs one tick of each side on two identical small databases, one workspace of each set due,
 * recording every statement executed with its values; returns the differences, empty when alike.
 */
async function checkFloor(dir: string): Promise<{ problems: string[]; statements: number }> {
  const logs: string[][] = [[], []];
  const clients: Database.Database[] = [];
  for (const [side, name] of ["check-tick.db", "check-floor.db"].entries()) {
    const path = join(dir, name);
    const setup = SqliteStore.open(path);
    seed(setup.db.$client, DUE + 1);
    armer(setup.db.$client)(DUE - 1, 2);
    await setup.close();
    clients.push(new Database(path, { verbose: (sql) => logs[side]?.push(squash(String(sql))) }));
  }
  const [tickClient, floorClient] = clients as [Database.Database, Database.Database];
  const store = new SqliteStore(drizzle({ client: tickClient, schema }) as Db);
  // A running bot has seen its workspaces: ensure() then costs nothing, as in the timed ticks.
  for (const workspace of [key(DUE - 1), key(DUE)]) await store.workspaces.ensure(workspace, []);
  logs[0] = [];
  const reports = await schedulerTick(
    { store, clock: { now: () => busyNow }, publishers: { slack: publisher } },
    { owner: OWNER, leaseMs: LEASE_MS },
  );
  const floorOutcomes = tickFloor(floorClient)(busyNow);
  for (const client of clients) client.close();
  const [tick = [], floor = []] = logs;
  const problems: string[] = [];
  const outcomes = reports.map((r) => r.outcome).join(",");
  if (outcomes !== "posted,quiet" || floorOutcomes.join(",") !== outcomes)
    problems.push(`check ticks reported ${outcomes} and ${floorOutcomes.join(",")}, not posted,quiet`);
  const at = tick.findIndex((sql, i) => sql !== floor[i]);
  if (at >= 0 || tick.length !== floor.length) {
    const index = at >= 0 ? at : Math.min(tick.length, floor.length);
    problems.push(`statement ${index + 1} differs:\n  tick:  ${tick[index]}\n  floor: ${floor[index]}`);
  }
  return { problems, statements: tick.length };
}

const dir = mkdtempSync(join(tmpdir(), "roundup-scheduler-bench-"));
try {
  const notes: string[] = [];
  const check = await checkFloor(dir);
  if (check.problems.length === 0) {
    notes.push(
      `floor checked: it executes the tick's ${check.statements} statements, values included, for one posted and one quiet workspace`,
    );
  } else for (const problem of check.problems) notes.push(`NOT LIKE-FOR-LIKE: ${problem}`);

  const path = join(dir, "bench.db");
  const setup = SqliteStore.open(path);
  const started = process.hrtime.bigint();
  seed(setup.db.$client, WORKSPACES);
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await setup.close();

  // One store for the whole run, as the bot keeps one; the floor on its own connection to the file.
  const store = SqliteStore.open(path);
  const floor = openFloor(path);
  for (const diff of settingsDiff(store.db.$client, floor)) notes.push(`NOT LIKE-FOR-LIKE: ${diff}`);
  const arm = armer(floor);
  const floorTick = tickFloor(floor);
  const sides = [
    async (now: number) => {
      const reports = await schedulerTick(
        { store, clock: { now: () => now }, publishers: { slack: publisher } },
        { owner: OWNER, leaseMs: LEASE_MS },
      );
      return reports.map((report) => report.outcome as string);
    },
    async (now: number) => floorTick(now),
  ] as const;

  const samples: Record<Kind, [number[], number[]]> = { idle: [[], []], posted: [[], []], quiet: [[], []] };
  for (let round = -1; round < ROUNDS; round++) {
    // Alternate which side goes first, so neither always finds the warmer cache.
    for (const side of round % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const)) {
      const run = sides[side];
      const times = { idle: 0, posted: 0, quiet: 0 };
      times.idle = await timeAsync(async () => {
        for (let i = 0; i < IDLE_TICKS; i++) {
          if ((await run(idleNow)).length !== 0) throw new Error("an idle tick found work");
        }
      });
      for (const [kind, from] of Object.entries(SETS) as [keyof typeof SETS, number][]) {
        arm(from, DUE);
        let outcomes: string[] = [];
        times[kind] = await timeAsync(async () => {
          outcomes = await run(busyNow);
        });
        if (outcomes.length !== DUE || outcomes.some((outcome) => outcome !== kind))
          throw new Error(`a ${kind} tick reported ${outcomes.length} outcomes: ${outcomes.slice(0, 3)}`);
      }
      // Round -1 warms up: the store's statements, its known workspaces, SQLite's page cache.
      if (round < 0) continue;
      samples.idle[side].push(times.idle / IDLE_TICKS);
      samples.posted[side].push(times.posted);
      samples.quiet[side].push(times.quiet);
    }
  }
  await store.close();
  floor.close();

  const rows: Row[] = [];
  const describe: Record<Kind, string> = {
    idle: `idle tick: none due (${IDLE_TICKS} per sample)`,
    quiet: `tick: ${DUE} due, nothing to post (quiet month)`,
    posted: `tick: ${DUE} due, each posts ${LINKS_PER_DUE} links (1 message)`,
  };
  for (const kind of ["idle", "quiet", "posted"] as const) {
    const [project, raw] = samples[kind];
    const time = kind === "idle" ? us : ms;
    const p = summarize(project);
    const f = summarize(raw);
    rows.push(
      {
        bench: describe[kind],
        metric: "per tick, median",
        project: time(p.p50),
        floor: time(f.p50),
        ratio: ratio(p.p50 / f.p50),
        target: "",
        result: "",
      },
      {
        bench: "",
        metric: `per tick, worst of ${ROUNDS} samples`,
        project: time(p.max),
        floor: time(f.max),
        ratio: "",
        target: "",
        result: "",
      },
      pairedRatioRow(project, raw, TARGET_RATIO),
    );
  }
  console.log(
    `Scheduler tick bench — node ${process.version}; ${WORKSPACES.toLocaleString("en-US")} workspaces (built in ${buildSeconds.toFixed(1)} s)`,
  );
  console.log("project = schedulerTick on SqliteStore; floor = raw better-sqlite3, the same statements\n");
  printTable(rows);
  console.log("");
  for (const note of notes) console.log(`- ${note}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
