import type { RoundupRunStore } from "../../core/ports/runStore.js";
import type { RoundupRun, RunStatus, WorkspaceKey } from "../../core/types.js";
import { takeover } from "../runTakeover.js";
import { selectColumns, sqlColumns } from "../sqlColumns.js";
import { roundupRunsTable } from "./schema.js";
import type { JoinedTransactions } from "./session.js";

const r = sqlColumns(roundupRunsTable);

const RUN_COLUMNS = selectColumns(roundupRunsTable, {
  rename: { workspaceKey: "workspace" },
  omit: ["createdAt"],
  quote: true,
});

/** The period's row, locked until the transaction ends: a second claimer waits here, then sees the first's outcome. */
const LOCK_PERIOD = `SELECT ${RUN_COLUMNS} FROM ${r.$table} WHERE ${r.workspaceKey} = $1 AND ${r.period} = $2 FOR UPDATE`;

const BY_PERIOD = `SELECT ${RUN_COLUMNS} FROM ${r.$table} WHERE ${r.workspaceKey} = $1 AND ${r.period} = $2`;

const LATEST = `SELECT ${RUN_COLUMNS} FROM ${r.$table} WHERE ${r.workspaceKey} = $1
  ORDER BY coalesce(${r.updatedAt}, ${r.createdAt}) DESC, ${r.id} DESC LIMIT 1`;

/** A new period's claim; nothing when another replica's insert of the period got there first. */
const INSERT_CLAIM = `INSERT INTO ${r.$table} (${r.workspaceKey}, ${r.period}, ${r.status}, ${r.messageIds}, ${r.claimedBy},
    ${r.leaseUntil}, ${r.attempts}, ${r.updatedAt})
  VALUES ($1, $2, 'posting', '[]'::jsonb, $3, $4, 1, $5)
  ON CONFLICT (${r.workspaceKey}, ${r.period}) DO NOTHING
  RETURNING ${RUN_COLUMNS}`;

const UPDATE_CLAIM = `UPDATE ${r.$table} SET ${r.status} = 'posting', ${r.claimedBy} = $2, ${r.leaseUntil} = $3,
    ${r.attempts} = ${r.attempts} + 1, ${r.updatedAt} = $4, ${r.lastError} = NULL,
    ${r.messageIds} = CASE WHEN $5 THEN '[]'::jsonb ELSE ${r.messageIds} END
  WHERE ${r.id} = $1
  RETURNING ${RUN_COLUMNS}`;

const APPEND_MESSAGE = `UPDATE ${r.$table} SET ${r.messageIds} = ${r.messageIds} || jsonb_build_array($3::text),
    ${r.leaseUntil} = $4, ${r.updatedAt} = $5
  WHERE ${r.id} = $1 AND ${r.claimedBy} = $2 AND ${r.status} = 'posting'`;

const FINISH = `UPDATE ${r.$table} SET ${r.status} = $3, ${r.lastError} = $4, ${r.leaseUntil} = NULL, ${r.updatedAt} = $5
  WHERE ${r.id} = $1 AND ${r.claimedBy} = $2 AND ${r.status} = 'posting'`;

const INSERT_SKIPPED = `INSERT INTO ${r.$table} (${r.workspaceKey}, ${r.period}, ${r.status}, ${r.lastError}, ${r.updatedAt})
  VALUES ($1, $2, 'skipped', $3, $4) ON CONFLICT (${r.workspaceKey}, ${r.period}) DO NOTHING`;

/**
 * The ledger on PostgreSQL. A claim reads the period's row FOR UPDATE inside a transaction: replicas
 * claiming at once queue on the row lock and each judges the row as the one before left it, so one
 * wins. A new period has no row to lock; there the unique index decides (ON CONFLICT), and the loser
 * judges the winner's row like any other.
 */
export class PgRunStore implements RoundupRunStore {
  constructor(private readonly db: JoinedTransactions) {}

  claim(input: Parameters<RoundupRunStore["claim"]>[0]): Promise<RoundupRun | null> {
    return this.db.transaction(async () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        const existing = (await this.db.query<RoundupRun>(LOCK_PERIOD, [input.workspace, input.period]))
          .rows[0];
        if (!existing) {
          const inserted = await this.db.query<RoundupRun>(INSERT_CLAIM, [
            input.workspace,
            input.period,
            input.owner,
            input.leaseUntil,
            input.now,
          ]);
          if (inserted.rows[0]) return inserted.rows[0];
          // Another replica inserted the period meanwhile: its row is there to lock now.
          continue;
        }
        const action = takeover(existing, input.mode, input.now);
        if (action === null) return null;
        const updated = await this.db.query<RoundupRun>(UPDATE_CLAIM, [
          existing.id,
          input.owner,
          input.leaseUntil,
          input.now,
          action === "restart",
        ]);
        return updated.rows[0] ?? null;
      }
      return null;
    });
  }

  async recordMessage(
    runId: number,
    owner: string,
    messageId: string,
    leaseUntil: number,
    now: number,
  ): Promise<boolean> {
    return (await this.db.query(APPEND_MESSAGE, [runId, owner, messageId, leaseUntil, now])).rowCount === 1;
  }

  async finish(
    runId: number,
    owner: string,
    status: Exclude<RunStatus, "posting">,
    error: string | null,
    now: number,
  ): Promise<void> {
    await this.db.query(FINISH, [runId, owner, status, error, now]);
  }

  async recordSkipped(workspace: WorkspaceKey, period: string, reason: string, now: number): Promise<void> {
    await this.db.query(INSERT_SKIPPED, [workspace, period, reason, now]);
  }

  async get(workspace: WorkspaceKey, period: string): Promise<RoundupRun | undefined> {
    return (await this.db.query<RoundupRun>(BY_PERIOD, [workspace, period])).rows[0];
  }

  async latest(workspace: WorkspaceKey): Promise<RoundupRun | undefined> {
    return (await this.db.query<RoundupRun>(LATEST, [workspace])).rows[0];
  }
}
