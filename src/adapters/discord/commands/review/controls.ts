/** One link's private controls, from the draft as it now stands. */
import { UserError } from "../../../../core/errors.js";
import type { DraftEntry, ReviewDraft } from "../../../../core/review/reviewDraft.js";
import type { Answer, CommandContext } from "../../context.js";
import { linkControls } from "../../draft/linkControls.js";

/** The draft of `period` and the link's entry in it; a link gone from the draft is said so. */
export async function draftEntry(
  ctx: CommandContext,
  period: string,
  linkId: number,
): Promise<{ draft: ReviewDraft; entry: DraftEntry }> {
  const draft = await ctx.deps.core.currentDraft({ workspace: ctx.workspace, period });
  const entry = draft.entries.find((e) => e.id === linkId);
  if (!entry) {
    throw new UserError(
      "review.linkGone",
      `Link ${linkId} is no longer in the draft of the ${draft.periodLabel} roundup.`,
    );
  }
  return { draft, entry };
}

/** The controls of a link after a change; `said` is what the change did. */
export async function controlsAfter(
  ctx: CommandContext,
  period: string,
  linkId: number,
  said: string,
): Promise<Answer> {
  const { draft, entry } = await draftEntry(ctx, period, linkId);
  return linkControls(draft, entry, said);
}
