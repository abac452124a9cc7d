/**
 * Slack `/read add` throughput on PostgreSQL, with one bot replica and with three on one database:
 * each replica is `node dist/main.js` (built first) with DATABASE_URL on a fresh bench database, the
 * loopback Slack API and its own PORT; autocannon spreads its connections round-robin over the
 * replicas, as a load balancer with keep-alive would. Every request is a signed add of a new URL to one
 * workspace (BENCH_TEAMS=30 spreads them over 30: adds to one workspace queue on its row lock, which
 * the numbering takes until COMMIT). No target: the figures are printed (the machine's cores with them, since the replicas,
 * the server and the load generator all share them).
 *
 * Run: npx tsx bench/postgres/slackBench.ts   (or npm run bench -- postgres)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { redactDatabaseUrl } from "../../src/storage/databaseUrl.js";
import { startMockApi } from "../slack/mockApi.js";
import { BENCH_SECRET } from "../slack/shared.js";
import { signedAdd } from "../slack/signedAdd.js";
import { type BenchDatabase, createBenchDatabase } from "./benchDatabase.js";

const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = 8;
/** A multiple of every replica count, so each replica gets as many connections. */
const CONNECTIONS = 30;
const REPLICAS = [1, 3] as const;
/** Rounds, alternating which replica count goes first: one window on a shared machine can stall. */
const ROUNDS = 3;
const READY_TIMEOUT_MS = 30_000;
const TEAMS = Number(process.env.BENCH_TEAMS ?? 1);

const repo = fileURLToPath(new URL("../..", import.meta.url));
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

interface Measure {
  replicas: number;
  round: number;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  inserted: number;
  /** Server transactions per add, start-up and shutdown included (a few dozen over hundreds of adds). */
  commitsPerAdd: number;
  /** CPU the replicas used in the measured window over the adds made in it. */
  replicaCpuMsPerAdd: number;
}

/** A port nothing listens on right now, for a replica's PORT. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

interface Replica {
  port: number;
  child: ChildProcess;
  exited: Promise<void>;
}

/** `npm start`'s entry point as a replica; resolves once its /healthz answers 200. */
async function startReplica(databaseUrl: string, apiUrl: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: BENCH_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      // As in the SQLite Slack bench: no page lookups to bench.example after each add.
      FETCH_METADATA: "false",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  let errors = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    errors = (errors + chunk).slice(-2_000);
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      children.delete(child);
      resolve();
    }),
  );
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await healthy(port))) {
    if (!children.has(child) || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `a replica did not come up on port ${port}: ${errors.replaceAll(databaseUrl, redactDatabaseUrl(databaseUrl))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, child, exited };
}

async function stopReplica(replica: Replica): Promise<void> {
  replica.child.kill("SIGTERM");
  await replica.exited;
}

/** Linux's USER_HZ, what /proc counts CPU time in (100 on every mainstream build). */
const CLOCK_TICKS = 100;

/** CPU time a process has used so far, ms (Linux's /proc; NaN elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, the 14th and 15th fields, counted from the state (the 3rd).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

function load(ports: number[], seconds: number, tag: string, record?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        // Connection k goes to replica k mod n.
        url: ports.map((port) => `http://127.0.0.1:${port}`),
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: "POST",
            path: "/slack/events",
            setupRequest: () =>
              signedAdd(tag, TEAMS > 1 ? `TBENCH${Math.floor(Math.random() * TEAMS)}` : "TBENCH"),
          },
        ],
      } as unknown as autocannon.Options,
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (record) {
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        if (statusCode === 200) record.push(responseTime);
      });
    }
  });
}

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Transactions the database has committed so far (statements outside a transaction count one each). */
const commits = (url: string) =>
  onDatabase(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      "SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return rows[0]?.n ?? 0;
  });

/** Links added under `tag`: in the measured window, and with the warm-up's. */
const added = (url: string, tag: string) =>
  onDatabase(url, async (client) => {
    const { rows } = await client.query<{ measured: number; all: number }>(
      `SELECT count(*) FILTER (WHERE url LIKE $1)::int AS measured, count(*)::int AS "all"
       FROM links WHERE url LIKE $1 OR url LIKE $2`,
      [`https://bench.example/${tag}/%`, `https://bench.example/${tag}-warm/%`],
    );
    return rows[0] ?? { measured: 0, all: 0 };
  });

