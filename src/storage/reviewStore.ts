import type Database from "better-sqlite3";
import type { DraftDue, ReviewStore } from "../core/ports/reviewStore.js";
import type { RoundupReview, WorkspaceKey } from "../core/types.js";
import { roundupReviewsTable, settingsTable } from "./schema.js";
import { WORKSPACE_PLATFORM } from "./settingsStore.js";
import { selectColumns, sqlColumns } from "./sqlColumns.js";
import type { Immediate } from "./transactionGate.js";

const r = sqlColumns(roundupReviewsTable);
const s = sqlColumns(settingsTable);

const DAY_MS = 86_400_000;

/** A review's columns under the domain's names. */
const REVIEW_COLUMNS = selectColumns(roundupReviewsTable, { rename: { workspaceKey: "workspace" } });

const THIS_REVIEW = `${r.workspaceKey} = @workspace AND ${r.period} = @period`;

/** When the draft of the next roundup is due: the roundup's time less the review's days. */
const DRAFT_AT = `${s.nextDueAt} - ${s.reviewDays} * ${DAY_MS}`;

/**
 * Review on is written as the partial index `workspace_settings_review_due_idx` says it, so SQLite
 * reads only the workspaces that have it. The platforms are a JSON array: one statement for any set.
 */
const DRAFTS_DUE = `SELECT ${s.workspaceKey} AS workspace, ${s.nextDuePeriod} AS period, ${s.nextDueAt} AS roundupAt,
    ${s.reviewChannelId} AS channelId
  FROM ${s.$table}
  WHERE ${s.reviewDays} > 0 AND ${s.reviewChannelId} IS NOT NULL
    AND ${s.nextDuePeriod} IS NOT NULL AND ${DRAFT_AT} <= @now
    AND ${WORKSPACE_PLATFORM} IN (SELECT value FROM json_each(@platforms))
    AND NOT EXISTS (SELECT 1 FROM ${r.$table}
      WHERE ${r.$table}.${r.workspaceKey} = ${s.$table}.${s.workspaceKey} AND ${r.period} = ${s.nextDuePeriod})
  ORDER BY ${DRAFT_AT}, ${s.workspaceKey}
  LIMIT @limit`;

type ReviewRow = Omit<RoundupReview, "messageIds"> & { messageIds: string };

function toReview(row: ReviewRow): RoundupReview {
  return { ...row, messageIds: JSON.parse(row.messageIds) as string[] };
}

/**
 * Reviews on SQLite, in statements prepared on better-sqlite3 whose names come from schema.ts. Each
 * change is one statement, so two editors pressing at once never undo each other.
 */
export class SqliteReviewStore implements Immediate<ReviewStore> {
  private readonly insert: Database.Statement;
  private readonly byPeriod: Database.Statement;
  private readonly updateMessages: Database.Statement;
  private readonly replaceMessages: Database.Statement;
  private readonly updateHeld: Database.Statement;
  private readonly raiseVersion: Database.Statement;
  private readonly updateRemindedAt: Database.Statement;
  private readonly draftsDueQuery: Database.Statement;

  constructor(client: Database.Database) {
    this.insert = client.prepare(
      `INSERT INTO ${r.$table} (${r.workspaceKey}, ${r.period}, ${r.channelId}, ${r.createdAt})
       VALUES (@workspace, @period, @channelId, @now)
       ON CONFLICT (${r.workspaceKey}, ${r.period}) DO NOTHING
       RETURNING ${REVIEW_COLUMNS}`,
    );
    this.byPeriod = client.prepare(`SELECT ${REVIEW_COLUMNS} FROM ${r.$table} WHERE ${THIS_REVIEW}`);
    this.updateMessages = client.prepare(
      `UPDATE ${r.$table} SET ${r.messageIds} = @messageIds WHERE ${THIS_REVIEW}`,
    );
    this.replaceMessages = client.prepare(
      `UPDATE ${r.$table} SET ${r.messageIds} = @messageIds WHERE ${THIS_REVIEW} AND ${r.messageIds} = @expected`,
    );
    this.updateHeld = client.prepare(`UPDATE ${r.$table} SET ${r.heldBy} = @by WHERE ${THIS_REVIEW}`);
    this.raiseVersion = client.prepare(
      `UPDATE ${r.$table} SET ${r.version} = ${r.version} + 1 WHERE ${THIS_REVIEW} RETURNING ${r.version}`,
    );
    this.updateRemindedAt = client.prepare(
      `UPDATE ${r.$table} SET ${r.remindedAt} = @at WHERE ${THIS_REVIEW}`,
    );
    this.draftsDueQuery = client.prepare(DRAFTS_DUE);
  }

  open(input: Parameters<ReviewStore["open"]>[0]): RoundupReview | null {
    const { workspace, period, channelId, now } = input;
    const row = this.insert.get({ workspace, period, channelId, now }) as ReviewRow | undefined;
    return row ? toReview(row) : null;
  }

  get(workspace: WorkspaceKey, period: string): RoundupReview | undefined {
    const row = this.byPeriod.get({ workspace, period }) as ReviewRow | undefined;
    return row && toReview(row);
  }

  setMessages(workspace: WorkspaceKey, period: string, messageIds: string[], expected?: string[]): boolean {
    const ids = JSON.stringify(messageIds);
    // Every write stores JSON.stringify's text, so equal arrays are equal text.
    const result =
      expected === undefined
        ? this.updateMessages.run({ workspace, period, messageIds: ids })
        : this.replaceMessages.run({
            workspace,
            period,
            messageIds: ids,
            expected: JSON.stringify(expected),
          });
    return result.changes > 0;
  }

  setHeld(workspace: WorkspaceKey, period: string, by: string | null): void {
    this.updateHeld.run({ workspace, period, by });
  }

  bump(workspace: WorkspaceKey, period: string): number {
    const row = this.raiseVersion.get({ workspace, period }) as { version: number } | undefined;
    return row?.version ?? 0;
  }

  setRemindedAt(workspace: WorkspaceKey, period: string, at: number): void {
    this.updateRemindedAt.run({ workspace, period, at });
  }

  draftsDue(now: number, limit: number, platforms: readonly string[]): DraftDue[] {
    if (platforms.length === 0) return [];
    return this.draftsDueQuery.all({ now, limit, platforms: JSON.stringify(platforms) }) as DraftDue[];
  }
}
