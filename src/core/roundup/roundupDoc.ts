import type { Period } from "../time/period.js";

/** One link as the roundup presents it; platform renderers decide the looks. */
export interface RoundupItem {
  id: number;
  url: string;
  /** The page's title, or the URL when none is known. */
  title: string;
  author: string | null;
  description: string | null;
  siteName: string | null;
  note: string | null;
  sharedBy: string;
  sharedAt: number;
  /** Others who shared the same link, with what they said. */
  alsoRecommendedBy: { name: string; note: string | null }[];
}

export interface RoundupSection {
  /** `null` for "Other": links with no category. */
  categoryId: number | null;
  name: string;
  emoji: string | null;
  items: RoundupItem[];
}

/** The month's roundup, neutral: Markdown, Discord embeds and Slack blocks are all made from it. */
export interface RoundupDoc {
  workspace: string;
  period: Period;
  /** "July 2026". */
  periodLabel: string;
  title: string;
  intro: string | null;
  sections: RoundupSection[];
  linkCount: number;
  /** The workspace's time zone: the dates readers see are its (UTC when absent). */
  timeZone?: string;
  /** The month's page in the workspace's web archive, when it publishes one: chat posts end with it. */
  webUrl?: string;
}
