import { escapeHtml } from "./escapeHtml.js";
import { renderPage } from "./layout.js";
import { archiveHref, archivePaths, type MonthSummary, monthPath, type PageContext } from "./pageContext.js";
import { linkCountText } from "./summarizeMonth.js";

function renderMonth(ctx: PageContext, month: MonthSummary): string {
  const href = escapeHtml(archiveHref(ctx, monthPath(ctx, month.period)));
  const titles = month.firstTitles.map((title) => `<li dir="auto">${escapeHtml(title)}</li>`).join("");
  return `<li>
<h2><a href="${href}">${escapeHtml(month.label)}</a></h2>
<p class="count">${linkCountText(month.linkCount)}</p>${titles ? `\n<ul class="titles">${titles}</ul>` : ""}
</li>`;
}

/**
 * The archive's front page: every month it is given, newest first whatever order they come in, each
 * linking to its page with its number of links and its first titles.
 */
export function renderArchiveIndex(months: MonthSummary[], ctx: PageContext): string {
  const newestFirst = [...months].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
  const heading = `${ctx.siteName}: monthly roundups`;
  const list =
    newestFirst.length === 0
      ? `<p class="empty">No roundups yet: the first appears here when its month is over.</p>`
      : `<ul class="months">\n${newestFirst.map((month) => renderMonth(ctx, month)).join("\n")}\n</ul>`;
  const latest = newestFirst[0];
  return renderPage(ctx, {
    title: heading,
    description: latest
      ? `The links ${ctx.siteName} shared, month by month. Latest: ${latest.label}, ${linkCountText(latest.linkCount)}.`
      : `The links ${ctx.siteName} shares, month by month.`,
    path: archivePaths.index,
    ogType: "website",
    body: `<main>\n<h1 dir="auto">${escapeHtml(heading)}</h1>\n${list}\n</main>`,
  });
}
