import type Database from "better-sqlite3";
import type { RequestLogStore } from "../core/ports/requestLogStore.js";
import type { Immediate } from "./transactionGate.js";

/** How often expired signatures are deleted: rows only live minutes, so a sweep a minute keeps it small. */
const PRUNE_EVERY_MS = 60_000;

export class SqliteRequestLogStore implements Immediate<RequestLogStore> {
  private readonly insert: Database.Statement;
  private readonly prune: Database.Statement;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(client: Database.Database) {
    // An expired row not yet pruned counts as new, so pruning is only housekeeping.
    this.insert = client.prepare(
      `INSERT INTO slack_requests (signature, expires_at) VALUES (@signature, @expiresAt)
       ON CONFLICT (signature) DO UPDATE SET expires_at = excluded.expires_at
       WHERE slack_requests.expires_at <= @now`,
    );
    this.prune = client.prepare("DELETE FROM slack_requests WHERE expires_at <= ?");
  }

  remember(signature: string, expiresAt: number, now: number): boolean {
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prune.run(now);
      this.prunedAt = now;
    }
    return this.insert.run({ signature, expiresAt, now }).changes === 1;
  }
}
