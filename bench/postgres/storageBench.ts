/**
 * The storage rows on PostgreSQL, beside the SQLite ones: one add (insertOrGet inside
 * store.transaction, as addLink does it), an import of 1,000 links in one transaction, and the month
 * query on 250,000 links; PostgresStore over NodePgDriver against the floor (raw `pg.Pool`, same
 * size and settings, the same statements in the same order), side by side in one run, alternating who
 * goes first. The database is created fresh on the server BENCH_DATABASE_URL names (else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end; with no
 * server the rows are skipped, in one line that says why. A MISS is reported, not failed.
 *
 * Run: npx tsx bench/postgres/storageBench.ts   (or npm run bench -- postgres)
 */
import { cpus, loadavg } from "node:os";
import type pg from "pg";
import { DEFAULT_CATEGORIES } from "../../src/core/categories/defaultCategories.js";
import type { NewLink } from "../../src/core/types.js";
import { redactDatabaseUrl } from "../../src/storage/databaseUrl.js";
import { NodePgDriver } from "../../src/storage/postgres/nodePgDriver.js";
import { PostgresStore } from "../../src/storage/postgres/postgresStore.js";
import { makeLink, maybeRecommendations, rng } from "../data.js";
import {
  pairedRatioRow,
  perOpRows,
  printTable,
  type Row,
  ratio,
  sideBySideRow,
  summarize,
  timePairAsync,
} from "../stats.js";
import { type BenchDatabase, createBenchDatabase } from "./benchDatabase.js";
import { diffStatements, floorAdd, floorMonth, openFloorPool, recordStatements } from "./floor.js";

// ---- sizes and targets ---------------------------------------------------------------------------

/** Both pools; node-postgres's own default. */
const POOL_MAX = 10;
const TARGET = 1.2;
const ADD = { warmup: 200, count: 2_000, chunk: 20 };
const IMPORT = { warmupBatches: 2, batches: 10, batchSize: 1_000 };
/**
 * A workspace's month as in the SQLite bench (1,000 links a year, ~83 a month), over fewer workspaces:
 * a million rows took 90 s to load on a busy 2-core machine, a quarter of that a quarter as long.
 */
const BIG = { workspaces: 250, perWorkspace: 1_000, months: 12, batchRows: 10_000 };
const MONTH = { warmup: 500, count: 3_000 };
const SMALL_WORKSPACES = 10;
const YEAR = 2025;

const rows: Row[] = [];
const notes: string[] = [];
const log = (message: string) => console.error(`  ${message}`);

const projectKey = (i: number) => `local:p-${String(i).padStart(2, "0")}`;
const floorKey = (i: number) => `local:f-${String(i).padStart(2, "0")}`;
const bigKey = (i: number) => `local:ws-${String(i).padStart(4, "0")}`;

interface Sides {
  store: PostgresStore;
  floor: pg.Pool;
  /** Category ids of project workspace i (the floor's workspace i has the same names). */
  categories: { project: number[][]; floor: number[][] };
}

/**
 * `total` links spread over the small workspaces, twice: once for the project's workspaces, once,
 * identical but for the key and category ids, for the floor's.
 */
function smallLinks(total: number, sides: Sides, seed: number): { project: NewLink[]; floor: NewLink[] } {
  const random = rng(seed);
  const start = Date.UTC(YEAR, 0, 1);
  const project = Array.from({ length: total }, (_, i) =>
    makeLink(
      i,
      projectKey(i % SMALL_WORKSPACES),
      start + i * 60_000,
      sides.categories.project[i % SMALL_WORKSPACES] ?? [],
      random,
    ),
  );
  const floor = project.map((link, i) => {
    const w = i % SMALL_WORKSPACES;
    const at = sides.categories.project[w]?.indexOf(link.categoryId ?? -1) ?? -1;
    return { ...link, workspace: floorKey(w), categoryId: sides.categories.floor[w]?.[at] ?? null };
  });
  return { project, floor };
}

/** The core's add of one link: addLink wraps insertOrGet in a transaction. */
const storeAdd = (store: PostgresStore, link: NewLink) =>
  store.transaction((tx) => tx.links.insertOrGet(link));

