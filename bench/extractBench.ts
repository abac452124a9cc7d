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

/** `html` with `pattern` replaced; throws when it matches nothing, so a variant never silently equals the page. */
function variant(html: string, pattern: string | RegExp, replacement: string): string {
  const changed = html.replace(pattern, replacement);
  if (changed === html) throw new Error(`the fixture page has no ${String(pattern)}`);
  return changed;
}

// A head as heavy pages have it (per-tag meta, hreflang alternates, CSS-in-JS style blocks: 3,000
// tags before </head>), and a page whose author sits only in the body byline: the worst cases for
// the parser, which reads the head only, next to the typical page.
const HEAVY_HEAD = Array.from(
  { length: 1_000 },
  (_, i) =>
    `<meta property="article:tag" content="topic ${i}"><link rel="alternate" hreflang="x-${i}" href="https://fly.example/${i}/blog/sandboxing/"><style data-emotion="css-${i}">.css-${i}{display:flex;margin:${i % 8}px}</style>`,
).join("\n");
const denseHead = variant(page, "</head>", `${HEAVY_HEAD}\n</head>`);
const bylineOnly = variant(
  variant(page, /<meta name="author"[^>]*>/, ""),
  /<script type="application\/ld\+json">.*?<\/script>/s,
  "",
);
// The heavy head changes nothing the page says; without meta or JSON-LD the author comes from the byline.
if (JSON.stringify(extractMetadata(denseHead, url)) !== JSON.stringify(check)) {
  throw new Error("the tag-dense head page did not extract as the typical page");
}
if (extractMetadata(bylineOnly, url).author === null) throw new Error("no author from the byline");

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
  measure("tag-dense head (3,000 tags)", denseHead),
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
