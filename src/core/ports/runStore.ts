import type { RoundupRun, RunStatus, WorkspaceKey } from "../types.js";

/** How a post was asked for: the schedule, an admin (resumes a failed one), or an admin on purpose again. */
export type ClaimMode = "scheduled" | "manual" | "force";

/**
 * The roundup ledger: one row per (workspace, period), claimed atomically across processes before
 * anything is posted, so a period is posted at most once whatever crashes or races.
 */
export interface RoundupRunStore {
  /**
   * Claims the period for `owner` until `leaseUntil`. Succeeds for a new period, for one whose
   * previous claim's lease expired mid-post (keeping the messages already posted), for a failed one
   * when asked by hand, and for any finished one with `force` (starting over). Otherwise null.
   */
  claim(input: {
    workspace: WorkspaceKey;
    period: string;
    owner: string;
    now: number;
    leaseUntil: number;
    mode: ClaimMode;
  }): Promise<RoundupRun | null>;
  /** Adds a posted message's id and extends the lease; false when the claim was lost meanwhile. */
  recordMessage(
    runId: number,
    owner: string,
    messageId: string,
    leaseUntil: number,
    now: number,
  ): Promise<boolean>;
  finish(
    runId: number,
    owner: string,
    status: Exclude<RunStatus, "posting">,
    error: string | null,
    now: number,
  ): Promise<void>;
  /** Records a period the scheduler will not post (e.g. too late), unless it has a row already. */
  recordSkipped(workspace: WorkspaceKey, period: string, reason: string, now: number): Promise<void>;
  get(workspace: WorkspaceKey, period: string): Promise<RoundupRun | undefined>;
  /** The most recently updated run of a workspace. */
  latest(workspace: WorkspaceKey): Promise<RoundupRun | undefined>;
}
