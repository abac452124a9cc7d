import type Database from "better-sqlite3";
import type { RoundupRunStore } from "../core/ports/runStore.js";
import type { RoundupRun, RunStatus, WorkspaceKey } from "../core/types.js";
import { takeover } from "./runTakeover.js";
import { roundupRunsTable } from "./schema.js";
import { selectColumns, sqlColumns } from "./sqlColumns.js";
import type { Immediate } from "./transactionGate.js";

const r = sqlColumns(roundupRunsTable);

/** A run's columns under the domain's names; when a row was created stays inside storage. */
const RUN_COLUMNS = selectColumns(roundupRunsTable, {
  rename: { workspaceKey: "workspace" },
  omit: ["createdAt"],
});

type RunRow = Omit<RoundupRun, "messageIds"> & { messageIds: string };

function toRun(row: RunRow): RoundupRun {
  return { ...row, messageIds: JSON.parse(row.messageIds) as string[] };
}

/**
 * The ledger on SQLite, in statements prepared on better-sqlite3 whose names come from schema.ts.
 * Claims run in an IMMEDIATE transaction, which takes the database's write lock before reading, so two
 * processes on one file cannot both claim a period.
 */
export class SqliteRunStore implements Immediate<RoundupRunStore> {
  private readonly byPeriod: Database.Statement;
  private readonly latestRun: Database.Statement;
  private readonly insertRun: Database.Statement;
  private readonly updateClaim: Database.Statement;
  private readonly appendMessage: Database.Statement;
  private readonly finishRun: Database.Statement;
  private readonly insertSkipped: Database.Statement;
  private readonly claimTx: (input: Parameters<RoundupRunStore["claim"]>[0]) => RoundupRun | null;

  constructor(client: Database.Database) {
    this.byPeriod = client.prepare(
      `SELECT ${RUN_COLUMNS} FROM ${r.$table} WHERE ${r.workspaceKey} = ? AND ${r.period} = ?`,
    );
    this.latestRun = client.prepare(
      `SELECT ${RUN_COLUMNS} FROM ${r.$table} WHERE ${r.workspaceKey} = ?
       ORDER BY coalesce(${r.updatedAt}, ${r.createdAt}) DESC, ${r.id} DESC LIMIT 1`,
    );
    this.insertRun = client.prepare(
      `INSERT INTO ${r.$table} (${r.workspaceKey}, ${r.period}, ${r.status}, ${r.messageIds}, ${r.claimedBy},
         ${r.leaseUntil}, ${r.attempts}, ${r.updatedAt})
       VALUES (@workspace, @period, 'posting', '[]', @owner, @leaseUntil, 1, @now)`,
    );
    this.updateClaim = client.prepare(
      `UPDATE ${r.$table} SET ${r.status} = 'posting', ${r.claimedBy} = @owner, ${r.leaseUntil} = @leaseUntil,
         ${r.attempts} = ${r.attempts} + 1, ${r.updatedAt} = @now, ${r.lastError} = NULL,
         ${r.messageIds} = CASE WHEN @restart THEN '[]' ELSE ${r.messageIds} END
       WHERE ${r.id} = @id`,
    );
    this.appendMessage = client.prepare(
      `UPDATE ${r.$table} SET ${r.messageIds} = json_insert(${r.messageIds}, '$[#]', @messageId),
         ${r.leaseUntil} = @leaseUntil, ${r.updatedAt} = @now
       WHERE ${r.id} = @id AND ${r.claimedBy} = @owner AND ${r.status} = 'posting'`,
    );
    this.finishRun = client.prepare(
      `UPDATE ${r.$table} SET ${r.status} = @status, ${r.lastError} = @error, ${r.leaseUntil} = NULL, ${r.updatedAt} = @now
       WHERE ${r.id} = @id AND ${r.claimedBy} = @owner AND ${r.status} = 'posting'`,
    );
    this.insertSkipped = client.prepare(
      `INSERT INTO ${r.$table} (${r.workspaceKey}, ${r.period}, ${r.status}, ${r.lastError}, ${r.updatedAt})
       VALUES (?, ?, 'skipped', ?, ?) ON CONFLICT (${r.workspaceKey}, ${r.period}) DO NOTHING`,
    );
    const claimTransaction = client.transaction(
      (input: Parameters<RoundupRunStore["claim"]>[0]): RoundupRun | null => {
        const existing = this.get(input.workspace, input.period);
        if (!existing) {
          this.insertRun.run(input);
        } else {
          const action = takeover(existing, input.mode, input.now);
          if (action === null) return null;
          this.updateClaim.run({ ...input, id: existing.id, restart: action === "restart" ? 1 : 0 });
        }
        return this.get(input.workspace, input.period) ?? null;
      },
    );
    this.claimTx = (input) => claimTransaction.immediate(input);
  }

  claim(input: Parameters<RoundupRunStore["claim"]>[0]): RoundupRun | null {
    return this.claimTx(input);
  }

  recordMessage(runId: number, owner: string, messageId: string, leaseUntil: number, now: number): boolean {
    return this.appendMessage.run({ id: runId, owner, messageId, leaseUntil, now }).changes === 1;
  }

  finish(
    runId: number,
    owner: string,
    status: Exclude<RunStatus, "posting">,
    error: string | null,
    now: number,
  ): void {
    this.finishRun.run({ id: runId, owner, status, error, now });
  }

  recordSkipped(workspace: WorkspaceKey, period: string, reason: string, now: number): void {
    this.insertSkipped.run(workspace, period, reason, now);
  }

  get(workspace: WorkspaceKey, period: string): RoundupRun | undefined {
    const row = this.byPeriod.get(workspace, period) as RunRow | undefined;
    return row && toRun(row);
  }

  latest(workspace: WorkspaceKey): RoundupRun | undefined {
    const row = this.latestRun.get(workspace) as RunRow | undefined;
    return row && toRun(row);
  }
}
