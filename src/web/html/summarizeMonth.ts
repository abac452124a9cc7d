import type { RoundupDoc } from "../../core/roundup/roundupDoc.js";
import type { MonthSummary } from "./pageContext.js";

/** What the index shows of a month: its label, its number of links and its first titles in roundup order. */
export function summarizeMonth(doc: RoundupDoc, titles = 3): MonthSummary {
  const firstTitles: string[] = [];
  for (const section of doc.sections) {
    for (const item of section.items) {
      if (firstTitles.length >= titles) break;
      firstTitles.push(item.title);
    }
  }
  return { period: doc.period, label: doc.periodLabel, linkCount: doc.linkCount, firstTitles };
}

export function linkCountText(count: number): string {
  return count === 1 ? "1 link" : `${count.toLocaleString("en-US")} links`;
}

/** A one-line description of a month for previews (Open Graph, search results): its count and first titles. */
export function describeMonth(month: MonthSummary): string {
  const count = `${linkCountText(month.linkCount)} shared in ${month.label}`;
  if (month.firstTitles.length === 0) return `No links were shared in ${month.label}.`;
  const more = month.linkCount > month.firstTitles.length ? ", …" : "";
  return `${count}: ${month.firstTitles.join(", ")}${more}`;
}
