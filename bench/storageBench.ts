/**
 * `npm run bench`: the project's storage code side by side with the floor (raw better-sqlite3 prepared
 * statements, same pragmas, same SQL) on fresh temp database files, plus the whole roundup on a
 * 1,000,000-link database. Prints one table with ratios, targets and PASS/MISS. Never fails the
 * process on a MISS: it is a measurement, not a test.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { DEFAULT_CATEGORIES } from "../src/core/categories/defaultCategories.js";
import { type AddLinkInput, addLink } from "../src/core/links/addLink.js";
import { normalizeUrl, sharedUrl } from "../src/core/links/url.js";
import { systemClock } from "../src/core/ports/clock.js";
import { renderMarkdown } from "../src/core/render/renderMarkdown.js";
import { buildRoundup } from "../src/core/roundup/buildRoundup.js";
import type { Category, NewLink } from "../src/core/types.js";
import type { Db } from "../src/storage/database.js";
import * as schema from "../src/storage/schema.js";
import { SqliteStore } from "../src/storage/sqliteStore.js";
import { makeLink, maybeRecommendations, rng } from "./data.js";
import {
  CATEGORIES_SQL,
  checkFloorSql,
  FIND_SQL,
  INSERT_SQL,
  MONTH_SQL,
  openFloor,
  settingsDiff,
  squash,
} from "./floor.js";
import {
  ms,
  percentileRows,
  perOpRows,
  printTable,
  type Row,
  sideBySideRow,
  summarize,
  time,
  timeAsync,
  verdict,
} from "./stats.js";

// ---- sizes and targets ---------------------------------------------------------------------------

const ADD = { warmup: 500, count: 10_000, chunk: 50, target: 1.1 };
const IMPORT = { warmupBatches: 4, batches: 30, batchSize: 1_000, target: 1.2 };
const BIG = { workspaces: 1_000, perWorkspace: 1_000, months: 12, txRows: 100_000 };
const MONTH = { warmup: 1_000, count: 5_000, targetRatio: 1.1, targetP99Ms: 3 };
const ROUNDUP = { warmup: 300, count: 2_000, targetMs: 10 };
/** Whole adds through the core: what it costs on top of SQLite is the figure; no target yet. */
const ADD_LINK = { warmup: 500, count: 5_000, chunk: 50 };
const SMALL_WORKSPACES = 10;
const YEAR = 2025;

// ---- temp files ----------------------------------------------------------------------------------

const TEMP_PREFIX = "roundup-bench-";

/**
 * Removes the temp folders of earlier runs that were killed before they could clean up (tsx kills a
 * child that does not answer a signal within milliseconds). Folders carry their run's pid, so a run
 * still going is never touched.
 */
function sweepStaleRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // Still running.
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") continue;
    }
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

sweepStaleRuns();
const root = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
const closers: (() => void)[] = [];
let cleaned = false;

function cleanup(): void {
  if (cleaned) return;
  cleaned = true;
  for (const close of closers.reverse()) {
    try {
      close();
    } catch {
      // Already closed.
    }
  }
  rmSync(root, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    cleanup();
    process.exit(code);
  });
}

function openStore(path: string): SqliteStore {
  const store = SqliteStore.open(path);
  // The connection itself: cleanup runs on exit, where nothing can be awaited.
  closers.push(() => store.db.$client.close());
  return store;
}

function openRaw(path: string): Database.Database {
  const client = openFloor(path);
  closers.push(() => client.close());
  return client;
}

const workspaceKey = (i: number) => `local:ws-${String(i).padStart(4, "0")}`;
const count = (client: Database.Database) =>
  (client.prepare("SELECT count(*) AS n FROM links").get() as { n: number }).n;

/** A store and a floor connection, each on its own fresh file with the same migrations and workspaces. */
async function freshPair(
  name: string,
): Promise<{ store: SqliteStore; floor: Database.Database; categories: number[][] }> {
  const floorPath = join(root, `${name}-floor.db`);
  const seeding = SqliteStore.open(floorPath);
  const store = openStore(join(root, `${name}-project.db`));
  const categories: number[][] = [];
  for (let w = 0; w < SMALL_WORKSPACES; w++) {
    await store.workspaces.ensure(workspaceKey(w), DEFAULT_CATEGORIES);
    await seeding.workspaces.ensure(workspaceKey(w), DEFAULT_CATEGORIES);
    categories.push((await store.categories.list(workspaceKey(w))).map((c) => c.id));
  }
  await seeding.close();
  return { store, floor: openRaw(floorPath), categories };
}