async function linkCount(pool: pg.Pool, prefix: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM links WHERE workspace_key LIKE $1",
    [`${prefix}%`],
  );
  return rows[0]?.n ?? 0;
}

/**
 * CPU time this process spends in `work`, summed over calls: with the server doing the rest, the
 * difference between the two sides is what the store's own code costs per op, which the machine's
 * load shifts far less than the wall-clock ratio.
 */
function cpuMeter() {
  let micros = 0;
  return {
    wrap:
      <A extends unknown[]>(work: (...args: A) => Promise<unknown>) =>
      async (...args: A) => {
        const start = process.cpuUsage();
        await work(...args);
        const used = process.cpuUsage(start);
        micros += used.user + used.system;
      },
    get micros() {
      return micros;
    },
  };
}

function cpuRow(project: number, floor: number, ops: number): Row {
  return {
    bench: "",
    metric: "CPU µs/op in the bench process",
    project: `${(project / ops).toFixed(1)} µs`,
    floor: `${(floor / ops).toFixed(1)} µs`,
    ratio: ratio(project / floor),
    target: "",
    result: "",
  };
}

// ---- 0. like-for-like check ----------------------------------------------------------------------

/**
 * One add and one month query through a store and through the floor, each on a pool of its own that
 * records what its connections send: the statements, in order, values included, must be the same.
 */
async function checkLikeForLike(url: string): Promise<void> {
  const driver = new NodePgDriver(url, { max: 1 });
  const projectLog = recordStatements(driver.pool);
  const store = await PostgresStore.open(driver);
  const floor = openFloorPool(url, 1);
  const floorLog = recordStatements(floor);
  try {
    await store.workspaces.ensure("local:check-p", DEFAULT_CATEGORIES);
    await store.workspaces.ensure("local:check-f", DEFAULT_CATEGORIES);
    const link = makeLink(0, "local:check-p", Date.UTC(YEAR, 5, 1), [], rng(9));
    projectLog.length = 0;
    await storeAdd(store, link);
    const perAdd = projectLog.length;
    const projectRows = await store.links.list("local:check-p", {
      from: Date.UTC(YEAR, 5, 1),
      to: Date.UTC(YEAR, 6, 1),
    });
    await floorAdd(floor, [{ ...link, workspace: "local:check-f" }]);
    const floorRows = await floorMonth(floor, "local:check-f", Date.UTC(YEAR, 5, 1), Date.UTC(YEAR, 6, 1));
    const problems = diffStatements(projectLog, floorLog, ["local:check-p", "local:check-f"]);
    const neutral = (xs: unknown[]) =>
      JSON.stringify(xs).replaceAll("local:check-p", "<ws>").replaceAll("local:check-f", "<ws>");
    // The store gives a link no recommendations as [], where the row holds NULL.
    const asStored = projectRows.map((r) => ({
      ...r,
      recommendations: r.recommendations.length > 0 ? r.recommendations : null,
    }));
    if (neutral(asStored) !== neutral(floorRows)) problems.push("the month query's rows differ");
    if (problems.length === 0) {
      notes.push(
        `floor checked: same statements in the same order, prepared alike, values included (${perAdd} round trips per add: BEGIN, duplicate check, number, insert, COMMIT; 1 per month query)`,
      );
    } else for (const problem of problems) notes.push(`NOT LIKE-FOR-LIKE: ${problem}`);
  } finally {
    await store.close();
    await floor.end();
  }
}

// ---- 1. one add per transaction ------------------------------------------------------------------

