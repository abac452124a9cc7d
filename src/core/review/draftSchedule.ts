import { describeError } from "../background/describeError.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import { PublishError } from "../ports/publisher.js";
import { periodLabel } from "../time/period.js";
import { platformOf } from "../workspace.js";
import { type DraftDeps, showDraft } from "./showDraft.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DraftScheduleDeps extends DraftDeps {
  clock: Clock;
  logger?: Logger;
}

function draftFailedNotice(period: string, reason: string): string {
  return `The draft of the ${periodLabel(period)} roundup could not be posted to the review channel: ${reason}. Check the bot can post there (/read config review), then change anything in the draft to post it again.`;
}

/**
 * Posts the drafts that are due, at most `batch`: each workspace with review on gets its coming
 * roundup's draft `days` before it is due, once (the review row is claimed first, so replicas never
 * post it twice).
 */
export async function openDueDrafts(deps: DraftScheduleDeps, batch: number): Promise<void> {
  const { store, clock, logger } = deps;
  const platforms = Object.keys(deps.boards).filter((platform) => deps.boards[platform]);
  for (const due of await store.reviews.draftsDue(clock.now(), batch, platforms)) {
    const review = await store.reviews.open({
      workspace: due.workspace,
      period: due.period,
      channelId: due.channelId,
      now: clock.now(),
    });
    if (!review) continue;
    try {
      await showDraft(deps, { workspace: due.workspace, period: due.period });
      logger?.info({ workspace: due.workspace, period: due.period }, "review draft posted");
    } catch (error) {
      const err = describeError(error);
      logger?.error(
        { workspace: due.workspace, period: due.period, err },
        "review draft could not be posted",
      );
      const reason =
        error instanceof PublishError
          ? error.message
          : "something went wrong on our side (it is in the bot's log)";
      await store.settings.setAdminNotice(due.workspace, draftFailedNotice(due.period, reason));
    }
  }
}

/**
 * A roundup due now whose review is held is not posted: the reviewers hear of it once a day, and its
 * due time moves a day on so the scheduler asks again then (and it is never "too late" to post).
 * True when it was held.
 */
export async function holdIfHeld(
  deps: DraftScheduleDeps,
  due: { workspace: string; period: string; at: number },
): Promise<boolean> {
  const { store, clock, logger } = deps;
  const review = await store.reviews.get(due.workspace, due.period);
  if (!review?.heldBy) return false;
  const now = clock.now();
  const board = deps.boards[platformOf(due.workspace)];
  if (board && (review.remindedAt === null || now - review.remindedAt >= DAY_MS - 60_000)) {
    const settings = await store.settings.get(due.workspace);
    try {
      await board.remind(review.channelId, {
        period: due.period,
        periodLabel: periodLabel(due.period),
        heldBy: review.heldBy,
        dueAt: due.at,
        timeZone: settings.schedule.timeZone,
        draftMessageId: review.messageIds[0] ?? null,
      });
      await store.reviews.setRemindedAt(due.workspace, due.period, now);
    } catch (error) {
      logger?.warn(
        { workspace: due.workspace, period: due.period, err: describeError(error) },
        "could not remind reviewers",
      );
    }
  }
  await store.settings.setNextDue(due.workspace, { period: due.period, at: now + DAY_MS });
  return true;
}
