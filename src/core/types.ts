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
}

export type NewLink = Omit<Link, "id" | "recommendations">;

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
export const DEFAULT_SCHEDULE: Schedule = { day: 1, time: "09:00", timeZone: "UTC" };
