/**
 * A month page of 300 links rendered to HTML, on one core, beside the Markdown of the same roundup
 * for scale. Target: p99 under 5 ms. Run: npx tsx bench/archiveRenderBench.ts
 */
import { cpus, loadavg } from "node:os";
import { renderMarkdown } from "../src/core/render/renderMarkdown.js";
import type { RoundupDoc, RoundupItem } from "../src/core/roundup/roundupDoc.js";
import { renderMonthPage } from "../src/web/html/index.js";
import { percentileRows, printTable, summarize, time } from "./stats.js";

const TARGET_P99_MS = 5;
const LINKS = 300;
const WARMUP = 300;
const RENDERS = 2_000;

const NOTES = [
  "The clearest explanation of the trade-offs I've read; skip to the benchmarks section if short on time.",
  "Long, but the part on failure modes is worth it — we hit exactly this in March.",
  "Disagree with the conclusion, but the data is good & the charts are <great>.",
  null,
];
const NAMES = ["Alice", "Bob", "Chen", "Dana", "Émile", "Farah", "Gus"];

function link(i: number): RoundupItem {
  return {
    id: i,
    url: `https://blog${i % 40}.example.com/${2026}/07/a-post-about-topic-${i}?utm_source=feed&ref=${i}`,
    title: `A realistic article title about topic number ${i}: what we learned running it in production`,
    author: i % 3 === 0 ? null : `Author ${i % 17}`,
    description: "The page's own description, used when nobody left a note about it.",
    siteName: `Blog ${i % 40}`,
    note: NOTES[i % NOTES.length] ?? null,
    sharedBy: NAMES[i % NAMES.length] as string,
    sharedAt: Date.UTC(2026, 6, 1 + (i % 31), i % 24, i % 60),
    alsoRecommendedBy:
      i % 5 === 0 ? [{ name: NAMES[(i + 1) % NAMES.length] as string, note: "+1, this one." }] : [],
    picked: false,
    votes: i % 4,
  };
}

const categories = ["🛠️ Engineering", "🎨 Design", "📈 Product", "🧠 Ideas", "Other"];
const doc: RoundupDoc = {
  workspace: "slack:T012AB3CD",
  period: "2026-07",
  periodLabel: "July 2026",
  title: "Reading roundup: July 2026",
  intro: "Everything the team shared in July, by category.",
  linkCount: LINKS,
  dropped: [],
  sections: categories.map((name, c) => ({
    kind: c === categories.length - 1 ? "other" : "category",
    categoryId: c === categories.length - 1 ? null : c + 1,
    name,
    emoji: null,
    items: Array.from({ length: LINKS / categories.length }, (_, k) =>
      link(c * (LINKS / categories.length) + k),
    ),
  })),
};
const ctx = {
  archiveUrl: "https://reading.example.com/a/0123456789abcdef0123456789abcdef/",
  siteName: "Team",
  noindex: true,
};
const nav = {
  previous: { period: "2026-06", label: "June 2026", linkCount: 250, firstTitles: [] },
  next: { period: "2026-08", label: "August 2026", linkCount: 280, firstTitles: [] },
};

const render = () => renderMonthPage(doc, ctx, nav);
const markdown = () => renderMarkdown(doc);
const bytes = Buffer.byteLength(render());
for (let i = 0; i < WARMUP; i++) {
  render();
  markdown();
}
const project: number[] = [];
const floor: number[] = [];
for (let i = 0; i < RENDERS; i++) {
  // Alternating which goes first, so neither always runs on the other's garbage.
  if (i % 2 === 0) {
    project.push(time(render));
    floor.push(time(markdown));
  } else {
    floor.push(time(markdown));
    project.push(time(render));
  }
}
const rows = percentileRows(
  `month page, ${LINKS} links (${Math.round(bytes / 1024)} KB)`,
  `p50 of ${RENDERS.toLocaleString("en-US")} renders`,
  summarize(project),
  summarize(floor),
  TARGET_P99_MS,
);
// The p99 is the tail a busy machine adds: with more runnable processes than cores it measures the
// scheduler, not the render, so the header says how loaded the machine was.
console.log(
  `Archive render bench — node ${process.version}, one thread; ${cpus().length} CPU(s), load average ${loadavg()[0]?.toFixed(1)}`,
);
console.log("project = renderMonthPage (HTML); floor = renderMarkdown of the same roundup, for scale\n");
printTable(rows);