function smallLinks(total: number, categories: number[][], seed: number): NewLink[] {
  const random = rng(seed);
  const start = Date.UTC(YEAR, 0, 1);
  return Array.from({ length: total }, (_, i) =>
    makeLink(
      i,
      workspaceKey(i % SMALL_WORKSPACES),
      start + i * 60_000,
      categories[i % SMALL_WORKSPACES] ?? [],
      random,
    ),
  );
}

/**
 * Lets the event loop run (between timed sections only), so Ctrl-C reaches the handler above and the
 * temp files go; the bench otherwise never yields to it (its awaits settle at once, as microtasks) and
 * a signal would wait for its end.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const rows: Row[] = [];
const notes: string[] = [];
const log = (message: string) => console.error(`  ${message}`);

// ---- 0. like-for-like checks ---------------------------------------------------------------------

function checkLikeForLike(store: SqliteStore, floor: Database.Database): void {
  const sql = checkFloorSql(floor);
  const settings = settingsDiff(store.db.$client, floor);
  if (sql.length === 0 && settings.length === 0) {
    notes.push("floor SQL text and connection settings checked identical to the store's");
  } else {
    for (const problem of [...sql, ...settings]) notes.push(`NOT LIKE-FOR-LIKE: ${problem}`);
  }
}

// ---- 1. one add per transaction ------------------------------------------------------------------

async function benchAdds(): Promise<void> {
  log(`1. ${ADD.count.toLocaleString("en-US")} adds, one per transaction ...`);
  const { store, floor, categories } = await freshPair("add");
  checkLikeForLike(store, floor);
  const links = smallLinks(ADD.warmup + ADD.count, categories, 1);
  const insert = floor.prepare(INSERT_SQL);
  const find = floor.prepare(FIND_SQL);
  const project = async (from: number) => {
    for (let i = from; i < from + ADD.chunk; i++) await store.links.insertOrGet(links[i] as NewLink);
  };
  const raw = (from: number) => {
    for (let i = from; i < from + ADD.chunk; i++) {
      const link = links[i] as NewLink;
      if (find.get({ workspace: link.workspace, key: link.normalizedUrl }) === undefined) insert.get(link);
    }
  };
  for (let at = 0; at < ADD.warmup; at += ADD.chunk) {
    await project(at);
    raw(at);
  }
  const projectNs: number[] = [];
  const floorNs: number[] = [];
  for (let at = ADD.warmup, round = 0; at < ADD.warmup + ADD.count; at += ADD.chunk, round++) {
    await timePair(
      round,
      projectNs,
      floorNs,
      () => project(at),
      () => raw(at),
    );
    if (round % 20 === 19) await breathe();
  }
  if (count(store.db.$client) !== count(floor))
    notes.push("MISMATCH: add databases hold different link counts");
  rows.push(...perOpRows("1. add, 1 per tx", ADD.count, ADD.chunk, projectNs, floorNs, ADD.target));
}

/**
 * Times one pair of samples side by side. Who goes first alternates with `round`, so neither side
 * always runs right after the other's WAL checkpoint.
 */
async function timePair(
  round: number,
  projectNs: number[],
  floorNs: number[],
  project: () => Promise<unknown>,
  raw: () => unknown,
): Promise<void> {
  if (round % 2 === 0) {
    projectNs.push(await timeAsync(project));
    floorNs.push(time(raw));
  } else {
    floorNs.push(time(raw));
    projectNs.push(await timeAsync(project));
  }
}

// ---- 2. imports, 1,000 per transaction -----------------------------------------------------------

