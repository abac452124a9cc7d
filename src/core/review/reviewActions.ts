import type { Actor } from "../actor.js";
import type { Logger } from "../ports/logger.js";
import type { PostDeps } from "../roundup/postRoundup.js";
import { type PostOutcome, type PostRefusal, requestRoundupPost } from "../roundup/requestRoundupPost.js";
import { dueInstant } from "../schedule/dueTime.js";
import { moveSchedulePast } from "../schedule/moveSchedulePast.js";
import type { RoundupReview } from "../types.js";
import { requireEditor } from "./requireEditor.js";
import { type DraftDeps, requireReview, showDraft } from "./showDraft.js";

export interface ReviewActionDeps extends DraftDeps, PostDeps {
  logger: Logger;
  owner: string;
}

interface ReviewInput {
  workspace: string;
  period: string;
  actor: Actor;
}

export type HoldOutcome = { kind: "held" | "released" | "unchanged"; review: RoundupReview; posted: boolean };

/**
 * Holds the roundup past its due time (until someone presses "Post now"), or releases it: released
 * after its due time, it goes out on the scheduler's next tick.
 */
export async function holdRoundup(
  deps: ReviewActionDeps,
  input: ReviewInput & { hold: boolean },
): Promise<HoldOutcome> {
  await requireEditor(input.actor);
  const review = await requireReview(deps, input);
  const { workspace, period } = review;
  const run = await deps.store.runs.get(workspace, period);
  const posted = run?.status === "posted";
  if (posted || (review.heldBy !== null) === input.hold) return { kind: "unchanged", review, posted };
  await deps.store.reviews.setHeld(workspace, period, input.hold ? input.actor.name : null);
  const settings = await deps.store.settings.get(workspace);
  if (!input.hold && settings.nextDue?.period === period) {
    // While held its due time moved a day at a time; released, it is due when it was, or now.
    const at = Math.max(dueInstant(period, settings.schedule), deps.clock.now());
    await deps.store.settings.setNextDue(workspace, { period, at: Math.min(at, settings.nextDue.at) });
  }
  await deps.store.reviews.bump(workspace, period);
  await showDraft(deps, { workspace, period });
  const now = (await deps.store.reviews.get(workspace, period)) ?? review;
  return { kind: input.hold ? "held" : "released", review: now, posted };
}

/** How the post went, or why it did not start (no roundup channel, an empty month, ...). */
export type PostNowOutcome = PostOutcome | PostRefusal;

/**
 * "Post now": releases any hold and posts the reviewed roundup at once, through the ledger (so never
 * twice), then moves the schedule on past it and shows the draft as posted.
 */
export async function postReviewedNow(deps: ReviewActionDeps, input: ReviewInput): Promise<PostNowOutcome> {
  await requireEditor(input.actor);
  const review = await requireReview(deps, input);
  const { workspace, period } = review;
  const request = await requestRoundupPost(deps, { actor: input.actor, workspace, period, again: false });
  if (request.kind !== "started") return request;
  if (review.heldBy !== null) await deps.store.reviews.setHeld(workspace, period, null);
  const outcome = await request.post();
  if (outcome.kind === "posted" || outcome.kind === "quiet" || outcome.kind === "already-posted") {
    await moveSchedulePast(deps.store, workspace, period);
  }
  await deps.store.reviews.bump(workspace, period);
  await showDraft(deps, { workspace, period });
  return outcome;
}
