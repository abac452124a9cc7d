/** Metadata extraction throughput on a 300 KB article page, on one core. Run: npx tsx bench/extractBench.ts */
import { extractMetadata } from "../src/enrich/extractMetadata.js";
import { articlePage } from "./articlePage.js";

const TARGET_PAGES_PER_SECOND = 200;
const page = articlePage();
const url = new URL("https://fly.example/blog/sandboxing/");

const check = extractMetadata(page, url);
if (check.title !== "Sandboxing and Workload Isolation" || check.author !== "Thomas Ptacek") {
  throw new Error(`the fixture page did not extract as expected: ${JSON.stringify(check)}`);
}

// A page whose every byte is tag-dense markup, and one whose metadata sits only in the body byline:
// the worst cases for a parser, next to the typical page.
const dense = page
  .replace(/<\/head>/, "</head>")
  .replace(/<article class="prose">/, `<article class="prose">${"<span><b>x</b></span>".repeat(8_000)}`);
const bylineOnly = page
  .replace(/<meta name="author"[^>]*>/, "")
  .replace(/<script type="application\/ld\+json">.*?<\/script>/s, "");

function measure(
  name: string,
  html: string,
): { name: string; kb: number; pagesPerSecond: number; msPerPage: number } {
  for (let i = 0; i < 200; i++) extractMetadata(html, url);
  const runs = 2_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) extractMetadata(html, url);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    name,
    kb: Math.round(html.length / 1024),
    pagesPerSecond: (runs * 1000) / ms,
    msPerPage: ms / runs,
  };
}

console.log(`Metadata extraction bench — node ${process.version}, one thread`);
const results = [
  measure("article page (typical)", page),
  measure("author only in body byline", bylineOnly),
  measure("tag-dense body", dense),
];
console.log(
  `${"page".padEnd(30)} ${"size".padStart(7)} ${"ms/page".padStart(9)} ${"pages/s".padStart(9)}  target  result`,
);
for (const r of results) {
  const pass = r.pagesPerSecond > TARGET_PAGES_PER_SECOND ? "PASS" : "MISS";
  console.log(
    `${r.name.padEnd(30)} ${`${r.kb} KB`.padStart(7)} ${r.msPerPage.toFixed(3).padStart(9)} ${Math.round(r.pagesPerSecond).toLocaleString("en-US").padStart(9)}  >${TARGET_PAGES_PER_SECOND}/s  ${pass}`,
  );
}
