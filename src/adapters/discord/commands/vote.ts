/**
 * Votes: `/read vote number:` and the "+1" button under a share the channel saw. Any member may vote,
 * once per link; the answer is private, and the button shows how many recommend the link (👍 N).
 */
import { ButtonStyle, ComponentType, SlashCommandSubcommandBuilder } from "discord.js";
import type { VoteOutcome } from "../../../core/links/voteLink.js";
import { voteTally } from "../../../core/render/votesText.js";
import type { ActionRow, CommandContext } from "../context.js";
import { linkTitle } from "../messages.js";
import type { ButtonHandler, ReadSubcommand } from "./types.js";

const PREFIX = "vote";

/** The "+1" button of a share, with the count once anyone has voted. */
export function voteRow(linkId: number, votes: number): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: votes > 0 ? `+1 · ${voteTally(votes)}` : "+1",
        custom_id: `${PREFIX}:${linkId}`,
      },
    ],
  };
}

export function voteText(outcome: VoteOutcome): string {
  const { link, votes } = outcome;
  const count = voteTally(votes);
  const title = `#${link.id} ${linkTitle(link)}`;
  switch (outcome.kind) {
    case "voted":
      return `👍 Counted your +1 for ${title}: ${count}.`;
    case "already":
      return `You already recommend ${title}: ${count}.`;
    case "own":
      return `${title} is your own share, which already says you recommend it: ${count}.`;
  }
}

function vote(ctx: CommandContext, id: number): Promise<VoteOutcome> {
  return ctx.deps.core.voteLink({
    workspace: ctx.workspace,
    id,
    actor: { userId: ctx.userId, name: ctx.userName },
  });
}

export default {
  data: new SlashCommandSubcommandBuilder()
    .setName("vote")
    .setDescription("+1 a link: recommend it for the roundup")
    .addIntegerOption((o) =>
      o
        .setName("number")
        .setDescription("The link's number, from /read list")
        .setRequired(true)
        .setMinValue(1),
    ),
  async execute(ctx) {
    const outcome = await vote(ctx, ctx.interaction.options.getInteger("number", true));
    await ctx.reply({ content: voteText(outcome) });
  },
} satisfies ReadSubcommand;

/** "+1" under a share: the presser is answered privately, the button shows the new count. */
export const voteButton = {
  prefix: PREFIX,
  async execute(ctx, args) {
    const id = Number(args[0]);
    // A draft out for the link's month is redrawn before the core answers: acknowledge first.
    await ctx.interaction.deferUpdate();
    const outcome = await vote(ctx, id);
    await ctx.interaction.editReply({ components: [voteRow(outcome.link.id, outcome.votes)] });
    // The share's message is answered: this goes to the presser alone.
    await ctx.reply({ content: voteText(outcome) });
  },
} satisfies ButtonHandler;
