/** `/read vote <id>`: any member recommends a link (+1) for the roundup. */
import type { VoteOutcome } from "../../../../core/links/voteLink.js";
import { voteTally } from "../../../../core/render/votesText.js";
import { sharerName } from "../../deps.js";
import { mrkdwnLink } from "../../escape.js";
import type { Reply } from "../../interaction.js";
import type { Subcommand } from "./subcommand.js";

/** The vote's outcome, for the person who voted. */
export function voteReply(outcome: VoteOutcome): Reply {
  const { link, votes } = outcome;
  const which = `#${link.id} ${mrkdwnLink(link.url, link.title ?? link.url)}`;
  switch (outcome.kind) {
    case "voted":
      return { text: `:+1: Counted: ${which} now has ${voteTally(votes)}.` };
    case "already":
      return { text: `You already recommend ${which} (${voteTally(votes)}).` };
    case "own":
      return {
        text: `${which} is your own share: sharing it already says you recommend it (${voteTally(votes)}).`,
      };
  }
}

export const voteCommand = {
  async run(deps, ix, input) {
    const outcome = await deps.core.voteLink({
      workspace: ix.workspace,
      id: input.id,
      // The name a roundup would credit, as for a share.
      actor: { userId: ix.userId, name: await sharerName(deps, ix) },
    });
    await ix.reply(voteReply(outcome));
  },
} satisfies Subcommand<{ id: number }>;