async function benchAdds(sides: Sides): Promise<void> {
  log(`1. ${ADD.count.toLocaleString("en-US")} adds, one per transaction ...`);
  const links = smallLinks(ADD.warmup + ADD.count, sides, 1);
  const [projectCpu, floorCpu] = [cpuMeter(), cpuMeter()];
  const project = projectCpu.wrap(async (from: number) => {
    for (let i = from; i < from + ADD.chunk; i++) await storeAdd(sides.store, links.project[i] as NewLink);
  });
  const raw = floorCpu.wrap(async (from: number) => {
    for (let i = from; i < from + ADD.chunk; i++) await floorAdd(sides.floor, [links.floor[i] as NewLink]);
  });
  for (let at = 0; at < ADD.warmup; at += ADD.chunk) {
    await project(at);
    await raw(at);
  }
  const [projectWarm, floorWarm] = [projectCpu.micros, floorCpu.micros];
  const projectNs: number[] = [];
  const floorNs: number[] = [];
  for (let at = ADD.warmup, round = 0; at < ADD.warmup + ADD.count; at += ADD.chunk, round++) {
    await timePairAsync(
      round,
      projectNs,
      floorNs,
      () => project(at),
      () => raw(at),
    );
  }
  rows.push(
    ...perOpRows("1. add, 1 per tx (PostgreSQL)", ADD.count, ADD.chunk, projectNs, floorNs, TARGET),
    cpuRow(projectCpu.micros - projectWarm, floorCpu.micros - floorWarm, ADD.count),
  );
}

// ---- 2. imports, 1,000 per transaction -----------------------------------------------------------

async function benchImports(sides: Sides): Promise<void> {
  const { batches, batchSize, warmupBatches } = IMPORT;
  log(`2. ${batches} imports of ${batchSize.toLocaleString("en-US")} links, one transaction each ...`);
  const links = smallLinks((warmupBatches + batches) * batchSize, sides, 2);
  const batch = (side: NewLink[], i: number) => side.slice(i * batchSize, (i + 1) * batchSize);
  const [projectCpu, floorCpu] = [cpuMeter(), cpuMeter()];
  const project = projectCpu.wrap((items: NewLink[]) =>
    sides.store.transaction(async (tx) => {
      for (const link of items) await tx.links.insertOrGet(link);
    }),
  );
  const raw = floorCpu.wrap((items: NewLink[]) => floorAdd(sides.floor, items));
  for (let i = 0; i < warmupBatches; i++) {
    await project(batch(links.project, i));
    await raw(batch(links.floor, i));
  }
  const [projectWarm, floorWarm] = [projectCpu.micros, floorCpu.micros];
  const projectNs: number[] = [];
  const floorNs: number[] = [];
  for (let i = warmupBatches; i < warmupBatches + batches; i++) {
    const mine = batch(links.project, i);
    const theirs = batch(links.floor, i);
    await timePairAsync(
      i,
      projectNs,
      floorNs,
      () => project(mine),
      () => raw(theirs),
    );
  }
  rows.push(
    ...perOpRows(
      `2. import, ${batchSize}/tx (PostgreSQL)`,
      batches * batchSize,
      batchSize,
      projectNs,
      floorNs,
      TARGET,
    ),
    cpuRow(projectCpu.micros - projectWarm, floorCpu.micros - floorWarm, batches * batchSize),
  );
}

// ---- 3. the month query on 250,000 links -------------------------------------------------------

/**
 * Loads the big workspaces with raw multi-row inserts, the links indexes dropped and then rebuilt
 * with the migration's own definitions (one sort per index instead of a million insertions), then
 * VACUUM ANALYZE, as autovacuum would have left a database that old.
 */