async function measure(
  database: BenchDatabase,
  apiUrl: string,
  replicas: number,
  round: number,
): Promise<Measure> {
  const tag = `pg-${replicas}-r${round}`;
  const before = await commits(database.url);
  const started = await Promise.all(
    Array.from({ length: replicas }, () => startReplica(database.url, apiUrl)),
  );
  try {
    const ports = started.map((r) => r.port);
    await load(ports, WARMUP_SECONDS, `${tag}-warm`);
    const latencies: number[] = [];
    const cpuBefore = started.map((r) => cpuMs(r.child.pid));
    const result = await load(ports, MEASURE_SECONDS, tag, latencies);
    const cpuUsed = started.reduce((sum, r, i) => sum + cpuMs(r.child.pid) - (cpuBefore[i] ?? 0), 0);
    latencies.sort((a, b) => a - b);
    await Promise.all(started.map(stopReplica));
    // Read once the replicas have gone: a server backend reports its counts when it ends at the latest.
    const rows = await added(database.url, tag);
    const after = await commits(database.url);
    return {
      replicas,
      round,
      perSecond: result["2xx"] / MEASURE_SECONDS,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      ok: result["2xx"],
      failed: result.non2xx + result.errors + result.timeouts,
      inserted: rows.measured,
      commitsPerAdd: (after - before) / Math.max(1, rows.all),
      replicaCpuMsPerAdd: cpuUsed / Math.max(1, rows.measured),
    };
  } finally {
    await Promise.all(started.filter((r) => children.has(r.child)).map(stopReplica));
  }
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

async function run(database: BenchDatabase): Promise<void> {
  console.error("  building (npm run build) ...");
  const build = spawnSync("npm", ["run", "-s", "build"], { cwd: repo, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
  const api = await startMockApi();
  const results: Measure[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? REPLICAS : [...REPLICAS].reverse();
      for (const replicas of order) {
        console.error(`  round ${round}: ${replicas} replica(s), ${CONNECTIONS} connections ...`);
        results.push(await measure(database, api.url, replicas, round));
      }
    }
  } finally {
    await api.stop();
  }
  console.log(
    `Slack /read add on PostgreSQL ${database.version}: node dist/main.js replicas on one database, signed requests, unique URLs, ${TEAMS === 1 ? "one workspace" : `${TEAMS} workspaces`}`,
  );
  console.log(
    `(${cpus().length} CPU(s) shared by the replicas, PostgreSQL and autocannon; load average ${loadavg()[0]?.toFixed(1)}; ${CONNECTIONS} connections round-robin over the replicas; ${WARMUP_SECONDS} s warm-up, ${MEASURE_SECONDS} s measured; latency = time to the ack)`,
  );
  console.log("");
  console.log(
    "round  replicas  adds/s   p50 ms  p99 ms  2xx      failed  rows inserted  server tx/add  replica CPU ms/add",
  );
  for (const r of results) {
    console.log(
      [
        String(r.round).padEnd(5),
        String(r.replicas).padEnd(8),
        fmt(r.perSecond, 0).padStart(6),
        fmt(r.p50).padStart(7),
        fmt(r.p99).padStart(7),
        String(r.ok).padStart(8),
        String(r.failed).padStart(7),
        String(r.inserted).padStart(14),
        fmt(r.commitsPerAdd, 1).padStart(13),
        fmt(r.replicaCpuMsPerAdd).padStart(18),
      ].join("  "),
    );
  }
  console.log("");
  for (const replicas of REPLICAS) {
    const mine = results.filter((r) => r.replicas === replicas);
    console.log(
      `${replicas} replica(s): ${fmt(median(mine.map((r) => r.perSecond)), 0)} adds/s (median of ${mine.length} rounds: ${mine.map((r) => fmt(r.perSecond, 0)).join(", ")}), no target`,
    );
  }
  for (const r of results.filter((x) => x.failed > 0 || x.inserted < x.ok)) {
    console.log(
      `note: round ${r.round}, ${r.replicas} replica(s): ${r.failed} failed, ${r.inserted} rows for ${r.ok} answers`,
    );
  }
}

const database = await createBenchDatabase("slack");
if ("skipped" in database) {
  console.log(`PostgreSQL Slack rows skipped: ${database.skipped}`);
} else {
  try {
    await run(database);
  } finally {
    await database.drop();
  }
}
