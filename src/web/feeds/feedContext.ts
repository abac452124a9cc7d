import type { RoundupDoc } from "../../core/roundup/roundupDoc.js";

export interface FeedContext {
  /** Absolute base of the archive, ending in "/" */
  archiveUrl: string;
  siteName: string;
  /** When the feed was last changed: the newest month's end, or its posting time (epoch ms). */
  updated: number;
}

export interface FeedMonth {
  doc: RoundupDoc;
  /** epoch ms the month's roundup counts as published (e.g. the first day of the next month or the post time) */
  published: number;
  /** epoch ms the month's roundup last changed */
  updated: number;
}

/** Where each format is served, relative to the archive. */
export const FEED_FILES = { atom: "feed.xml", rss: "rss.xml", json: "feed.json" } as const;

/** The month's page, and the id of its entry in every feed: it must never change between renders. */
export function monthUrl(ctx: FeedContext, month: FeedMonth): string {
  return new URL(month.doc.period, ctx.archiveUrl).href;
}

export function feedUrl(ctx: FeedContext, format: keyof typeof FEED_FILES): string {
  return new URL(FEED_FILES[format], ctx.archiveUrl).href;
}
