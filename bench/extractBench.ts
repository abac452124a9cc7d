/**
 * Metadata extraction on a 300 KB article page, on one core, against htmlparser2 parsing the same head
 * with empty handlers. Run: npx tsx bench/extractBench.ts
 */
import { Parser } from "htmlparser2";
import { extractMetadata } from "../src/enrich/extractMetadata.js";
import { articlePage } from "./articlePage.js";
import { ms, pairedRatioRow, perSecond, printTable, type Row, ratio, summarize, time } from "./stats.js";

/** Reading the metadata may cost at most this much more than parsing the head it reads. */
const TARGET_RATIO = 1.5;
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

const HEAD_END = /<\/head\s*>|<body[\s>]/i;

/**
 * The floor: htmlparser2 reading the same head with handlers that do nothing, the parse the extractor
 * cannot avoid. The ratio is what reading the metadata costs on top of it.
 */
function parseHeadOnly(html: string): void {
  const headEnd = HEAD_END.exec(html)?.index ?? Math.min(html.length, 100_000);
  const parser = new Parser(
    { onopentag() {}, ontext() {}, onclosetag() {} },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.slice(0, headEnd));
  parser.end();
}

const ROUNDS = 20;
const PER_ROUND = 100;

/** Pages per second, extractor and floor in turns (alternating which goes first), and the median ratio of the pairs. */
function measure(name: string, html: string): Row[] {
  const sides = [() => extractMetadata(html, url), () => parseHeadOnly(html)] as const;
  for (let i = 0; i < 200; i++) for (const side of sides) side();
  const samples: [number[], number[]] = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const side = sides[index as 0 | 1];
      samples[index as 0 | 1].push(
        time(() => {
          for (let i = 0; i < PER_ROUND; i++) side();
        }) / PER_ROUND,
      );
    }
  }
  const [project, floor] = samples;
  const p = summarize(project).p50;
  const f = summarize(floor).p50;
  return [
    {
      bench: `${name} (${Math.round(html.length / 1024)} KB)`,
      metric: "per page, median",
      project: ms(p),
      floor: ms(f),
      ratio: ratio(p / f),
      target: "",
      result: "",
    },
    {
      bench: "",
      metric: "pages per second",
      project: perSecond(p),
      floor: perSecond(f),
      ratio: "",
      target: "",
      result: "",
    },
    pairedRatioRow(project, floor, TARGET_RATIO),
  ];
}

console.log(`Metadata extraction bench — node ${process.version}, one thread`);
console.log("project = extractMetadata; floor = htmlparser2 reading the same head with empty handlers\n");
printTable([
  ...measure("article page (typical)", page),
  ...measure("author only in body byline", bylineOnly),
  ...measure("tag-dense head (3,000 tags)", denseHead),
]);
