import { describeError } from "../background/describeError.js";
import type { Logger } from "../ports/logger.js";
import { holdIfHeld, openDueDrafts } from "../review/draftSchedule.js";
import { type DraftDeps, draftChanged } from "../review/showDraft.js";
import { type PostDeps, type PostResult, postRoundup } from "../roundup/postRoundup.js";
import { periodLabel } from "../time/period.js";
import { moveSchedulePast } from "./moveSchedulePast.js";

export interface TickOptions {
  /** This process's identity in the ledger. */
  owner: string;
  /** A roundup later than this is recorded as skipped instead of posted (default 7 days). */
  maxLateMs?: number;
  leaseMs?: number;
  retryDelaysMs?: number[];
  /** How many due workspaces one tick handles; the rest wait for the next tick. */
  batch?: number;
}

export interface TickDeps extends PostDeps {
  logger?: Logger;
  /** Where review drafts are shown, by platform; without them drafts are neither posted nor held. */
  boards?: DraftDeps["boards"];
}

export interface TickReport {
  workspace: string;
  period: string;
  outcome: PostResult["status"] | "skipped-late" | "held";
}

const WEEK = 7 * 24 * 60 * 60 * 1000;

const NO_CHANNEL_NOTICE =
  "The monthly roundup was due but this workspace has no roundup channel, so nothing was posted. Set one with /read config channel.";

/** Admins hear of a roundup that did not go out on their next command: nobody reads the bot's log. */
function failedNotice(period: string, reason: string): string {
  return `The ${periodLabel(period)} roundup could not be posted: ${reason}. Once that is fixed, /read roundup post for ${period} posts it.`;
}

function skippedNotice(period: string, maxLateMs: number): string {
  const days = Math.round(maxLateMs / (24 * 60 * 60 * 1000));
  return `The ${periodLabel(period)} roundup was not posted: the bot was down when it was due, and came back more than ${days} days late. /read roundup post for ${period} posts it now if you still want it.`;
}

/**
 * One scheduler tick: asks the database which workspaces this process can post for are due (one
 * indexed query), posts or skips each through the ledger, and moves each on to its next period. Safe
 * to run in several processes, with the same or different platforms.
 */
export async function schedulerTick(deps: TickDeps, options: TickOptions): Promise<TickReport[]> {
  const { store, clock, logger } = deps;
  const now = clock.now();
  const maxLate = options.maxLateMs ?? WEEK;
  const reports: TickReport[] = [];
  const batch = options.batch ?? 100;
  // Only what this process can post: another platform's roundups stay due for a process that can.
  const platforms = Object.keys(deps.publishers).filter((platform) => deps.publishers[platform]);
  const drafts = deps.boards ? { store, clock, boards: deps.boards, ...(logger ? { logger } : {}) } : null;
  if (drafts) await openDueDrafts(drafts, batch);

  for (const due of await store.settings.due(now, batch, platforms)) {
    const { workspace, period } = due;
    const settings = await store.settings.get(workspace);
    let outcome: TickReport["outcome"];
    if (drafts && (await holdIfHeld(drafts, due))) {
      reports.push({ workspace, period, outcome: "held" });
      continue;
    }
    if (now - due.at > maxLate) {
      await store.runs.recordSkipped(
        workspace,
        period,
        `the bot was down when it was due (${new Date(due.at).toISOString()})`,
        now,
      );
      logger?.warn(
        { workspace, period, dueAt: new Date(due.at).toISOString() },
        "roundup skipped: more than the catch-up window late",
      );
      await store.settings.setAdminNotice(workspace, skippedNotice(period, maxLate));
      outcome = "skipped-late";
    } else {
      const result = await postRoundup(deps, {
        workspace,
        period,
        owner: options.owner,
        mode: "scheduled",
        ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
        ...(options.retryDelaysMs !== undefined ? { retryDelaysMs: options.retryDelaysMs } : {}),
      });
      outcome = result.status;
      if (result.status === "already" && result.run?.status === "posting") {
        // Another process is posting it right now; it will move the schedule on.
        reports.push({ workspace, period, outcome });
        continue;
      }
      if (result.status === "no-channel" && !settings.adminNotice) {
        await store.settings.setAdminNotice(workspace, NO_CHANNEL_NOTICE);
        logger?.warn({ workspace, period }, "roundup not posted: no roundup channel set");
      } else if (result.status === "failed") {
        await store.settings.setAdminNotice(workspace, failedNotice(period, result.reason));
        logger?.error({ workspace, period, reason: result.reason }, "roundup post failed");
      } else if (result.status === "posted") {
        logger?.info({ workspace, period, messages: result.messagesSent }, "roundup posted");
      }
      // A reviewed roundup's draft says it went out.
      if (drafts && (result.status === "posted" || result.status === "quiet")) {
        await draftChanged(drafts, { workspace, period }).catch((error: unknown) =>
          logger?.warn({ workspace, period, err: describeError(error) }, "could not mark the draft posted"),
        );
      }
    }
    await moveSchedulePast(store, workspace, period);
    reports.push({ workspace, period, outcome });
  }
  return reports;
}
