/**
 * The PostgreSQL schema: src/storage/schema.ts (SQLite) table by table and column by column, with the
 * same table and column names, so one store's queries can name them once (test/storage/postgres
 * checks the two cannot drift apart). Its migrations are generated into `migrations/postgres`
 * (`npm run db:generate:postgres`); SQLite's stay in `migrations`.
 *
 * Where the types differ from SQLite's:
 * - epoch-millisecond times are `bigint` read as numbers (mode "number"), as the ports expect;
 * - flags are `boolean`;
 * - the JSON arrays (a link's recommendations and votes, a run's or a review's message ids) are `jsonb`,
 *   read already parsed;
 * - ids are identities "by default", so copying a history in can keep them (then move the sequence on).
 *
 * Link numbering: `workspaces.last_link_number` is kept as the counter, but SQLite's trigger that
 * moves it (migrations/0003) is not here: on PostgreSQL the dialect module takes the next number
 * itself (e.g. `UPDATE workspaces SET last_link_number = last_link_number + 1 ... RETURNING`, whose
 * row lock orders concurrent adds).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  DEFAULT_PICKS,
  DEFAULT_REVIEW,
  DEFAULT_SCHEDULE,
  DEFAULT_TITLE_TEMPLATE,
  type Recommendation,
  type Vote,
} from "../../core/types.js";

/** Epoch milliseconds, as SQLite's `integer` times: numbers in TypeScript (safe until the year 287,396). */
const epochMs = (name: string) => bigint(name, { mode: "number" });

const createdAt = () =>
  epochMs("created_at").notNull().default(sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`);

export const workspacesTable = pgTable("workspaces", {
  key: text("key").primaryKey(),
  createdAt: createdAt(),
  /** The number the workspace's newest link got; the dialect module moves it on (no trigger here). */
  lastLinkNumber: integer("last_link_number").notNull().default(0),
});

export const categoriesTable = pgTable(
  "categories",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    emoji: text("emoji"),
    position: integer("position").notNull(),
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("categories_workspace_slug_unique").on(t.workspaceKey, t.slug),
    // "Tools" and "tools" are one category, as on SQLite.
    uniqueIndex("categories_workspace_name_unique").on(t.workspaceKey, sql`lower(${t.name})`),
  ],
);

export const linksTable = pgTable(
  "links",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    /** Counted per workspace, never reused (#12); the insert takes it from `workspaces.last_link_number`. */
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
    sharedAt: epochMs("shared_at").notNull(),
    source: text("source", { enum: ["discord", "slack", "cli"] }).notNull(),
    /** Later shares by others, NULL when none (as on SQLite). */
    recommendations: jsonb("recommendations").$type<Recommendation[]>(),
    canonicalUrl: text("canonical_url"),
    /** +1s, oldest first, one per person; appended to in one statement (`votes || ...`). */
    votes: jsonb("votes").$type<Vote[]>().notNull().default(sql`'[]'::jsonb`),
    picked: boolean("picked").notNull().default(false),
    dropped: boolean("dropped").notNull().default(false),
  },
  (t) => [
    uniqueIndex("links_workspace_normalized_url_unique").on(t.workspaceKey, t.normalizedUrl),
    uniqueIndex("links_workspace_number_unique").on(t.workspaceKey, t.number),
    index("links_workspace_shared_at_idx").on(t.workspaceKey, t.sharedAt),
    index("links_category_idx").on(t.categoryId),
    index("links_workspace_canonical_url_idx").on(t.workspaceKey, t.canonicalUrl),
  ],
);

export const settingsTable = pgTable(
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
    quietMonthNote: boolean("quiet_month_note").notNull().default(false),
    nextDuePeriod: text("next_due_period"),
    nextDueAt: epochMs("next_due_at"),
    adminNotice: text("admin_notice"),
    /** Whether the roundups are published on the web: not at all, at an unguessable address, or a readable one. */
    archiveMode: text("archive_mode", { enum: ["off", "private", "public"] })
      .notNull()
      .default("off"),
    /** The private archive's secret path part (at least 128 random bits); replaced to revoke the old address. */
    archiveToken: text("archive_token"),
    /** The public archive's readable path part, chosen by an admin. */
    archiveSlug: text("archive_slug"),
    linkOrder: text("link_order", { enum: ["shared", "votes"] })
      .notNull()
      .default("shared"),
    picksTitle: text("picks_title").notNull().default(DEFAULT_PICKS.title),
    /** NULL for no emoji. DEFAULT_PICKS's, which the type lets be null. */
    picksEmoji: text("picks_emoji").default("⭐"),
    reviewDays: integer("review_days").notNull().default(DEFAULT_REVIEW.days),
    reviewChannelId: text("review_channel_id"),
  },
  (t) => [
    index("workspace_settings_next_due_at_idx").on(t.nextDueAt),
    // The drafts' query: only the workspaces with review on, by when their roundup is due.
    index("workspace_settings_review_due_idx")
      .on(t.nextDueAt)
      .where(sql`${t.reviewDays} > 0 AND ${t.reviewChannelId} IS NOT NULL`),
    // An archive's address names one workspace.
    uniqueIndex("workspace_settings_archive_token_unique").on(t.archiveToken),
    uniqueIndex("workspace_settings_archive_slug_unique").on(t.archiveSlug),
  ],
);

export const adminsTable = pgTable(
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

export const roundupRunsTable = pgTable(
  "roundup_runs",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    /** `YYYY-MM`. */
    period: text("period").notNull(),
    status: text("status", { enum: ["posting", "posted", "failed", "skipped", "quiet"] }).notNull(),
    /** The platform message ids posted so far, in order. */
    messageIds: jsonb("message_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    claimedBy: text("claimed_by"),
    leaseUntil: epochMs("lease_until"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: epochMs("updated_at"),
  },
  (t) => [uniqueIndex("roundup_runs_workspace_period_unique").on(t.workspaceKey, t.period)],
);

/** The editors' review of one period's roundup, created once per workspace and period (the key). */
export const roundupReviewsTable = pgTable(
  "roundup_reviews",
  {
    workspaceKey: text("workspace_key")
      .notNull()
      .references(() => workspacesTable.key, { onDelete: "cascade" }),
    /** `YYYY-MM`. */
    period: text("period").notNull(),
    channelId: text("channel_id").notNull(),
    /** The draft's platform message ids, one per page, in order. */
    messageIds: jsonb("message_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    heldBy: text("held_by"),
    version: integer("version").notNull().default(0),
    remindedAt: epochMs("reminded_at"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceKey, t.period] })],
);

/** Signed Slack requests already taken, kept until their timestamp leaves Slack's five-minute window. */
export const slackRequestsTable = pgTable("slack_requests", {
  signature: text("signature").primaryKey(),
  /** Epoch ms from which the request's timestamp is out of the window (and the row may go). */
  expiresAt: epochMs("expires_at").notNull(),
});
