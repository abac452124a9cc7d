/**
 * Slack `/read add` under load: signed slash-command requests, each with a unique URL so each inserts,
 * sent by autocannon over loopback at 10 and 100 concurrent connections to the real adapter
 * (`startSlack`, no page fetcher) and to the floor (bare node:http: same signature check, same
 * insert of the signature to refuse replays, same addLink, same kind of JSON answer). Each server
 * runs in its own process on a fresh database. Prints requests per second, p50/p99 acknowledgement
 * latency, and the ratios against the targets: the median of three rounds, each round's shown beside
 * it. A MISS is reported, not failed: it is a measurement.
 *
 * Run: npx tsx bench/slackBench.ts
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { signedAdd } from "./slack/signedAdd.js";

const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = 8;
const CONNECTIONS = [10, 100] as const;
const TARGETS = { throughput: 0.45, p99At10: 1.5, p99At100: 2 };

type Kind = "floor" | "slack";

interface Measure {
  kind: Kind;
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  inserted: number;
}

const root = mkdtempSync(join(tmpdir(), "roundup-slack-bench-"));
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

function startServer(kind: Kind, databasePath: string): Promise<{ port: number; child: ChildProcess }> {
  const script = fileURLToPath(new URL("./slack/server.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, kind, databasePath], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const match = /READY (\d+)/.exec(out);
      if (match) resolve({ port: Number(match[1]), child });
    });
    child.on("exit", (code) => reject(new Error(`${kind} server exited early (${code})`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => {
      children.delete(child);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

function load(
  port: number,
  connections: number,
  seconds: number,
  tag: string,
  record?: number[],
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests: [{ method: "POST", path: "/slack/events", setupRequest: () => signedAdd(tag) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (record) {
      // autocannon's own histogram counts whole milliseconds; these are fractional.
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        if (statusCode === 200) record.push(responseTime);
      });
    }
  });
}

async function measure(kind: Kind, connections: number, round: number): Promise<Measure> {
  const tag = `${kind}-${connections}-r${round}`;
  const databasePath = join(root, `${tag}.db`);
  const { port, child } = await startServer(kind, databasePath);
  try {
    await load(port, connections, WARMUP_SECONDS, `${tag}-warm`);
    const latencies: number[] = [];
    const result = await load(port, connections, MEASURE_SECONDS, tag, latencies);
    latencies.sort((a, b) => a - b);
    const ok = result["2xx"];
    const failed = result.non2xx + result.errors + result.timeouts;
    await stopServer(child);
    const db = new Database(databasePath, { readonly: true });
    const inserted = (
      db
        .prepare("SELECT count(*) AS n FROM links WHERE url LIKE ?")
        .get(`https://bench.example/${tag}/%`) as {
        n: number;
      }
    ).n;
    db.close();
    return {
      kind,
      connections,
      perSecond: ok / MEASURE_SECONDS,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      ok,
      failed,
      inserted,
    };
  } finally {
    if (children.has(child)) await stopServer(child);
  }
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

/** Rounds of the whole comparison: one 8 s window's p99 can hinge on one stall of a shared machine. */
const ROUNDS = 3;

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const results: (Measure & { round: number })[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      // Alternate which server goes first, so neither always runs on a warmer machine.
      const order = round % 2 === 1 ? (["floor", "slack"] as const) : (["slack", "floor"] as const);
      for (const kind of order) {
        console.error(`  round ${round}: ${kind} at ${connections} connections…`);
        results.push({ ...(await measure(kind, connections, round)), round });
      }
    }
  }
  console.log("Slack /read add: signed requests, unique URLs, loopback, autocannon");
  console.log(
    `(${WARMUP_SECONDS} s warm-up, ${MEASURE_SECONDS} s measured per row, ${ROUNDS} rounds; latency = time to the ack)`,
  );
  console.log("");
  console.log("round  conns  server  req/s     p50 ms  p99 ms  2xx      failed  rows inserted");
  for (const r of results) {
    console.log(
      [
        String(r.round).padEnd(5),
        String(r.connections).padEnd(5),
        r.kind.padEnd(6),
        fmt(r.perSecond, 0).padStart(8),
        fmt(r.p50).padStart(7),
        fmt(r.p99).padStart(7),
        String(r.ok).padStart(8),
        String(r.failed).padStart(7),
        String(r.inserted).padStart(14),
      ].join("  "),
    );
  }
  console.log("");
  console.log("ratio (slack / floor), median of rounds   value    each round              target   result");
  for (const connections of CONNECTIONS) {
    const throughputs: number[] = [];
    const p99s: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const floor = results.find(
        (r) => r.round === round && r.kind === "floor" && r.connections === connections,
      );
      const slack = results.find(
        (r) => r.round === round && r.kind === "slack" && r.connections === connections,
      );
      if (!floor || !slack) continue;
      throughputs.push(slack.perSecond / floor.perSecond);
      p99s.push(slack.p99 / floor.p99);
    }
    const throughput = median(throughputs);
    const p99 = median(p99s);
    const p99Target = connections === 10 ? TARGETS.p99At10 : TARGETS.p99At100;
    const each = (values: number[]) =>
      values
        .map((v) => fmt(v))
        .join(", ")
        .padEnd(22);
    console.log(
      `throughput at ${String(connections).padEnd(3)} connections               ${fmt(throughput, 3)}x   ${each(throughputs)}  >= ${TARGETS.throughput}x   ${verdict(throughput >= TARGETS.throughput)}`,
    );
    console.log(
      `p99 ack latency at ${String(connections).padEnd(3)} connections          ${fmt(p99, 3)}x   ${each(p99s)}  <= ${p99Target}x    ${verdict(p99 <= p99Target)}`,
    );
  }
  const lost = results.filter((r) => r.failed > 0 || r.inserted < r.ok);
  for (const r of lost) {
    console.log(
      `note: round ${r.round}, ${r.kind} at ${r.connections}: ${r.failed} failed, ${r.inserted} rows for ${r.ok} answers`,
    );
  }
}

await main();
