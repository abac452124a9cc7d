import { assertArchiveUrl, type FeedContext, type FeedMonth, feedUrl, monthUrl } from "./feedContext.js";
import { feedLine } from "./feedText.js";
import { monthSummary, renderMonthContent } from "./monthContent.js";
import { channelDescription } from "./xmlFeeds.js";

/**
 * JSON Feed 1.1, served at `archiveUrl + "feed.json"`. Written here rather than by `feed`, whose
 * `json1()` still says version 1 and uses the `author` field that 1.1 replaced with `authors`.
 */
export function renderJsonFeed(months: FeedMonth[], ctx: FeedContext): string {
  assertArchiveUrl(ctx);
  const siteName = feedLine(ctx.siteName);
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: siteName,
    home_page_url: ctx.archiveUrl,
    feed_url: feedUrl(ctx, "json"),
    description: channelDescription(ctx),
    authors: [{ name: siteName }],
    items: months.map((month) => {
      const url = monthUrl(ctx, month);
      return {
        id: url,
        url,
        title: feedLine(month.doc.title),
        content_html: renderMonthContent(month.doc),
        summary: monthSummary(month.doc),
        date_published: new Date(month.published).toISOString(),
        date_modified: new Date(month.updated).toISOString(),
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
