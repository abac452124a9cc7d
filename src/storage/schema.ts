import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DEFAULT_PICKS, DEFAULT_REVIEW, DEFAULT_SCHEDULE, DEFAULT_TITLE_TEMPLATE } from "../core/types.js";

const createdAt = () =>
  integer("created_at").notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

export const workspacesTable = sqliteTable("workspaces", {
  key: text("key").primaryKey(),
  createdAt: createdAt(),
  /** The number the workspace's newest link got; a trigger moves it on (migration 0003). */
  lastLinkNumber: integer("last_link_number").notNull().default(0),
});

export const categoriesTable = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    emoji: text("emoji"),
    position: integer("position").notNull(),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("categories_workspace_slug_unique").on(t.workspaceKey, t.slug),
    uniqueIndex("categories_workspace_name_unique").on(t.workspaceKey, sql`lower(${t.name})`),
  ],
);

export const linksTable = sqliteTable(
  "links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    /**
     * What people see and type (#12): counted per workspace, so a team's list starts at 1 and says
     * nothing of other teams. Never reused: a removed link's number stays gone.
     */
    number: integer("number").notNull().default(0),
    url: text("url").notNull(),
    normalizedUrl: text("normalized_url").notNull(),
    title: text("title"),
    author: text("author"),
    description: text("description"),
    siteName: text("site_name"),
    note: text("note"),
    categoryId: integer("category_id").references(() => categoriesTable.id, { onDelete: "set null" }),
    sharedById: text("shared_by_id").notNull(),
    sharedByName: text("shared_by_name").notNull(),
    sharedAt: integer("shared_at").notNull(),
    source: text("source", { enum: ["discord", "slack", "cli"] }).notNull(),
    /**
     * JSON array of later shares by others ({ userId, userName, note, sharedAt }), NULL when none.
     * Kept on the row because it is only ever read with its link, and the month query stays one index scan.
     */
    recommendations: text("recommendations"),
    /** The page's own canonical URL, normalized, when it named one on the same site: a second key for duplicates. */
    canonicalUrl: text("canonical_url"),
    /**
     * JSON array of +1s ({ userId, userName, votedAt }), oldest first, one per person: on the row for
     * the same reason as the recommendations, and appended to in one statement so votes at once all count.
     */
    votes: text("votes").notNull().default("[]"),
    /** An editor picked it: it opens its month's roundup in the picks section. */
    picked: integer("picked", { mode: "boolean" }).notNull().default(false),
    /** An editor dropped it from its month's roundup; it stays on the list. */
    dropped: integer("dropped", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("links_workspace_normalized_url_unique").on(t.workspaceKey, t.normalizedUrl),
    uniqueIndex("links_workspace_number_unique").on(t.workspaceKey, t.number),
    // Serves "one workspace, one month" (the roundup and /read list) in shared order.
    index("links_workspace_shared_at_idx").on(t.workspaceKey, t.sharedAt),
    index("links_category_idx").on(t.categoryId),
    index("links_workspace_canonical_url_idx").on(t.workspaceKey, t.canonicalUrl),
  ],
);

export const settingsTable = sqliteTable(
  "workspace_settings",
  {
    workspaceKey: text("workspace_key")
      .primaryKey()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    channelId: text("channel_id"),
    scheduleDay: integer("schedule_day").notNull().default(DEFAULT_SCHEDULE.day),
    scheduleTime: text("schedule_time").notNull().default(DEFAULT_SCHEDULE.time),
    timeZone: text("time_zone").notNull().default(DEFAULT_SCHEDULE.timeZone),
    titleTemplate: text("title_template").notNull().default(DEFAULT_TITLE_TEMPLATE),
    intro: text("intro"),
    /** Post a short "quiet month" note when a month had no links, instead of nothing. */
    quietMonthNote: integer("quiet_month_note", { mode: "boolean" }).notNull().default(false),
    /** The next roundup the scheduler owes: its period and when it is due (epoch ms). */
    nextDuePeriod: text("next_due_period"),
    nextDueAt: integer("next_due_at"),
    /** A message for the admins, shown once on their next command (e.g. "no roundup channel"). */
    adminNotice: text("admin_notice"),
    /** Whether the roundups are published on the web: not at all, at an unguessable address, or a readable one. */
    archiveMode: text("archive_mode", { enum: ["off", "private", "public"] })
      .notNull()
      .default("off"),
    /** The private archive's secret path part (at least 128 random bits); replaced to revoke the old address. */
    archiveToken: text("archive_token"),
    /** The public archive's readable path part, chosen by an admin. */
    archiveSlug: text("archive_slug"),
    /** Within a roundup's section: the order links were shared in, or most recommended first. */
    linkOrder: text("link_order", { enum: ["shared", "votes"] })
      .notNull()
      .default("shared"),
    /** The heading of the section of editors' picks. */
    picksTitle: text("picks_title").notNull().default(DEFAULT_PICKS.title),
    /** The picks heading's emoji; NULL for none. DEFAULT_PICKS's, which the type lets be null. */
    picksEmoji: text("picks_emoji").default("⭐"),
    /** How many days before the roundup its draft is posted for review; 0 for no draft. */
    reviewDays: integer("review_days").notNull().default(DEFAULT_REVIEW.days),
    /** Where the draft is posted for the editors. */
    reviewChannelId: text("review_channel_id"),
  },
  // The scheduler's one query each tick: which workspaces are due.
  (t) => [
    index("workspace_settings_next_due_at_idx").on(t.nextDueAt),
    // Its drafts' query: only the workspaces with review on, by when their roundup is due.
    index("workspace_settings_review_due_idx")
      .on(t.nextDueAt)
      .where(sql`${t.reviewDays} > 0 AND ${t.reviewChannelId} IS NOT NULL`),
    // An archive's address names one workspace.
    uniqueIndex("workspace_settings_archive_token_unique").on(t.archiveToken),
    uniqueIndex("workspace_settings_archive_slug_unique").on(t.archiveSlug),
  ],
);

export const adminsTable = sqliteTable(
  "workspace_admins",
  {
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["user", "role"] }).notNull(),
    subjectId: text("subject_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceKey, t.kind, t.subjectId] })],
);

export const roundupRunsTable = sqliteTable(
  "roundup_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    /** `YYYY-MM`. */
    period: text("period").notNull(),
    status: text("status", { enum: ["posting", "posted", "failed", "skipped", "quiet"] }).notNull(),
    /** JSON array of the platform message ids posted so far, in order. */
    messageIds: text("message_ids").notNull().default("[]"),
    claimedBy: text("claimed_by"),
    leaseUntil: integer("lease_until"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at"),
  },
  (t) => [uniqueIndex("roundup_runs_workspace_period_unique").on(t.workspaceKey, t.period)],
);

/**
 * The editors' review of one period's roundup: where its draft was posted, whether it is held. Created
 * once per workspace and period (the key), by whichever process claims it first and then posts the draft.
 */
export const roundupReviewsTable = sqliteTable(
  "roundup_reviews",
  {
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    /** `YYYY-MM`. */
    period: text("period").notNull(),
    channelId: text("channel_id").notNull(),
    /** JSON array of the draft's platform message ids, one per page, in order. */
    messageIds: text("message_ids").notNull().default("[]"),
    /** Who held the roundup; NULL when it is not held. */
    heldBy: text("held_by"),
    /** Raised by every change to the draft: a draft message rendered before the last change is redrawn. */
    version: integer("version").notNull().default(0),
    /** When reviewers were last reminded of a held roundup (epoch ms). */
    remindedAt: integer("reminded_at"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceKey, t.period] })],
);

/**
 * Signed Slack requests already taken, by their signature, kept until their timestamp leaves Slack's
 * five-minute window: the same request sent again is refused by every process on this database.
 */
export const slackRequestsTable = sqliteTable("slack_requests", {
  signature: text("signature").primaryKey(),
  /** Epoch ms from which the request's timestamp is out of the window (and the row may go). */
  expiresAt: integer("expires_at").notNull(),
});
