/**
 * The draft's buttons: "Post now", "Hold" and "Release hold" on a draft message (answered privately),
 * and on one link's private controls Drop, Restore, Pick, Unpick (the controls redrawn) and "Edit note"
 * (a form). The core redraws the draft messages after each change; admins only, checked by the router.
 */
import { type ButtonInteraction, MessageFlags } from "discord.js";
import { CURATE_ACTIONS, type CurateAction } from "../../../../core/review/curateLink.js";
import type { HoldOutcome } from "../../../../core/review/reviewActions.js";
import { postRefusalError } from "../../../../core/roundup/requestRoundupPost.js";
import { periodLabel } from "../../../../core/time/period.js";
import type { CommandContext } from "../../context.js";
import {
  DRAFT_REFUSAL,
  parseLinkArgs,
  parsePeriodArg,
  REVIEW_PREFIX,
  staleControl,
} from "../../draft/draftIds.js";
import { noteModal } from "../../draft/linkControls.js";
import { escapeDiscord } from "../../escape.js";
import { postOutcome, REFUSED } from "../roundup/post.js";
import type { ButtonHandler } from "../types.js";
import { controlsAfter, draftEntry } from "./controls.js";

type Ctx = CommandContext<ButtonInteraction>;

const DONE: Record<CurateAction, string> = {
  drop: "🗑️ Dropped: it's left out of the roundup and stays on the list.",
  restore: "↩️ Restored: it's back in the roundup.",
  pick: "⭐ Picked: it opens the roundup.",
  unpick: "Unpicked: it's back in its section.",
};

const ALREADY: Record<CurateAction, string> = {
  drop: "It was dropped already.",
  restore: "It wasn't dropped.",
  pick: "It was picked already.",
  unpick: "It wasn't picked.",
};

async function curate(ctx: Ctx, action: CurateAction, args: string[]): Promise<void> {
  const { period, linkId } = parseLinkArgs(args);
  // The draft's messages are redrawn before the core answers: acknowledge first.
  await ctx.interaction.deferUpdate();
  const outcome = await ctx.deps.core.curateLink({
    workspace: ctx.workspace,
    id: linkId,
    action,
    actor: ctx.actor,
  });
  const said = outcome.kind === "changed" ? DONE[action] : ALREADY[action];
  await ctx.reply(await controlsAfter(ctx, period, linkId, said));
}

async function editNote(ctx: Ctx, args: string[]): Promise<void> {
  const { period, linkId } = parseLinkArgs(args);
  const { entry } = await draftEntry(ctx, period, linkId);
  await ctx.interaction.showModal(noteModal(period, entry));
}

async function postNow(ctx: Ctx, args: string[]): Promise<void> {
  const period = parsePeriodArg(args);
  // Posting takes a message per part: acknowledge first, privately.
  await ctx.interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { core } = ctx.deps;
  const outcome = await core.postReviewedNow({ workspace: ctx.workspace, period, actor: ctx.actor });
  if (outcome.kind === "not-admin" || outcome.kind === "empty-month")
    throw postRefusalError(outcome, REFUSED);
  const draft = await core.currentDraft({ workspace: ctx.workspace, period });
  const { channelId } = await core.getSettings({ workspace: ctx.workspace });
  const posted = {
    period,
    periodLabel: draft.periodLabel,
    linkCount: draft.entries.filter((e) => !e.dropped).length,
  };
  await ctx.reply({ content: postOutcome(outcome, posted, channelId ?? "") });
}

function holdText(outcome: HoldOutcome, period: string): string {
  const month = periodLabel(period);
  if (outcome.posted) return `The ${month} roundup was already posted.`;
  switch (outcome.kind) {
    case "held":
      return `⏸️ Held the ${month} roundup: it won't go out until someone presses Post now or Release hold.`;
    case "released":
      return `▶️ Released the ${month} roundup: it goes out when it's due, or at once if that time has passed.`;
    case "unchanged":
      return outcome.review.heldBy !== null
        ? `The ${month} roundup was already held by ${escapeDiscord(outcome.review.heldBy)}.`
        : `The ${month} roundup wasn't held.`;
  }
}

async function hold(ctx: Ctx, args: string[], held: boolean): Promise<void> {
  const period = parsePeriodArg(args);
  await ctx.interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await ctx.deps.core.holdRoundup({
    workspace: ctx.workspace,
    period,
    actor: ctx.actor,
    hold: held,
  });
  await ctx.reply({ content: holdText(outcome, period) });
}

export const reviewButtons = {
  prefix: REVIEW_PREFIX,
  adminRefusal: DRAFT_REFUSAL,
  async execute(ctx, args) {
    const [control] = args;
    if (control === "post") return postNow(ctx, args);
    if (control === "hold" || control === "release") return hold(ctx, args, control === "hold");
    if (control === "note") return editNote(ctx, args);
    const action = CURATE_ACTIONS.find((a) => a === control);
    if (action) return curate(ctx, action, args);
    throw staleControl();
  },
} satisfies ButtonHandler;
