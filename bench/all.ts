/**
 * `npm run bench`: each benchmark in its own process, one after the other, so one's heap and caches
 * do not colour the next one's figures.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const benches = [
  "storageBench.ts",
  "extractBench.ts",
  "schedulerBench.ts",
  "slackBench.ts",
  "discordBench.ts",
  "cliBench.ts",
].filter((name) => existsSync(here(name)));

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", here(name)], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
