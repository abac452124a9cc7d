import type { RoundupDoc } from "../../core/roundup/roundupDoc.js";
import {
  completedMonth,
  type FeedContext,
  type FeedMonth,
  renderAtom,
  renderJsonFeed,
  renderRss,
} from "../feeds/index.js";
import { renderArchiveIndex, renderMonthPage, summarizeMonth } from "../html/index.js";
import { absoluteUrl, archivePaths, monthPath, type PageContext } from "../html/pageContext.js";
import { renderSitemap } from "./sitemap.js";

export interface SiteFile {
  /** File name inside the site's folder: every file sits at its top level, as the links expect. */
  name: string;
  content: string;
}

export interface SiteOptions {
  /** Where the site will be served: absolute, ending in "/". */
  archiveUrl: string;
  siteName: string;
  /** Private archives: every page says noindex and there is no sitemap. */
  noindex: boolean;
  /** The workspace's time zone: a month's roundup counts as published when the month ends there. */
  timeZone: string;
  /** Now (epoch ms): the feeds' updated time while no month is published, as a feed must have one. */
  writtenAt: number;
}

export interface Site {
  files: SiteFile[];
  pages: number;
  feeds: number;
  sitemap: boolean;
}

export const SITEMAP_FILE = "sitemap.xml";

/**
 * The whole static archive, as files: the index, one page per month, the three feeds and (public
 * only) a sitemap, from `docs` newest first as archiveRoundups gives them. Pages link each other
 * relatively, so the folder works from disk and on any host; absolute URLs use `archiveUrl`.
 */
export function buildSite(docs: RoundupDoc[], options: SiteOptions): Site {
  const ctx: PageContext = {
    archiveUrl: options.archiveUrl,
    siteName: options.siteName,
    noindex: options.noindex,
    relativeLinks: true,
    staticFiles: true,
  };
  const summaries = docs.map((doc) => summarizeMonth(doc));
  const files: SiteFile[] = [{ name: "index.html", content: renderArchiveIndex(summaries, ctx) }];
  docs.forEach((doc, i) => {
    const nav = { previous: summaries[i + 1] ?? null, next: summaries[i - 1] ?? null };
    files.push({ name: monthPath(ctx, doc.period), content: renderMonthPage(doc, ctx, nav) });
  });
  const pages = files.length;

  const months: FeedMonth[] = docs.map((doc) => completedMonth(doc, options.timeZone));
  const feedCtx: FeedContext = {
    archiveUrl: options.archiveUrl,
    siteName: options.siteName,
    updated: months[0]?.updated ?? options.writtenAt,
    staticFiles: true,
  };
  files.push(
    { name: archivePaths.atom, content: renderAtom(months, feedCtx) },
    { name: archivePaths.rss, content: renderRss(months, feedCtx) },
    { name: archivePaths.json, content: renderJsonFeed(months, feedCtx) },
  );

  if (!options.noindex) {
    const entries = [
      { loc: absoluteUrl(ctx, archivePaths.index), ...(months[0] ? { lastmod: months[0].updated } : {}) },
      ...months.map(({ doc, updated }) => ({
        loc: absoluteUrl(ctx, monthPath(ctx, doc.period)),
        lastmod: updated,
      })),
    ];
    files.push({ name: SITEMAP_FILE, content: renderSitemap(entries) });
  }
  return { files, pages, feeds: 3, sitemap: !options.noindex };
}
