import type { RequestLogStore } from "../../core/ports/requestLogStore.js";
import { sqlColumns } from "../sqlColumns.js";
import { slackRequestsTable } from "./schema.js";
import type { JoinedTransactions } from "./session.js";

const s = sqlColumns(slackRequestsTable);

/** How often expired signatures are deleted: rows only live minutes, so a sweep a minute keeps it small. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Inserts the signature, or takes over its row if that one has expired (an expired row not yet
 * pruned counts as new, so pruning is only housekeeping). Two replicas remembering one signature at
 * once: the second waits for the first's row, finds it live and writes nothing.
 */
const REMEMBER = `INSERT INTO ${s.$table} (${s.signature}, ${s.expiresAt}) VALUES ($1, $2)
  ON CONFLICT (${s.signature}) DO UPDATE SET ${s.expiresAt} = excluded.${s.expiresAt}
  WHERE ${s.$table}.${s.expiresAt} <= $3`;

const PRUNE = `DELETE FROM ${s.$table} WHERE ${s.expiresAt} <= $1`;

export class PgRequestLogStore implements RequestLogStore {
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly db: JoinedTransactions) {}

  async remember(signature: string, expiresAt: number, now: number): Promise<boolean> {
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await this.db.query(PRUNE, [now]);
    }
    return (await this.db.query(REMEMBER, [signature, expiresAt, now])).rowCount === 1;
  }
}
