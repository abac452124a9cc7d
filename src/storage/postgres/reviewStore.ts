import type { DraftDue, ReviewStore } from "../../core/ports/reviewStore.js";
import type { RoundupReview, WorkspaceKey } from "../../core/types.js";
import { selectColumns, sqlColumns } from "../sqlColumns.js";
import { roundupReviewsTable, settingsTable } from "./schema.js";
import type { JoinedTransactions } from "./session.js";
import { WORKSPACE_PLATFORM } from "./settingsStore.js";

const r = sqlColumns(roundupReviewsTable);
const s = sqlColumns(settingsTable);

const REVIEW_COLUMNS = selectColumns(roundupReviewsTable, {
  rename: { workspaceKey: "workspace" },
  quote: true,
});

const THIS_REVIEW = `${r.workspaceKey} = $1 AND ${r.period} = $2`;

/** A new period's review; nothing when another replica (or an earlier tick) opened it first. */
const OPEN = `INSERT INTO ${r.$table} (${r.workspaceKey}, ${r.period}, ${r.channelId}, ${r.createdAt})
  VALUES ($1, $2, $3, $4)
  ON CONFLICT (${r.workspaceKey}, ${r.period}) DO NOTHING
  RETURNING ${REVIEW_COLUMNS}`;

const BY_PERIOD = `SELECT ${REVIEW_COLUMNS} FROM ${r.$table} WHERE ${THIS_REVIEW}`;

const SET_MESSAGES = `UPDATE ${r.$table} SET ${r.messageIds} = $3::jsonb WHERE ${THIS_REVIEW}`;

const REPLACE_MESSAGES = `UPDATE ${r.$table} SET ${r.messageIds} = $3::jsonb
  WHERE ${THIS_REVIEW} AND ${r.messageIds} = $4::jsonb`;

const SET_HELD = `UPDATE ${r.$table} SET ${r.heldBy} = $3 WHERE ${THIS_REVIEW}`;

const BUMP = `UPDATE ${r.$table} SET ${r.version} = ${r.version} + 1 WHERE ${THIS_REVIEW}
  RETURNING ${r.version} AS "version"`;

const SET_REMINDED_AT = `UPDATE ${r.$table} SET ${r.remindedAt} = $3 WHERE ${THIS_REVIEW}`;

/** The draft's time: the roundup's less the review's days, in bigint (days * a day's ms overflows integer). */
const DRAFT_AT = `${s.nextDueAt} - ${s.reviewDays} * 86400000::bigint`;

/**
 * Review on is written as the partial index `workspace_settings_review_due_idx` says it; the platform
 * is read as `settings.due` reads it.
 */
const DRAFTS_DUE = `SELECT ${s.workspaceKey} AS "workspace", ${s.nextDuePeriod} AS "period",
    ${s.nextDueAt} AS "roundupAt", ${s.reviewChannelId} AS "channelId"
  FROM ${s.$table}
  WHERE ${s.reviewDays} > 0 AND ${s.reviewChannelId} IS NOT NULL
    AND ${s.nextDuePeriod} IS NOT NULL AND ${DRAFT_AT} <= $1
    AND ${WORKSPACE_PLATFORM} = ANY($3::text[])
    AND NOT EXISTS (SELECT 1 FROM ${r.$table}
      WHERE ${r.$table}.${r.workspaceKey} = ${s.$table}.${s.workspaceKey} AND ${r.period} = ${s.nextDuePeriod})
  ORDER BY ${DRAFT_AT}, ${s.workspaceKey}
  LIMIT $2`;

/**
 * Reviews on PostgreSQL. Opening is one INSERT that the primary key settles between replicas; every
 * other change is one UPDATE of the row, so two editors at once queue on its lock and neither undoes
 * the other.
 */
export class PgReviewStore implements ReviewStore {
  constructor(private readonly db: JoinedTransactions) {}

  async open(input: Parameters<ReviewStore["open"]>[0]): Promise<RoundupReview | null> {
    const { rows } = await this.db.query<RoundupReview>(OPEN, [
      input.workspace,
      input.period,
      input.channelId,
      input.now,
    ]);
    return rows[0] ?? null;
  }

  async get(workspace: WorkspaceKey, period: string): Promise<RoundupReview | undefined> {
    return (await this.db.query<RoundupReview>(BY_PERIOD, [workspace, period])).rows[0];
  }

  async setMessages(
    workspace: WorkspaceKey,
    period: string,
    messageIds: string[],
    expected?: string[],
  ): Promise<boolean> {
    // node-postgres would send a JS array as a PostgreSQL array: jsonb gets the JSON text.
    const ids = JSON.stringify(messageIds);
    const result =
      expected === undefined
        ? await this.db.query(SET_MESSAGES, [workspace, period, ids])
        : await this.db.query(REPLACE_MESSAGES, [workspace, period, ids, JSON.stringify(expected)]);
    return result.rowCount > 0;
  }

  async setHeld(workspace: WorkspaceKey, period: string, by: string | null): Promise<void> {
    await this.db.query(SET_HELD, [workspace, period, by]);
  }

  async bump(workspace: WorkspaceKey, period: string): Promise<number> {
    return (await this.db.query<{ version: number }>(BUMP, [workspace, period])).rows[0]?.version ?? 0;
  }

  async setRemindedAt(workspace: WorkspaceKey, period: string, at: number): Promise<void> {
    await this.db.query(SET_REMINDED_AT, [workspace, period, at]);
  }

  async draftsDue(now: number, limit: number, platforms: readonly string[]): Promise<DraftDue[]> {
    if (platforms.length === 0) return [];
    return (await this.db.query<DraftDue>(DRAFTS_DUE, [now, limit, platforms])).rows;
  }
}
