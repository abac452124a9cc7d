import type { RoundupReview, WorkspaceKey } from "../types.js";

/** A workspace whose next roundup's draft is due: `days` before the roundup, with review on. */
export interface DraftDue {
  workspace: WorkspaceKey;
  period: string;
  /** When the roundup itself is due. */
  roundupAt: number;
  channelId: string;
}

/**
 * The editors' reviews, one row per workspace and period. Every change is one statement, so two
 * editors (or two replicas) acting at once never undo each other.
 */
export interface ReviewStore {
  /**
   * Starts the review of a period: creates its row and returns it, or returns null when it exists
   * already (another process or an earlier tick got there first).
   */
  open(input: {
    workspace: WorkspaceKey;
    period: string;
    channelId: string;
    now: number;
  }): Promise<RoundupReview | null>;
  get(workspace: WorkspaceKey, period: string): Promise<RoundupReview | undefined>;
  /**
   * The draft's message ids, as posted (or posted again after one was deleted). With `expected`, only
   * if the stored ids are still those (another process may have redrawn meanwhile); false when not.
   */
  setMessages(
    workspace: WorkspaceKey,
    period: string,
    messageIds: string[],
    expected?: string[],
  ): Promise<boolean>;
  /** Holds the roundup (`by` who held it) or releases it (null). */
  setHeld(workspace: WorkspaceKey, period: string, by: string | null): Promise<void>;
  /** Raises the version after a change to the draft; returns the new version (0 when there is no review). */
  bump(workspace: WorkspaceKey, period: string): Promise<number>;
  setRemindedAt(workspace: WorkspaceKey, period: string, at: number): Promise<void>;
  /**
   * Workspaces of `platforms` whose next roundup (`settings.nextDue`) has review on (days > 0 and a
   * review channel), whose draft time (due minus days) is at or before `now`, and that have no review
   * row for that period yet; earliest first.
   */
  draftsDue(now: number, limit: number, platforms: readonly string[]): Promise<DraftDue[]>;
}
