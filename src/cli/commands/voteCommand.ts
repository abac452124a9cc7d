import type { VoteOutcome } from "../../core/links/voteLink.js";
import { expectPositionals, linkId, PROGRAM, parse, stringValue } from "../args.js";
import { type CliCommand, cliPerson } from "../context.js";
import { voteBadge } from "../format.js";

/** What the +1 did, with the count it leaves. */
function voteSentence(outcome: VoteOutcome, name: string): string {
  const { link } = outcome;
  const title = link.title ?? link.url;
  const count = voteBadge(outcome.votes);
  switch (outcome.kind) {
    case "voted":
      return `${name} recommends #${link.id}: ${title}. ${count}`;
    case "already":
      return `${name} already recommends #${link.id}; counted once. ${count}`;
    case "own":
      return `${name} shared #${link.id}: sharing it already says they recommend it. ${count}`;
  }
}

export const voteCommand: CliCommand = {
  name: "vote",
  summary: "+1 a link for the roundup",
  usage: `Usage: ${PROGRAM} vote <id> [--by NAME]

Counts a +1 for the link, once per person (sharing the same page again counts too); the sharer's own
+1 is their share. --by names who votes (default: you), the same name as add --by.
Example: ${PROGRAM} vote 42 --by Ana`,
  options: { by: { type: "string" } },
  async run(context, args) {
    const parsed = parse(args, this.options, this.usage);
    const [given] = expectPositionals(parsed, ["<id>"], this.usage);
    const by = stringValue(parsed, "by")?.trim() || context.defaultUser;
    const outcome = await context.core.voteLink({
      workspace: context.workspace,
      id: linkId(given as string, this.usage),
      actor: cliPerson(by),
    });
    context.out(voteSentence(outcome, by));
  },
};
