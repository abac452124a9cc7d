import type Database from "better-sqlite3";
import type { ClaimMode, RoundupRunStore } from "../core/ports/runStore.js";
import type { RoundupRun, RunStatus, WorkspaceKey } from "../core/types.js";
import type { Immediate } from "./transactionGate.js";

const RUN_COLUMNS = `id, workspace_key AS workspace, period, status, message_ids AS messageIds, claimed_by AS claimedBy,
  lease_until AS leaseUntil, attempts, last_error AS lastError, updated_at AS updatedAt`;

type RunRow = Omit<RoundupRun, "messageIds"> & { messageIds: string };

function toRun(row: RunRow): RoundupRun {
  return { ...row, messageIds: JSON.parse(row.messageIds) as string[] };
}

/** What a claim does to an existing row, by its state and the claim's mode; null means refused. */
function takeover(run: RoundupRun, mode: ClaimMode, now: number): "resume" | "restart" | null {
  if (run.status === "posting") {
    // Someone is (or was) posting it: only an expired lease means they died mid-way.
    return run.leaseUntil === null || run.leaseUntil < now ? "resume" : null;
  }
  if (mode === "force") return "restart";
  if (run.status === "failed" && mode === "manual") return "resume";
  return null;
}

/**
 * The ledger on SQLite. Claims run in an IMMEDIATE transaction, which takes the database's write
 * lock before reading, so two processes on one file cannot both claim a period.
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
      `SELECT ${RUN_COLUMNS} FROM roundup_runs WHERE workspace_key = ? AND period = ?`,
    );
    this.latestRun = client.prepare(
      `SELECT ${RUN_COLUMNS} FROM roundup_runs WHERE workspace_key = ? ORDER BY coalesce(updated_at, created_at) DESC, id DESC LIMIT 1`,
    );
    this.insertRun = client.prepare(
      `INSERT INTO roundup_runs (workspace_key, period, status, message_ids, claimed_by, lease_until, attempts, updated_at)
       VALUES (@workspace, @period, 'posting', '[]', @owner, @leaseUntil, 1, @now)`,
    );
    this.updateClaim = client.prepare(
      `UPDATE roundup_runs SET status = 'posting', claimed_by = @owner, lease_until = @leaseUntil,
         attempts = attempts + 1, updated_at = @now, last_error = NULL,
         message_ids = CASE WHEN @restart THEN '[]' ELSE message_ids END
       WHERE id = @id`,
    );
    this.appendMessage = client.prepare(
      `UPDATE roundup_runs SET message_ids = json_insert(message_ids, '$[#]', @messageId), lease_until = @leaseUntil,
         updated_at = @now
       WHERE id = @id AND claimed_by = @owner AND status = 'posting'`,
    );
    this.finishRun = client.prepare(
      `UPDATE roundup_runs SET status = @status, last_error = @error, lease_until = NULL, updated_at = @now
       WHERE id = @id AND claimed_by = @owner AND status = 'posting'`,
    );
    this.insertSkipped = client.prepare(
      `INSERT INTO roundup_runs (workspace_key, period, status, last_error, updated_at)
       VALUES (?, ?, 'skipped', ?, ?) ON CONFLICT (workspace_key, period) DO NOTHING`,
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
