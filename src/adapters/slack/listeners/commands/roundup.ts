/**
 * `/read roundup preview [YYYY-MM]` and `/read roundup export [YYYY-MM]` (private), and
 * `/read roundup post [YYYY-MM] [again]` (admins, to the roundup channel). Posting goes through the
 * core's ledger, like the schedule, so a month is posted once however many admins ask; `again` posts
 * it anew on purpose. The core decides (`requestRoundupPost`); this words it.
 */
import { renderMarkdown } from "../../../../core/render/renderMarkdown.js";
import {
  type PostOutcome,
  type PostRefusalWords,
  postRefusalError,
} from "../../../../core/roundup/requestRoundupPost.js";
import type { RoundupDoc } from "../../../../core/roundup/roundupDoc.js";
import { actorOfIx, type SlackDeps } from "../../deps.js";
import { escapeMrkdwn } from "../../escape.js";
import type { Interaction, Reply } from "../../interaction.js";
import { renderRoundup } from "../../render.js";
import { notAdminError } from "../../replyError.js";
import type { Subcommand } from "./subcommand.js";

/** A `response_url` takes five messages; the acknowledgement carries one more. */
const PREVIEW_MAX_MESSAGES = 5;

/** Slack cuts a message's text at 40,000 characters; a code block's fences and entities fit below. */
const EXPORT_CHUNK = 38_000;

/** Markdown escaped for Slack and cut at line ends into code blocks that each fit one message. */
export function markdownBlocks(markdown: string, max = EXPORT_CHUNK): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of escapeMrkdwn(markdown.trimEnd()).split("\n")) {
    // A line longer than a whole message (a very long note) is cut; the CLI gives it whole.
    const piece = line.slice(0, max);
    if (current && current.length + 1 + piece.length > max) {
      chunks.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current) chunks.push(current);
  return chunks.map((chunk) => `\`\`\`\n${chunk}\n\`\`\``);
}

async function exportMarkdown(deps: SlackDeps, ix: Interaction, period: string | null): Promise<void> {
  const doc = await build(deps, ix, period);
  const blocks = markdownBlocks(renderMarkdown(doc));
  // The acknowledgement and five follow-ups, or one fewer when a last word must say what is missing.
  const room = PREVIEW_MAX_MESSAGES + (blocks.length > PREVIEW_MAX_MESSAGES + 1 ? 0 : 1);
  const shown = blocks.slice(0, room);
  const intro = `:memo: The ${escapeMrkdwn(doc.periodLabel)} roundup (${links(doc.linkCount)}) as Markdown, ready to publish${shown.length > 1 ? ` (in ${shown.length} parts)` : ""}:`;
  for (const [i, block] of shown.entries()) await ix.reply({ text: i === 0 ? `${intro}\n${block}` : block });
  if (blocks.length > shown.length) {
    await ix.followUp({
      text: `_That is as much as Slack lets me answer with; \`npm run -s cli -- roundup ${doc.period} --workspace ${ix.workspace}\` prints it all._`,
    });
  }
}

function build(deps: SlackDeps, ix: Interaction, period: string | null): Promise<RoundupDoc> {
  return deps.core.buildRoundup({
    workspace: ix.workspace,
    ...(period !== null ? { period } : {}),
  });
}

const links = (n: number) => (n === 1 ? "1 link" : `${n} links`);

const NO_PLATFORM = "Slack posting isn't set up in this process.";

/** Why a post was refused (the core decides which). */
export const REFUSED: PostRefusalWords = {
  "not-admin": () => notAdminError("post the roundup").message,
  "no-channel": () => "There's no roundup channel yet. Set one with /read config channel #channel.",
  "no-platform": () => NO_PLATFORM,
  "empty-month": ({ periodLabel }) => `No links were shared in ${periodLabel}, so there's nothing to post.`,
};

/** How a post ended, for the admin who asked. */
export function postOutcome(
  outcome: PostOutcome,
  doc: Pick<RoundupDoc, "period" | "periodLabel" | "linkCount">,
  channelId: string,
): Reply {
  const where = `<#${channelId}>`;
  const month = escapeMrkdwn(doc.periodLabel);
  switch (outcome.kind) {
    case "posted":
      return {
        text: `:white_check_mark: Posted the ${month} roundup (${links(doc.linkCount)}) to ${where}.`,
      };
    case "quiet":
      return { text: `No links were shared in ${month}, so nothing was posted.` };
    case "being-posted":
      return {
        text: `The ${month} roundup is being posted right now (${outcome.messagesSoFar} messages so far).`,
      };
    case "already-posted":
    case "already-handled": {
      const done =
        outcome.kind === "already-posted" ? "was already posted" : `was already handled (${outcome.status})`;
      return {
        text: `The ${month} roundup ${done}. To post it once more, use \`/read roundup post ${doc.period} again\`.`,
      };
    }
    case "no-channel":
      return {
        text: ":warning: There's no roundup channel yet. Set one with `/read config channel #channel`.",
      };
    case "no-platform":
      return { text: `:warning: ${NO_PLATFORM}` };
    case "failed": {
      const partly = outcome.messagesSent > 0 ? ` after ${outcome.messagesSent} messages` : "";
      return {
        text: `:warning: Posting the ${month} roundup stopped${partly}: ${escapeMrkdwn(outcome.reason)}. Fix that and run \`/read roundup post ${doc.period}\` to finish it.`,
      };
    }
    case "error":
      return { text: ":warning: Posting the roundup failed on my side. Please try again in a minute." };
  }
}

/** `/read roundup preview [YYYY-MM]`: the roundup as it would be posted, privately. */
export const roundupPreviewCommand = {
  async run(deps, ix, input) {
    const doc = await build(deps, ix, input.period);
    const messages = renderRoundup(doc);
    const shown = messages.slice(0, PREVIEW_MAX_MESSAGES);
    for (const message of shown) await ix.reply(message);
    if (messages.length > shown.length) {
      await ix.followUp({
        text: `_The preview stops here: the roundup has ${messages.length} messages, all of which \`/read roundup post\` posts._`,
      });
    }
  },
} satisfies Subcommand<{ period: string | null }>;

/** `/read roundup export [YYYY-MM]`: the roundup as Markdown, privately. */
export const roundupExportCommand = {
  async run(deps, ix, input) {
    await exportMarkdown(deps, ix, input.period);
  },
} satisfies Subcommand<{ period: string | null }>;

/** `/read roundup post [YYYY-MM] [again]`: posts the month to the roundup channel. */
export const roundupPostCommand = {
  adminOnly: "post the roundup",
  async run(deps, ix, input) {
    const request = await deps.core.requestRoundupPost({
      actor: actorOfIx(deps, ix),
      workspace: ix.workspace,
      ...(input.period !== null ? { period: input.period } : {}),
      again: input.again,
      logContext: { team: ix.teamId },
    });
    if (request.kind !== "started") throw postRefusalError(request, REFUSED);
    const { doc, channelId, parts } = request;
    const inParts = parts === 1 ? "" : ` in ${parts} messages`;
    await ix.reply({
      text: `Posting the ${escapeMrkdwn(doc.periodLabel)} roundup (${links(doc.linkCount)}) to <#${channelId}>${inParts}…`,
    });
    void deps.inFlight.run("post roundup", { team: ix.teamId, period: doc.period }, async () => {
      await ix.followUp(postOutcome(await request.post(), doc, channelId));
    });
  },
} satisfies Subcommand<{ period: string | null; again: boolean }>;
