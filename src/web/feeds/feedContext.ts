import type { RoundupDoc } from "../../core/roundup/roundupDoc.js";
import { periodBounds } from "../../core/time/period.js";
import { archivePaths, monthPath } from "../html/pageContext.js";

export interface FeedContext {
  /** Absolute base of the archive, ending in "/" */
  archiveUrl: string;
  siteName: string;
  /** When the feed was last changed: the newest month's end, or its posting time (epoch ms). */
  updated: number;
  /** The static site's month pages are `YYYY-MM.html` files: entries link (and are identified) there. */
  staticFiles?: boolean;
}

export interface FeedMonth {
  doc: RoundupDoc;
  /** epoch ms the month's roundup counts as published (e.g. the first day of the next month or the post time) */
  published: number;
  /** epoch ms the month's roundup last changed */
  updated: number;
}

/**
 * An archived month's entry: the archive only holds completed months, so each counts as published,
 * and as last changed, when it ended in the workspace's time zone.
 */
export function completedMonth(doc: RoundupDoc, timeZone: string): FeedMonth {
  const { end } = periodBounds(doc.period, timeZone);
  return { doc, published: end, updated: end };
}

/**
 * Every id and link is resolved against the archive's address: without its final "/" the month URLs
 * would silently lose the last path segment, and every entry's id would change once that was fixed.
 * The message leaves the address out, since a private archive's address is its secret.
 */
export function assertArchiveUrl(ctx: FeedContext): void {
  let url: URL;
  try {
    url = new URL(ctx.archiveUrl);
  } catch {
    throw new Error("The feed's archiveUrl is not an absolute URL.");
  }
  if (!/^https?:$/.test(url.protocol) || !ctx.archiveUrl.endsWith("/")) {
    throw new Error('The feed\'s archiveUrl must be an http(s) URL ending in "/".');
  }
}

/** The month's page, and the id of its entry in every feed: it must never change between renders. */
export function monthUrl(ctx: FeedContext, month: FeedMonth): string {
  return new URL(monthPath(ctx, month.doc.period), ctx.archiveUrl).href;
}

/** Where each format is served: the archive's own path for it, which its pages link to. */
export function feedUrl(ctx: FeedContext, format: "atom" | "rss" | "json"): string {
  return new URL(archivePaths[format], ctx.archiveUrl).href;
}
