import { votesInWords, votesText } from "../../core/render/votesText.js";
import type { RoundupDoc, RoundupItem, RoundupSection } from "../../core/roundup/roundupDoc.js";
import { escapeHtml } from "./escapeHtml.js";
import { renderPage } from "./layout.js";
import { archiveHref, archivePaths, type MonthSummary, monthPath, type PageContext } from "./pageContext.js";
import { safeHref } from "./safeHref.js";
import { isoInstant, type LocalDay, localDays } from "./shareDates.js";
import { describeMonth, summarizeMonth } from "./summarizeMonth.js";

/** When a link was shared: the workspace's date for people, the exact instant for machines. */
function sharedTime(at: number, dayOf: LocalDay): string {
  return `<time datetime="${isoInstant(at)}">${dayOf(at)}</time>`;
}

/** The entry's title: a link when its URL is http(s), otherwise the title and the URL as plain text. */
function entryTitle(item: RoundupItem): string {
  const title = escapeHtml(item.title);
  const href = safeHref(item.url);
  if (href === null) return `${title} <span class="url">${escapeHtml(item.url)}</span>`;
  return `<a class="link" href="${escapeHtml(href)}" rel="ugc noopener">${title}</a>`;
}

/** The votes after the sharer, as in every rendering, with the count in words for those who hover. */
function votesBadge(votes: number): string {
  const text = votesText(votes);
  return text ? ` · <span class="votes" title="${votesInWords(votes)}">${text}</span>` : "";
}

/** One entry in the Markdown's order: title, author, note (or the page's description), sharer, others. */
function renderItem(item: RoundupItem, dayOf: LocalDay): string {
  // Appended to one string, not pushed and joined: a 300-entry page makes less garbage to collect.
  let html = `<li>\n<h3 dir="auto">${entryTitle(item)}</h3>`;
  if (item.author) html += `\n<p class="by">by <bdi>${escapeHtml(item.author)}</bdi></p>`;
  const body = item.note ?? item.description;
  if (body) html += `\n<p class="${item.note ? "note" : "description"}" dir="auto">${escapeHtml(body)}</p>`;
  html += `\n<p class="shared">Shared by <bdi>${escapeHtml(item.sharedBy)}</bdi> on ${sharedTime(item.sharedAt, dayOf)}${votesBadge(item.votes)}</p>`;
  for (const other of item.alsoRecommendedBy) {
    const said = other.note ? `: <span dir="auto">${escapeHtml(other.note)}</span>` : ".";
    html += `\n<p class="also">Also recommended by <bdi>${escapeHtml(other.name)}</bdi>${said}</p>`;
  }
  return `${html}\n</li>`;
}

function renderSection(section: RoundupSection, dayOf: LocalDay): string {
  const heading = section.emoji ? `${section.emoji} ${section.name}` : section.name;
  let items = "";
  for (const item of section.items) items += `${items ? "\n" : ""}${renderItem(item, dayOf)}`;
  return `<section class="${section.kind}">
<h2 dir="auto">${escapeHtml(heading)}</h2>
<ul class="entries">
${items}
</ul>
</section>`;
}

interface MonthNav {
  previous: MonthSummary | null;
  next: MonthSummary | null;
}

/** The `rel="prev"`/`rel="next"` neighbours, in the head for machines and in a nav for people. */
function monthNav(ctx: PageContext, nav: MonthNav): { head: string; body: string } {
  const links = [
    nav.previous && { rel: "prev", month: nav.previous, text: `← ${escapeHtml(nav.previous.label)}` },
    { rel: null, month: null, text: "All months" },
    nav.next && { rel: "next", month: nav.next, text: `${escapeHtml(nav.next.label)} →` },
  ].filter((link) => link !== null);
  const head = links
    .filter((link) => link.month !== null)
    .map((link) => `<link rel="${link.rel}" href="${escapeHtml(hrefOf(ctx, link.month))}">\n`)
    .join("");
  const items = links
    .map((link) => {
      const rel = link.rel ? ` rel="${link.rel}"` : "";
      return `<li><a${rel} href="${escapeHtml(hrefOf(ctx, link.month))}">${link.text}</a></li>`;
    })
    .join("");
  return { head, body: `<nav class="months-nav" aria-label="Months"><ul>${items}</ul></nav>` };
}

function hrefOf(ctx: PageContext, month: MonthSummary | null): string {
  return archiveHref(ctx, month ? monthPath(ctx, month.period) : archivePaths.index);
}

/**
 * A month's roundup as a web page: the same document as the Markdown (title, intro, sections in
 * order, each entry with its author, note, sharer and the others who shared it), with the archive's
 * head, previous and next months, and feeds around it.
 */
export function renderMonthPage(doc: RoundupDoc, ctx: PageContext, nav: MonthNav): string {
  const content = [`<h1 dir="auto">${escapeHtml(doc.title)}</h1>`];
  if (doc.intro) content.push(`<p class="intro" dir="auto">${escapeHtml(doc.intro)}</p>`);
  if (doc.sections.length === 0) {
    content.push(`<p class="empty">No links were shared in ${escapeHtml(doc.periodLabel)}.</p>`);
  }
  const dayOf = localDays(doc.timeZone);
  content.push(...doc.sections.map((section) => renderSection(section, dayOf)));
  const links = monthNav(ctx, nav);
  return renderPage(ctx, {
    title: `${doc.title} · ${ctx.siteName}`,
    description: doc.intro ?? describeMonth(summarizeMonth(doc)),
    path: monthPath(ctx, doc.period),
    ogType: "article",
    head: links.head,
    body: `<main>\n${content.join("\n")}\n</main>\n${links.body}`,
  });
}