async function buildBigDatabase(pool: pg.Pool): Promise<void> {
  const total = BIG.workspaces * BIG.perWorkspace;
  log(`3. building ${total.toLocaleString("en-US")} links over ${BIG.workspaces} workspaces ...`);
  const started = process.hrtime.bigint();
  const keys = Array.from({ length: BIG.workspaces }, (_, w) => bigKey(w));
  await pool.query("INSERT INTO workspaces (key) SELECT unnest($1::text[])", [keys]);
  await pool.query(
    `INSERT INTO categories (workspace_key, name, slug, emoji, position)
     SELECT w, c.name, c.slug, c.emoji, c.position - 1
     FROM unnest($1::text[]) AS w
     CROSS JOIN unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS c(name, slug, emoji, position)`,
    [
      keys,
      DEFAULT_CATEGORIES.map((c) => c.name),
      DEFAULT_CATEGORIES.map((c) => c.slug),
      DEFAULT_CATEGORIES.map((c) => c.emoji),
    ],
  );
  const { rows: byWorkspace } = await pool.query<{ key: string; ids: number[] }>(
    "SELECT workspace_key AS key, array_agg(id ORDER BY position) AS ids FROM categories WHERE workspace_key LIKE 'local:ws-%' GROUP BY 1",
  );
  const categories = new Map(byWorkspace.map((r) => [r.key, r.ids]));
  const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
    "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'links' AND indexname <> 'links_pkey'",
  );
  for (const { name } of indexes) await pool.query(`DROP INDEX "${name}"`);
  // Links arrive in time order, workspaces interleaved as in real use, so one workspace's month is
  // spread over many table pages rather than packed together (as in the SQLite bench).
  const random = rng(3);
  const start = Date.UTC(YEAR, 0, 1);
  const span = Date.UTC(YEAR + 1, 0, 1) - start;
  const columns = 15;
  for (let from = 0; from < total; from += BIG.batchRows) {
    const arrays: unknown[][] = Array.from({ length: columns }, () => []);
    for (let i = from; i < Math.min(total, from + BIG.batchRows); i++) {
      const w = i % BIG.workspaces;
      const sharedAt = start + Math.floor(((i + random()) * span) / total);
      const l = makeLink(i, bigKey(w), sharedAt, categories.get(bigKey(w)) ?? [], random);
      const row = [
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
      ];
      for (let c = 0; c < columns; c++) arrays[c]?.push(row[c]);
    }
    await pool.query(
      `INSERT INTO links (workspace_key, number, url, normalized_url, title, author, description, site_name,
         note, category_id, shared_by_id, shared_by_name, shared_at, source, recommendations)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::bigint[], $14::text[], $15::jsonb[])`,
      arrays,
    );
  }
  for (const { definition } of indexes) await pool.query(definition);
  await pool.query(
    "UPDATE workspaces SET last_link_number = (SELECT coalesce(max(number), 0) FROM links WHERE workspace_key = key) WHERE key LIKE 'local:ws-%'",
  );
  await pool.query("VACUUM ANALYZE links");
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { rows: size } = await pool.query<{ mb: number }>(
    "SELECT pg_total_relation_size('links') / 1048576.0 AS mb",
  );
  notes.push(
    `big database: ${total.toLocaleString("en-US")} links, ${BIG.workspaces} workspaces, links table and indexes ${Number(size[0]?.mb).toFixed(0)} MB, built in ${seconds.toFixed(1)} s`,
  );
}

interface MonthQuery {
  workspace: string;
  from: number;
  to: number;
}

function randomMonths(n: number, seed: number): MonthQuery[] {
  const random = rng(seed);
  return Array.from({ length: n }, () => {
    const month = Math.floor(random() * BIG.months);
    return {
      workspace: bigKey(Math.floor(random() * BIG.workspaces)),
      from: Date.UTC(YEAR, month, 1),
      to: Date.UTC(YEAR, month + 1, 1),
    };
  });
}

