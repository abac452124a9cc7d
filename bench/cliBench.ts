/**
 * What a person waits for at the command line: `npm run -s cli -- list --json` on a 50-link database,
 * against a floor run the same way, `npm run -s bench:cli-floor` (bench/cli/floorList.mjs: plain
 * JavaScript that opens the file with better-sqlite3 and drizzle-orm and prints the same JSON). Both
 * go through npm, so npm's own start-up is on both sides and the ratio is what the CLI adds.
 *
 * The figure is CPU time (user + sys) of everything the run started, read from bash's `times` after
 * the run: the kernel adds a waited-for child's CPU to its parent's, so it covers npm, sh and node.
 * Wall time would mostly measure how busy the machine is. The two alternate, so drift hits both.
 * The CLI is built first (`npm run -s build`), so what is measured is the sources as they are.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CATEGORIES } from "../src/core/categories/defaultCategories.js";
import { SqliteStore } from "../src/storage/sqliteStore.js";
import { makeLink, rng } from "./data.js";
import { printTable, ratio, verdict } from "./stats.js";

const LINKS = 50;
const RUNS = 15;
const WARMUP = 2;
const TARGET = 1.5;
const WORKSPACE = "local:default";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "roundup-clibench-"));
process.on("exit", () => rmSync(root, { recursive: true, force: true }));
const databasePath = join(root, "roundup.db");

async function seed(): Promise<void> {
  const store = SqliteStore.open(databasePath);
  try {
    await store.workspaces.ensure(WORKSPACE, DEFAULT_CATEGORIES);
    const categoryIds = (await store.categories.list(WORKSPACE)).map((c) => c.id);
    const random = rng(7);
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < LINKS; i++) {
      await store.links.insertOrGet(makeLink(i, WORKSPACE, start + i * 3_600_000, categoryIds, random));
    }
  } finally {
    await store.close();
  }
}

/** Runs `npm run -s <args>` under bash and returns its output and the CPU milliseconds it took. */
function measure(args: string[]): { cpuMs: number; stdout: string } {
  const run = spawnSync(
    "bash",
    ["-c", 'npm run -s "$@"; status=$?; times >&2; exit $status', "bash", ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databasePath },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`npm run -s ${args.join(" ")} failed:\n${run.stderr}`);
  // `times` prints the shell's own line, then its children's: "0m0.412s 0m0.091s" (user, sys).
  const children = run.stderr.trimEnd().split("\n").at(-1) ?? "";
  const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (parts.length !== 2) throw new Error(`Could not read bash's times from: ${children}`);
  return { cpuMs: ((parts[0] ?? 0) + (parts[1] ?? 0)) * 1000, stdout: run.stdout };
}

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const build = spawnSync("npm", ["run", "-s", "build"], { cwd: projectRoot, stdio: "inherit" });
if (build.status !== 0) throw new Error("npm run build failed");
await seed();

const cli = ["cli", "--", "list", "--json"];
const floor = ["bench:cli-floor"];
// The first runs check the two print the same thing, and warm the file cache.
const cliOut = measure(cli).stdout;
const floorOut = measure(floor).stdout;
if (cliOut !== floorOut)
  throw new Error("The CLI and the floor print different JSON: the floor is not like for like.");
if ((JSON.parse(cliOut) as unknown[]).length !== LINKS)
  throw new Error(`Expected ${LINKS} links in the output.`);

for (let i = 1; i < WARMUP; i++) {
  measure(cli);
  measure(floor);
}
const cliMs: number[] = [];
const floorMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  cliMs.push(measure(cli).cpuMs);
  floorMs.push(measure(floor).cpuMs);
}

const project = median(cliMs);
const base = median(floorMs);
printTable([
  {
    bench: "cli",
    metric: `list --json, ${LINKS} links, CPU median of ${RUNS}`,
    project: `${project.toFixed(0)} ms`,
    floor: `${base.toFixed(0)} ms`,
    ratio: ratio(project / base),
    target: `<= ${TARGET.toFixed(2)}x`,
    result: verdict(project / base <= TARGET),
  },
]);
