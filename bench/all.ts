/**
 * `npm run bench`: each benchmark in its own process, one after the other, so one's heap and caches
 * do not colour the next one's figures. `npm run bench -- postgres slack` runs only the benchmarks
 * whose path contains one of the words given.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const filters = process.argv.slice(2).map((word) => word.toLowerCase());
const benches = [
  "storageBench.ts",
  "postgres/storageBench.ts",
  "extractBench.ts",
  "schedulerBench.ts",
  "slackBench.ts",
  "postgres/slackBench.ts",
  "discordBench.ts",
  "cliBench.ts",
  "archiveServerBench.ts",
  "archiveRenderBench.ts",
  "reviewBench.ts",
]
  .filter((name) => existsSync(here(name)))
  .filter((name) => filters.length === 0 || filters.some((word) => name.toLowerCase().includes(word)));

if (benches.length === 0) {
  console.error(`No benchmark matches ${filters.join(", ")}.`);
  process.exitCode = 1;
}
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", here(name)], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
if (benches.length > 0) process.exitCode = failed === 0 ? 0 : 1;