async function benchMonthQuery(sides: Sides): Promise<void> {
  log(`3. ${MONTH.count.toLocaleString("en-US")} month queries each ...`);
  const { rows: plan } = await sides.floor.query<{ "QUERY PLAN": string }>(
    `EXPLAIN SELECT * FROM links WHERE workspace_key = '${bigKey(0)}' AND shared_at >= 0 AND shared_at < 1 ORDER BY shared_at, links.id`,
  );
  notes.push(
    `month query plan: ${plan.map((r) => r["QUERY PLAN"].trim().replace(/\s+\(cost=.*$/, "")).join("; ")}`,
  );
  const queries = randomMonths(MONTH.warmup + MONTH.count, 4);
  const projectNs: number[] = [];
  const floorNs: number[] = [];
  let mismatches = 0;
  let found = 0;
  const [projectCpu, floorCpu] = [cpuMeter(), cpuMeter()];
  let a = 0;
  let b = 0;
  const project = projectCpu.wrap(async (q: MonthQuery) => {
    a = (await sides.store.links.list(q.workspace, { from: q.from, to: q.to })).length;
  });
  const raw = floorCpu.wrap(async (q: MonthQuery) => {
    b = (await floorMonth(sides.floor, q.workspace, q.from, q.to)).length;
  });
  let [projectWarm, floorWarm] = [0, 0];
  for (const [i, q] of queries.entries()) {
    if (i === MONTH.warmup) [projectWarm, floorWarm] = [projectCpu.micros, floorCpu.micros];
    const p: number[] = [];
    const f: number[] = [];
    await timePairAsync(
      i,
      p,
      f,
      () => project(q),
      () => raw(q),
    );
    if (a !== b) mismatches++;
    if (i < MONTH.warmup) continue;
    projectNs.push(p[0] ?? Number.NaN);
    floorNs.push(f[0] ?? Number.NaN);
    found += a;
  }
  if (mismatches > 0) notes.push(`MISMATCH: ${mismatches} month queries returned different row counts`);
  notes.push(`month query: ${(found / MONTH.count).toFixed(1)} links per workspace month on average`);
  const p = summarize(projectNs);
  const f = summarize(floorNs);
  const bench = `3. month of 1 workspace, ${(BIG.workspaces * BIG.perWorkspace) / 1_000}k links (${MONTH.count.toLocaleString("en-US")} random, PostgreSQL)`;
  rows.push(
    { ...sideBySideRow("p50", p.p50, f.p50), bench },
    sideBySideRow("p99", p.p99, f.p99),
    sideBySideRow("mean", p.mean, f.mean),
    pairedRatioRow(projectNs, floorNs, TARGET),
    cpuRow(projectCpu.micros - projectWarm, floorCpu.micros - floorWarm, MONTH.count),
  );
}

// ---- main ----------------------------------------------------------------------------------------

async function categoryIds(pool: pg.Pool, keys: string[]): Promise<number[][]> {
  const { rows } = await pool.query<{ key: string; ids: number[] }>(
    "SELECT workspace_key AS key, array_agg(id ORDER BY position) AS ids FROM categories WHERE workspace_key = ANY($1) GROUP BY 1",
    [keys],
  );
  return keys.map((key) => rows.find((r) => r.key === key)?.ids ?? []);
}

async function run(database: BenchDatabase): Promise<void> {
  const started = process.hrtime.bigint();
  console.log(
    `Roundup storage bench on PostgreSQL ${database.version} — node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()[0]?.toFixed(1)}, database ${database.name} on ${redactDatabaseUrl(database.url).replace(/\/[^/]*$/, "")}`,
  );
  console.log(
    `project = PostgresStore over NodePgDriver (pool of ${POOL_MAX}); floor = raw pg.Pool (same size and settings), same statements in the same order\n`,
  );
  await checkLikeForLike(database.url);
  const store = await PostgresStore.open(new NodePgDriver(database.url, { max: POOL_MAX }));
  const floor = openFloorPool(database.url, POOL_MAX);
  try {
    const projectKeys = Array.from({ length: SMALL_WORKSPACES }, (_, w) => projectKey(w));
    const floorKeys = Array.from({ length: SMALL_WORKSPACES }, (_, w) => floorKey(w));
    for (const key of [...projectKeys, ...floorKeys]) await store.workspaces.ensure(key, DEFAULT_CATEGORIES);
    const sides: Sides = {
      store,
      floor,
      categories: {
        project: await categoryIds(floor, projectKeys),
        floor: await categoryIds(floor, floorKeys),
      },
    };
    await benchAdds(sides);
    await benchImports(sides);
    const [mine, theirs] = [await linkCount(floor, "local:p-"), await linkCount(floor, "local:f-")];
    if (mine !== theirs) notes.push(`MISMATCH: the store added ${mine} links, the floor ${theirs}`);
    await buildBigDatabase(floor);
    await benchMonthQuery(sides);
  } finally {
    await store.close();
    await floor.end();
  }
  console.log("");
  printTable(rows);
  console.log("");
  for (const note of notes) console.log(`- ${note}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`- total bench time ${seconds.toFixed(1)} s`);
}

const database = await createBenchDatabase("storage");
if ("skipped" in database) {
  console.log(`PostgreSQL storage rows skipped: ${database.skipped}`);
} else {
  try {
    await run(database);
  } finally {
    await database.drop();
  }
}
