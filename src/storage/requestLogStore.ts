import type Database from "better-sqlite3";
import type { RequestLogStore } from "../core/ports/requestLogStore.js";
import { slackRequestsTable } from "./schema.js";
import { sqlColumns } from "./sqlColumns.js";
import type { Immediate } from "./transactionGate.js";

const s = sqlColumns(slackRequestsTable);

/** How often expired signatures are deleted: rows only live minutes, so a sweep a minute keeps it small. */
const PRUNE_EVERY_MS = 60_000;

export class SqliteRequestLogStore implements Immediate<RequestLogStore> {
  private readonly insert: Database.Statement;
  private readonly prune: Database.Statement;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(client: Database.Database) {
    // An expired row not yet pruned counts as new, so pruning is only housekeeping.
    this.insert = client.prepare(
      `INSERT INTO ${s.$table} (${s.signature}, ${s.expiresAt}) VALUES (@signature, @expiresAt)
       ON CONFLICT (${s.signature}) DO UPDATE SET ${s.expiresAt} = excluded.${s.expiresAt}
       WHERE ${s.$table}.${s.expiresAt} <= @now`,
    );
    this.prune = client.prepare(`DELETE FROM ${s.$table} WHERE ${s.expiresAt} <= ?`);
  }

  remember(signature: string, expiresAt: number, now: number): boolean {
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prune.run(now);
      this.prunedAt = now;
    }
    return this.insert.run({ signature, expiresAt, now }).changes === 1;
  }
}
