/**
 * The web archive's month page of 300 links over HTTP: requests per second through the real archive
 * handler (address lookup in the database, cached page, headers) against bare node:http sending the
 * same bytes from memory, side by side in one run, alternating who goes first. Target: at least 0.5x.
 * Run: npx tsx bench/archiveServerBench.ts (or npm run bench -- archive)
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { createRoundupCore } from "../src/core/roundupCore.js";
import { createArchiveHandler } from "../src/web/archiveServer.js";
import { startWebServer } from "../src/web/webServer.js";
import { fixedClock, tempStore } from "../test/helpers/tempStore.js";
import { printTable, type Row, ratio, summarize, verdict } from "./stats.js";

const TARGET = 0.5;
const LINKS = 300;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = 10;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function main(): Promise<void> {
  const temp = tempStore();
  let handler: ReturnType<typeof createArchiveHandler> | undefined;
  const project = await startWebServer({
    port: 0,
    host: "127.0.0.1",
    healthy: () => true,
    web: (req, res) => (handler as ReturnType<typeof createArchiveHandler>)(req, res),
    logger: quiet,
  });
  const base = `http://127.0.0.1:${project.port}/`;
  const core = createRoundupCore({
    store: temp.store,
    clock: fixedClock("2026-08-10T12:00:00Z"),
    logger: quiet,
    owner: "bench",
    publicUrl: base,
  });
  handler = createArchiveHandler({ core, logger: quiet });
  for (let i = 0; i < LINKS; i++) {
    await core.addLink({
      workspace: "local:bench",
      url: `https://blog${i % 40}.example.com/2026/07/post-${i}`,
      title: `A realistic article title about topic number ${i}: what we learned running it`,
      author: i % 3 === 0 ? null : `Author ${i % 17}`,
      note:
        i % 4 === 0 ? null : "Long, but the part on failure modes is worth it; we hit exactly this in March.",
      userId: `u${i % 7}`,
      userName: `Member ${i % 7}`,
      source: "cli",
      at: Date.UTC(2026, 6, 1 + (i % 30), 12),
    });
  }
  await core.setArchive({ workspace: "local:bench", mode: "public", slug: "bench-team" });
  const pageUrl = `${base}bench-team/2026-07`;
  const first = await fetch(pageUrl);
  const body = Buffer.from(await first.arrayBuffer());
  const headers = Object.fromEntries(first.headers.entries());

  const floor: Server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => floor.listen(0, "127.0.0.1", resolve));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/bench-team/2026-07`;

  console.log(
    `Archive server bench: node ${process.version}, a month page of ${LINKS} links (${Math.round(body.length / 1024)} KB), ${CONNECTIONS} connections, ${SECONDS} s per side, ${ROUNDS} rounds`,
  );
  console.log(
    "project = the archive handler (address lookup in SQLite, cached page); floor = bare node:http sending the same bytes\n",
  );
  await requestsPerSecond(pageUrl);
  await requestsPerSecond(floorUrl);
  const projectRps: number[] = [];
  const floorRps: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const pair = round % 2 === 0 ? [pageUrl, floorUrl] : [floorUrl, pageUrl];
    for (const url of pair) (url === pageUrl ? projectRps : floorRps).push(await requestsPerSecond(url));
  }
  const paired = summarize(projectRps.map((p, k) => p / (floorRps[k] ?? Number.NaN))).p50;
  const rows: Row[] = [
    {
      bench: `month page, ${LINKS} links`,
      metric: "requests/s, mean of rounds",
      project: `${Math.round(summarize(projectRps).mean)}/s`,
      floor: `${Math.round(summarize(floorRps).mean)}/s`,
      ratio: "",
      target: "",
      result: "",
    },
    {
      bench: "",
      metric: `ratio, median of ${ROUNDS} pairs`,
      project: "",
      floor: "",
      ratio: ratio(paired),
      target: `≥${TARGET.toFixed(2)}x`,
      result: verdict(paired >= TARGET),
    },
  ];
  printTable(rows);
  await project.stop();
  await new Promise<void>((resolve) => floor.close(() => resolve()));
  await temp.cleanup();
}

await main();
