import { votesText } from "../../core/render/votesText.js";
import type { RoundupDoc, RoundupItem, RoundupSection } from "../../core/roundup/roundupDoc.js";
import { escapeHtml, feedText, isWebUrl } from "./feedText.js";

/** Line breaks people typed in notes and intros survive in readers that collapse whitespace. */
function paragraphText(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}

function linkedTitle(item: RoundupItem): string {
  const title = escapeHtml(item.title);
  const url = feedText(item.url);
  if (!isWebUrl(url)) return title;
  return `<a href="${escapeHtml(url)}" rel="ugc noopener">${title}</a>`;
}

function renderItem(item: RoundupItem): string {
  const byAuthor = item.author ? ` by ${escapeHtml(item.author)}` : "";
  const parts = [`<p><strong>${linkedTitle(item)}</strong>${byAuthor}</p>`];
  // Same choice as the Markdown: the sharer's note, else what the page says about itself.
  const body = item.note ?? item.description;
  const votes = votesText(item.votes);
  const shared = `<em>shared by ${escapeHtml(item.sharedBy)}</em>${votes ? ` · ${votes}` : ""}`;
  parts.push(`<p>${body ? `${paragraphText(body)} — ${shared}` : `— ${shared}`}</p>`);
  for (const other of item.alsoRecommendedBy) {
    const said = other.note ? `: ${paragraphText(other.note)}` : ".";
    parts.push(`<p><em>Also recommended by ${escapeHtml(other.name)}</em>${said}</p>`);
  }
  return `<li>${parts.join("")}</li>`;
}

function renderSection(section: RoundupSection): string {
  const heading = section.emoji ? `${section.emoji} ${section.name}` : section.name;
  return `<h2>${escapeHtml(heading)}</h2><ul>${section.items.map(renderItem).join("")}</ul>`;
}

/**
 * The whole month as the body of a feed entry: the same document as the Markdown post, minus its `h1`
 * (readers show the entry's title above it). Everything people typed or pages said is escaped.
 */
export function renderMonthContent(doc: RoundupDoc): string {
  const parts: string[] = [];
  if (doc.intro) parts.push(`<p>${paragraphText(doc.intro)}</p>`);
  if (doc.sections.length === 0) parts.push(`<p>No links were shared in ${escapeHtml(doc.periodLabel)}.</p>`);
  parts.push(...doc.sections.map(renderSection));
  return parts.join("\n");
}

/** A short plain-text line for the places feeds want a summary beside the content. */
export function monthSummary(doc: RoundupDoc): string {
  if (doc.intro) return feedText(doc.intro);
  const links = doc.linkCount === 1 ? "1 link" : `${doc.linkCount} links`;
  return `${links} shared in ${feedText(doc.periodLabel)}.`;
}