async function benchImports(): Promise<void> {
  const { batches, batchSize, warmupBatches } = IMPORT;
  log(`2. ${batches} imports of ${batchSize.toLocaleString("en-US")} links, one transaction each ...`);
  const { store, floor, categories } = await freshPair("import");
  const links = smallLinks((warmupBatches + batches) * batchSize, categories, 2);
  const batch = (i: number) => links.slice(i * batchSize, (i + 1) * batchSize);
  const insert = floor.prepare(INSERT_SQL);
  const find = floor.prepare(FIND_SQL);
  const rawImport = floor.transaction((items: NewLink[]) => {
    for (const link of items)
      if (find.get({ workspace: link.workspace, key: link.normalizedUrl }) === undefined) insert.get(link);
  });
  const project = (items: NewLink[]) =>
    store.transaction(async (tx) => {
      for (const link of items) await tx.links.insertOrGet(link);
    });
  for (let i = 0; i < warmupBatches; i++) {
    await project(batch(i));
    rawImport(batch(i));
  }
  const projectNs: number[] = [];
  const floorNs: number[] = [];
  for (let i = warmupBatches; i < warmupBatches + batches; i++) {
    const items = batch(i);
    await timePair(
      i,
      projectNs,
      floorNs,
      () => project(items),
      () => rawImport(items),
    );
    await breathe();
  }
  if (count(store.db.$client) !== count(floor))
    notes.push("MISMATCH: import databases hold different link counts");
  rows.push(
    ...perOpRows(
      `2. import, ${batchSize}/tx`,
      batches * batchSize,
      batchSize,
      projectNs,
      floorNs,
      IMPORT.target,
    ),
  );
}

// ---- 3. the month query on 1,000,000 links -------------------------------------------------------

