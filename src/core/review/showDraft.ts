import { UserError } from "../errors.js";
import type { DraftBoard } from "../ports/draftBoard.js";
import type { Store } from "../ports/store.js";
import { parsePeriod } from "../time/period.js";
import type { RoundupReview } from "../types.js";
import { assertWorkspaceKey, platformOf } from "../workspace.js";
import { buildDraft, pagesOf, type ReviewDraft } from "./reviewDraft.js";

export interface DraftDeps {
  store: Store;
  /** By platform ("discord", "slack"): where drafts are shown; a process without one leaves drafts alone. */
  boards: Partial<Record<string, DraftBoard>>;
}

/** Redraws before giving up: each round means another change landed while the last was drawn. */
const MAX_ROUNDS = 5;

export type ShowResult = "shown" | "no-review" | "no-board";

/**
 * Brings the draft's messages in line with the database: edits each page in place, posts a page that
 * is new or whose message was deleted, removes pages no longer needed. Drawing is not atomic with the
 * change that asked for it, so after drawing it looks at the version again and redraws when another
 * change (another editor, another replica) landed meanwhile: the last drawing always shows every change.
 */
export async function showDraft(
  deps: DraftDeps,
  input: { workspace: string; period: string },
): Promise<ShowResult> {
  const { store } = deps;
  const board = deps.boards[platformOf(input.workspace)];
  if (!board) return "no-board";
  let review = await store.reviews.get(input.workspace, input.period);
  if (!review) return "no-review";
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const recorded = await draw(store, board, review);
    const now = await store.reviews.get(input.workspace, input.period);
    if (!now || (recorded && now.version === review.version)) break;
    review = now;
  }
  return "shown";
}

/** Draws the draft; false when another process recorded other pages meanwhile (this one's are taken back). */
async function draw(store: Store, board: DraftBoard, review: RoundupReview): Promise<boolean> {
  const pages = pagesOf(await buildDraft(store, review), board.pageSize);
  const ids: string[] = [];
  for (const page of pages) {
    const message = board.render(page);
    const existing = review.messageIds[page.index];
    if (existing !== undefined && (await board.edit(review.channelId, existing, message)) === "edited") {
      ids.push(existing);
    } else {
      ids.push(await board.post(review.channelId, message));
    }
  }
  if (ids.length === review.messageIds.length && ids.every((id, i) => id === review.messageIds[i]))
    return true;
  // Recorded only over the ids this drawing started from: two processes that both found a page
  // deleted both post one, and only the first keeps it.
  if (!(await store.reviews.setMessages(review.workspace, review.period, ids, review.messageIds))) {
    for (const id of ids) if (!review.messageIds.includes(id)) await board.remove(review.channelId, id);
    return false;
  }
  for (const extra of review.messageIds.slice(pages.length)) await board.remove(review.channelId, extra);
  return true;
}

/**
 * After a change to a link of `period`: when that period's draft is out, marks the change (so a
 * drawing under way redraws) and redraws. A period without a review costs one read.
 */
export async function draftChanged(
  deps: DraftDeps,
  input: { workspace: string; period: string },
): Promise<void> {
  if (!deps.boards[platformOf(input.workspace)]) return;
  if (!(await deps.store.reviews.get(input.workspace, input.period))) return;
  await deps.store.reviews.bump(input.workspace, input.period);
  await showDraft(deps, input);
}

/**
 * The review of a period, for an action on its draft; a `UserError` when there is none (a control
 * left from a review that was reset, or a period typed wrong).
 */
export async function requireReview(
  { store }: Pick<DraftDeps, "store">,
  input: { workspace: string; period: string },
): Promise<RoundupReview> {
  const workspace = assertWorkspaceKey(input.workspace);
  const period = parsePeriod(input.period);
  const review = await store.reviews.get(workspace, period);
  if (!review) {
    throw new UserError("review.unknown", `There's no draft of the ${period} roundup any more.`);
  }
  return review;
}

/** The draft of a period as it stands, for a face that shows one link's controls. */
export async function currentDraft(
  deps: Pick<DraftDeps, "store">,
  input: { workspace: string; period: string },
): Promise<ReviewDraft> {
  return buildDraft(deps.store, await requireReview(deps, input));
}
