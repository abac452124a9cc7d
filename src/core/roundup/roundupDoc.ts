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
  /** An editor picked it: it is in the picks section that opens the roundup, not in its category's. */
  picked: boolean;
  /** How many people recommend it besides its sharer (+1s and repeat shares, each person once). */
  votes: number;
}

/** A link an editor dropped: in no section and shown by no renderer, listed for editors and scripts. */
export interface DroppedItem extends RoundupItem {
  /** The name of the category it was shared in, or null for none (it would have been under "Other"). */
  category: string | null;
}

/** The editors' picks open the roundup; then one section per category; links without one come last. */
export type SectionKind = "picks" | "category" | "other";

export interface RoundupSection {
  kind: SectionKind;
  /** The category's id; `null` for the picks and for "Other". */
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
  /** The links the sections show (dropped links not counted). */
  linkCount: number;
  /** The month's links editors dropped, in sharing order. */
  dropped: DroppedItem[];
  /** The workspace's time zone: the dates readers see are its (UTC when absent). */
  timeZone?: string;
  /** The month's page in the workspace's web archive, when it publishes one: chat posts end with it. */
  webUrl?: string;
}