/** Builds the big database with raw statements in large transactions; returns its path. */
async function buildBigDatabase(): Promise<string> {
  const path = join(root, "big.db");
  const total = BIG.workspaces * BIG.perWorkspace;
  log(`3. building ${total.toLocaleString("en-US")} links over ${BIG.workspaces} workspaces ...`);
  const started = process.hrtime.bigint();
  await SqliteStore.open(path).close(); // The schema, by the project's own migrations.

  // Build-only settings: no journal and no syncs make the one-off load fast. The measured
  // connections below open the file with the store's own pragmas (WAL, NORMAL, foreign keys).
  const build = new Database(path);
  build.pragma("journal_mode = OFF");
  build.pragma("synchronous = OFF");
  build.pragma("cache_size = -262144");
  build.pragma("foreign_keys = ON");
  const addWorkspace = build.prepare("INSERT INTO workspaces (key) VALUES (?)");
  const addSettings = build.prepare("INSERT INTO workspace_settings (workspace_key) VALUES (?)");
  const addCategory = build.prepare(
    "INSERT INTO categories (workspace_key, name, slug, emoji, position) VALUES (?, ?, ?, ?, ?)",
  );
  // Loading without the links indexes and then creating them with the migration's own DDL sorts each
  // index once instead of inserting into it a million times: seconds instead of ~20 s.
  const indexes = build
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'links' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) build.exec(`DROP INDEX "${name}"`);
  // The numbering trigger too: the loader numbers links itself and sets each counter once at the end.
  const triggers = build
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'links'")
    .all() as { name: string; sql: string }[];
  for (const { name } of triggers) build.exec(`DROP TRIGGER "${name}"`);
  const addLink = build.prepare(
    `INSERT INTO links (workspace_key, number, url, normalized_url, title, author, description, site_name,
       note, category_id, shared_by_id, shared_by_name, shared_at, source, recommendations)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const categories: number[][] = [];
  build.transaction(() => {
    for (let w = 0; w < BIG.workspaces; w++) {
      addWorkspace.run(workspaceKey(w));
      addSettings.run(workspaceKey(w));
      categories.push(
        DEFAULT_CATEGORIES.map((c, position) =>
          Number(addCategory.run(workspaceKey(w), c.name, c.slug, c.emoji, position).lastInsertRowid),
        ),
      );
    }
  })();
  // Links arrive in time order, workspaces interleaved as in real use, so one workspace's month is
  // spread over many table pages rather than packed together.
  const random = rng(3);
  const start = Date.UTC(YEAR, 0, 1);
  const span = Date.UTC(YEAR + 1, 0, 1) - start;
  const insertRange = build.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const w = i % BIG.workspaces;
      const sharedAt = start + Math.floor(((i + random()) * span) / total);
      const l = makeLink(i, workspaceKey(w), sharedAt, categories[w] ?? [], random);
      addLink.run(
        l.workspace,
        Math.floor(i / BIG.workspaces) + 1,
        l.url,
        l.normalizedUrl,
        l.title,
        l.author,
        l.description,
        l.siteName,
        l.note,
        l.categoryId,
        l.sharedById,
        l.sharedByName,
        l.sharedAt,
        l.source,
        maybeRecommendations(sharedAt, random),
      );
    }
  });
  for (let from = 0; from < total; from += BIG.txRows) {
    insertRange(from, Math.min(total, from + BIG.txRows));
    await breathe();
  }
  for (const { sql } of indexes) build.exec(sql);
  for (const { sql } of triggers) build.exec(sql);
  build.exec(
    "UPDATE workspaces SET last_link_number = (SELECT coalesce(max(number), 0) FROM links WHERE workspace_key = key)",
  );
  build.close();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mb = statSync(path).size / 1024 / 1024;
  notes.push(
    `big database: ${total.toLocaleString("en-US")} links, ${BIG.workspaces} workspaces, ${mb.toFixed(0)} MB, built in ${seconds.toFixed(1)} s`,
  );
  return path;
}

interface MonthQuery {
  workspace: string;
  period: string;
  from: number;
  to: number;
}

function randomMonths(n: number, seed: number): MonthQuery[] {
  const random = rng(seed);
  return Array.from({ length: n }, () => {
    const month = Math.floor(random() * BIG.months);
    return {
      workspace: workspaceKey(Math.floor(random() * BIG.workspaces)),
      period: `${YEAR}-${String(month + 1).padStart(2, "0")}`,
      from: Date.UTC(YEAR, month, 1),
      to: Date.UTC(YEAR, month + 1, 1),
    };
  });
}

async function benchMonthQuery(store: SqliteStore, floor: Database.Database): Promise<void> {
  log(`3. ${MONTH.count.toLocaleString("en-US")} month queries each ...`);
  const statement = floor.prepare(MONTH_SQL);
  const plan = floor
    .prepare(`EXPLAIN QUERY PLAN ${MONTH_SQL}`)
    .all({ workspace: workspaceKey(0), from: 0, to: 1 });
  notes.push(`month query plan: ${(plan as { detail: string }[]).map((row) => row.detail).join("; ")}`);
  const queries = randomMonths(MONTH.warmup + MONTH.count, 4);
  const project = async (q: MonthQuery) =>
    (await store.links.list(q.workspace, { from: q.from, to: q.to })).length;
  const raw = (q: MonthQuery) => statement.all({ workspace: q.workspace, from: q.from, to: q.to }).length;
  const projectNs: number[] = [];
  const floorNs: number[] = [];
  let mismatches = 0;
  let found = 0;
  for (const [i, q] of queries.entries()) {
    if (i % 500 === 499) await breathe();
    let a = 0;
    let b = 0;
    const tp = () =>
      timeAsync(async () => {
        a = await project(q);
      });
    const tf = () => time(() => (b = raw(q)));
    let p: number;
    let f: number;
    if (i % 2 === 0) {
      p = await tp();
      f = tf();
    } else {
      f = tf();
      p = await tp();
    }
    if (a !== b) mismatches++;
    if (i < MONTH.warmup) continue;
    projectNs.push(p);
    floorNs.push(f);
    found += a;
  }
  if (mismatches > 0) notes.push(`MISMATCH: ${mismatches} month queries returned different row counts`);
  notes.push(`month query: ${(found / MONTH.count).toFixed(1)} links per workspace month on average`);
  const p = summarize(projectNs);
  const f = summarize(floorNs);
  const bench = `3. month of 1 workspace, 1M links (${MONTH.count.toLocaleString("en-US")} random)`;
  rows.push(...percentileRows(bench, "p50", p, f, MONTH.targetP99Ms), {
    ...sideBySideRow("mean", p.mean, f.mean),
    target: `≤${MONTH.targetRatio.toFixed(2)}x`,
    result: verdict(p.mean / f.mean <= MONTH.targetRatio),
  });
}

// ---- 4. the whole roundup ------------------------------------------------------------------------

async function benchRoundup(store: SqliteStore): Promise<void> {
  log(`4. ${ROUNDUP.count.toLocaleString("en-US")} roundups built and rendered ...`);
  const queries = randomMonths(ROUNDUP.warmup + ROUNDUP.count, 5);
  const samples: number[] = [];
  let chars = 0;
  for (const [i, q] of queries.entries()) {
    if (i % 200 === 199) await breathe();
    let markdown = "";
    const ns = await timeAsync(async () => {
      markdown = renderMarkdown(
        await buildRoundup({ store, clock: systemClock }, { workspace: q.workspace, period: q.period }),
      );
    });
    if (i < ROUNDUP.warmup) continue;
    samples.push(ns);
    chars += markdown.length;
  }
  notes.push(
    `roundup: ${Math.round(chars / ROUNDUP.count).toLocaleString("en-US")} characters of Markdown on average`,
  );
  const s = summarize(samples);
  const target = ROUNDUP.targetMs * 1e6;
  const bench = `4. roundup built + rendered, 1M links (${ROUNDUP.count.toLocaleString("en-US")} random)`;
  rows.push(
    {
      bench,
      metric: "p50",
      project: ms(s.p50),
      floor: "-",
      ratio: "",
      target: `<${ROUNDUP.targetMs} ms`,
      result: verdict(s.p50 < target),
    },
    {
      bench: "",
      metric: "p99",
      project: ms(s.p99),
      floor: "-",
      ratio: "",
      target: `<${ROUNDUP.targetMs} ms`,
      result: verdict(s.p99 < target),
    },
    { bench: "", metric: "mean", project: ms(s.mean), floor: "-", ratio: "", target: "", result: "" },
  );
}

// ---- 5. a whole /read add through the core -------------------------------------------------------

/**
 * The floor of one `addLink`: the statements it runs, in its order, with its values worked out
 * beforehand (the URL parsed and normalized, the category's id found): the workspace's categories,
 * then the duplicate check and the insert in one IMMEDIATE transaction. `checkAddLinkFloor` compares
 * them with what `addLink` executes.
 */
function addLinkFloor(client: Database.Database): (link: NewLink) => void {
  const categories = client.prepare(CATEGORIES_SQL);
  const find = client.prepare(FIND_SQL);
  const insert = client.prepare(INSERT_SQL);
  return (link) => {
    categories.all(link.workspace);
    client.exec("BEGIN IMMEDIATE");
    try {
      if (find.get({ workspace: link.workspace, key: link.normalizedUrl }) === undefined) insert.get(link);
      client.exec("COMMIT");
    } catch (error) {
      if (client.inTransaction) client.exec("ROLLBACK");
      throw error;
    }
  };
}

/** What a person types for `link`, and the row the core stores for it (what the floor inserts). */
function addLinkInput(link: NewLink, categories: Category[]): { input: AddLinkInput; row: NewLink } {
  const category = categories.find((c) => c.id === link.categoryId) ?? null;
  const input: AddLinkInput = {
    workspace: link.workspace,
    url: link.url,
    category: category?.name ?? null,
    note: link.note,
    title: link.title,
    author: link.author,
    userId: link.sharedById,
    userName: link.sharedByName,
    source: link.source,
    at: link.sharedAt,
  };
  const { url, text } = sharedUrl(link.url);
  // addLink leaves the page's own description and site name to the lookup that follows it.
  const row = { ...link, url: text, normalizedUrl: normalizeUrl(url), description: null, siteName: null };
  return { input, row };
}

/**
 * Runs one add on each side of a fresh pair of files opened with a statement log, and returns how the
 * statements they executed differ (values included): empty when the floor does what addLink does.
 */
async function checkAddLinkFloor(link: NewLink): Promise<string[]> {
  const logs: string[][] = [[], []];
  const clients: Database.Database[] = [];
  for (const [side, name] of ["check-addlink-project.db", "check-addlink-floor.db"].entries()) {
    const path = join(root, name);
    const setup = SqliteStore.open(path);
    await setup.workspaces.ensure(link.workspace, DEFAULT_CATEGORIES);
    await setup.close();
    const client = new Database(path, { verbose: (sql) => logs[side]?.push(squash(String(sql))) });
    closers.push(() => client.close());
    clients.push(client);
  }
  const [projectClient, floorClient] = clients as [Database.Database, Database.Database];
  const store = new SqliteStore(drizzle({ client: projectClient, schema }) as Db);
  // A running bot has seen its workspaces: ensure() then costs nothing, as in the timed adds.
  await store.workspaces.ensure(link.workspace, DEFAULT_CATEGORIES);
  const { input, row } = addLinkInput(link, await store.categories.list(link.workspace));
  logs[0] = [];
  await addLink({ store, clock: systemClock }, input);
  addLinkFloor(floorClient)(row);
  const [project = [], floor = []] = logs;
  const at = project.findIndex((sql, i) => sql !== floor[i]);
  if (at < 0 && project.length === floor.length) return [];
  const index = at >= 0 ? at : Math.min(project.length, floor.length);
  return [`addLink statement ${index + 1} differs:\n  core:  ${project[index]}\n  floor: ${floor[index]}`];
}

async function benchAddLink(): Promise<void> {
  log(
    `5. ${ADD_LINK.count.toLocaleString("en-US")} adds through the core (addLink), one per transaction ...`,
  );
  const { store, floor, categories } = await freshPair("addlink");
  const links = smallLinks(ADD_LINK.warmup + ADD_LINK.count, categories, 6);
  const problems = await checkAddLinkFloor(links[0] as NewLink);
  if (problems.length === 0) {
    notes.push("addLink floor checked: it executes addLink's statements, values included");
  } else for (const problem of problems) notes.push(`NOT LIKE-FOR-LIKE: ${problem}`);
  const byWorkspace = new Map<string, Category[]>();
  for (let w = 0; w < SMALL_WORKSPACES; w++) {
    byWorkspace.set(workspaceKey(w), await store.categories.list(workspaceKey(w), { includeArchived: true }));
  }
  const adds = links.map((link) => addLinkInput(link, byWorkspace.get(link.workspace) ?? []));
  const deps = { store, clock: systemClock };
  const floorAdd = addLinkFloor(floor);
  const project = async (from: number) => {
    for (let i = from; i < from + ADD_LINK.chunk; i++)
      await addLink(deps, (adds[i] as { input: AddLinkInput }).input);
  };
  const raw = (from: number) => {
    for (let i = from; i < from + ADD_LINK.chunk; i++) floorAdd((adds[i] as { row: NewLink }).row);
  };
  for (let at = 0; at < ADD_LINK.warmup; at += ADD_LINK.chunk) {
    await project(at);
    raw(at);
  }
  const projectNs: number[] = [];
  const floorNs: number[] = [];
  for (
    let at = ADD_LINK.warmup, round = 0;
    at < ADD_LINK.warmup + ADD_LINK.count;
    at += ADD_LINK.chunk, round++
  ) {
    await timePair(
      round,
      projectNs,
      floorNs,
      () => project(at),
      () => raw(at),
    );
    if (round % 20 === 19) await breathe();
  }
  const stored = (client: Database.Database) =>
    JSON.stringify(
      client
        .prepare(
          "SELECT workspace_key, number, url, normalized_url, title, author, note, category_id, shared_by_name, shared_at FROM links ORDER BY id",
        )
        .all(),
    );
  if (stored(store.db.$client) !== stored(floor))
    notes.push("MISMATCH: the addLink databases hold different links");
  rows.push(
    ...perOpRows(
      "5. /read add through the core, 1 per tx",
      ADD_LINK.count,
      ADD_LINK.chunk,
      projectNs,
      floorNs,
      null,
    ),
  );
}

// ---- main ----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const probe = new Database(":memory:");
  const sqlite = (probe.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  probe.close();
  console.log(
    `Roundup storage bench — node ${process.version}, SQLite ${sqlite}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? "?"}), temp ${root}`,
  );
  console.log("project = src/storage (SqliteStore); floor = raw better-sqlite3, same pragmas and SQL text\n");

  await benchAdds();
  await benchImports();
  await benchAddLink();
  const bigPath = await buildBigDatabase();
  const store = openStore(bigPath);
  const floor = openRaw(bigPath);
  await benchMonthQuery(store, floor);
  await benchRoundup(store);

  console.log("");
  printTable(rows);
  console.log("");
  for (const note of notes) console.log(`- ${note}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`- total bench time ${seconds.toFixed(1)} s`);
}

try {
  await main();
} finally {
  cleanup();
}
