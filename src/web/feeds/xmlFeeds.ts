import { Feed } from "feed";
import { assertArchiveUrl, type FeedContext, type FeedMonth, feedUrl, monthUrl } from "./feedContext.js";
import { escapeHtml, feedLine } from "./feedText.js";
import { monthSummary, renderMonthContent } from "./monthContent.js";

export function channelDescription(ctx: FeedContext): string {
  return `${feedLine(ctx.siteName)}: the monthly reading roundup`;
}

/**
 * `feed` puts entry titles, summaries and content in CDATA sections and declares the Atom title as
 * `type="html"`, so every one of them gets HTML already escaped: no `>` can close the CDATA early (its
 * XML writer, xml-js, splits only the first `]]>` of a section), and a title is shown as text, never run
 * as markup. Plain values (the feed's title) `feed` escapes itself.
 */
function buildFeed(months: FeedMonth[], ctx: FeedContext, format: "atom" | "rss"): Feed {
  assertArchiveUrl(ctx);
  const self = feedUrl(ctx, format);
  const feed = new Feed({
    id: self,
    title: feedLine(ctx.siteName),
    description: channelDescription(ctx),
    link: ctx.archiveUrl,
    feedLinks: { atom: self, rss: self },
    author: { name: feedLine(ctx.siteName) },
    updated: new Date(ctx.updated),
    generator: "Roundup",
  });
  for (const month of months) {
    // No `id` or `guid`: `feed` then uses the link as the Atom id and as an RSS guid with isPermaLink=true.
    feed.addItem({
      title: escapeHtml(feedLine(month.doc.title)),
      link: monthUrl(ctx, month),
      date: new Date(month.updated),
      published: new Date(month.published),
      description: escapeHtml(monthSummary(month.doc)),
      content: renderMonthContent(month.doc),
    });
  }
  return feed;
}

/** Atom 1.0, served at `archiveUrl + "feed.xml"`: one entry per month, carrying the whole roundup. */
export function renderAtom(months: FeedMonth[], ctx: FeedContext): string {
  return buildFeed(months, ctx, "atom").atom1();
}

/** RSS 2.0, served at `archiveUrl + "rss.xml"`: the whole roundup in `content:encoded`. */
export function renderRss(months: FeedMonth[], ctx: FeedContext): string {
  return buildFeed(months, ctx, "rss").rss2();
}
