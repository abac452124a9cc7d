/** The platforms a link can come from; `cli` covers local and admin use. */
export type Source = "discord" | "slack" | "cli";

/** `discord:<guildId>`, `slack:<teamId>` or `local:<name>`. */
export type WorkspaceKey = string;

export interface Category {
  id: number;
  workspace: WorkspaceKey;
  name: string;
  slug: string;
  emoji: string | null;
  position: number;
  archived: boolean;
}

/** A later share of a link someone already shared: kept, not stored as a second entry. */
export interface Recommendation {
  userId: string;
  userName: string;
  note: string | null;
  sharedAt: number;
}

/** A member's +1 on a link: one per person. */
export interface Vote {
  userId: string;
  userName: string;
  /** Epoch milliseconds. */
  votedAt: number;
}

export interface Link {
  id: number;
  workspace: WorkspaceKey;
  url: string;
  normalizedUrl: string;
  title: string | null;
  author: string | null;
  description: string | null;
  siteName: string | null;
  note: string | null;
  categoryId: number | null;
  sharedById: string;
  sharedByName: string;
  /** Epoch milliseconds. */
  sharedAt: number;
  source: Source;
  /** The page's canonical URL, normalized, once enrichment found one on the same site. */
  canonicalUrl: string | null;
  /** Later shares by other people, oldest first. */
  recommendations: Recommendation[];
  /** +1s, oldest first; at most one per person. */
  votes: Vote[];
  /** An editor picked it: it opens its month's roundup in the picks section. */
  picked: boolean;
  /** An editor dropped it from its month's roundup; it stays on the list. */
  dropped: boolean;
}

/** What a share creates: the rest (number, recommendations, votes, editors' marks) starts empty. */
export type NewLink = Omit<Link, "id" | "recommendations" | "votes" | "picked" | "dropped">;

/** An editor's marks on a link; a field left out is left as it is. */
export interface Curation {
  picked?: boolean;
  dropped?: boolean;
}

export interface Schedule {
  /** 1-28, so every month has the day. */
  day: number;
  /** `HH:MM`, 24-hour, in `timeZone`. */
  time: string;
  /** IANA name, e.g. `Europe/Berlin`. */
  timeZone: string;
}

export interface AdminEntry {
  kind: "user" | "role";
  id: string;
}

/** Whether the roundups are published on the web: not at all, at an unguessable address, or a readable one. */
export type ArchiveMode = "off" | "private" | "public";

export interface ArchiveSettings {
  mode: ArchiveMode;
  /** The private address's secret part; kept while off, so turning it back on restores the address. */
  token: string | null;
  /** The public address's readable part, chosen by an admin. */
  slug: string | null;
}

/** Within a section: the order links were shared in, or most recommended first (ties by sharing order). */
export type LinkOrder = "shared" | "votes";

/** The section that opens the roundup with the editors' picks. */
export interface PicksSettings {
  title: string;
  emoji: string | null;
}

/** The draft of the coming roundup, posted for editors `days` before it is due (0: no draft). */
export interface ReviewSettings {
  days: number;
  channelId: string | null;
}

export interface Settings {
  workspace: WorkspaceKey;
  channelId: string | null;
  schedule: Schedule;
  titleTemplate: string;
  intro: string | null;
  admins: AdminEntry[];
  /** Post a short note for a month without links, instead of nothing. */
  quietMonthNote: boolean;
  /** The next roundup the scheduler owes, or null when none is planned yet. */
  nextDue: { period: string; at: number } | null;
  /** Something the admins should hear once, on their next command. */
  adminNotice: string | null;
  archive: ArchiveSettings;
  order: LinkOrder;
  picks: PicksSettings;
  review: ReviewSettings;
}

/**
 * The editors' review of one period's roundup: where its draft is, whether it is held. One row per
 * workspace and period, created once (whichever process claims it first posts the draft).
 */
export interface RoundupReview {
  workspace: WorkspaceKey;
  period: string;
  channelId: string;
  /** Platform ids of the draft's messages, one per page, in order; empty until posted. */
  messageIds: string[];
  /** Held: the due time passes without posting until someone presses "Post now". */
  heldBy: string | null;
  /** Raised by every change to the draft, so a draft message rendered before the last change is redrawn. */
  version: number;
  /** When reviewers were last reminded of a held roundup. */
  remindedAt: number | null;
  createdAt: number;
}

export type RunStatus = "posting" | "posted" | "failed" | "skipped" | "quiet";

/** The ledger row of one workspace's roundup for one period: what was claimed, posted, or went wrong. */
export interface RoundupRun {
  id: number;
  workspace: WorkspaceKey;
  period: string;
  status: RunStatus;
  /** Platform ids of the messages posted so far, in order. */
  messageIds: string[];
  claimedBy: string | null;
  leaseUntil: number | null;
  attempts: number;
  lastError: string | null;
  updatedAt: number | null;
}

export const DEFAULT_TITLE_TEMPLATE = "What we've been reading in {month}";
export const DEFAULT_PICKS: PicksSettings = { title: "Picks of the month", emoji: "⭐" };
export const DEFAULT_REVIEW: ReviewSettings = { days: 0, channelId: null };
export const DEFAULT_SCHEDULE: Schedule = { day: 1, time: "09:00", timeZone: "UTC" };
