/** `/read roundup preview [YYYY-MM]` (private) and `/read roundup post [YYYY-MM]` (admins, to the channel). */
import { UserError } from "../../../core/errors.js";
import { buildRoundup } from "../../../core/roundup/buildRoundup.js";
import type { RoundupDoc } from "../../../core/roundup/roundupDoc.js";
import { getSettings } from "../../../core/settings/manageSettings.js";
import { requireAdmin, type SlackDeps } from "../deps.js";
import { escapeMrkdwn } from "../escape.js";
import type { Interaction } from "../interaction.js";
import { PostError } from "../poster.js";
import { renderRoundup } from "../render.js";

/** A `response_url` takes five messages; the acknowledgement carries one more. */
const PREVIEW_MAX_MESSAGES = 5;

function build(deps: SlackDeps, ix: Interaction, period: string | null): RoundupDoc {
  return buildRoundup(deps, {
    workspace: ix.workspace,
    now: deps.clock.now(),
    ...(period !== null ? { period } : {}),
  });
}

const links = (n: number) => (n === 1 ? "1 link" : `${n} links`);

/** What Slack's refusal means for the admin who asked, in one line. */
function postFailure(error: PostError, channelId: string): string {
  const where = `<#${channelId}>`;
  const partly = error.posted.length > 0 ? ` after ${error.posted.length} of its messages` : "";
  switch (error.slackError) {
    case "not_in_channel":
    case "channel_not_found":
      return `:warning: I can't post in ${where}${partly}. Invite me there (\`/invite @Roundup\`) and try again.`;
    case "is_archived":
      return `:warning: ${where} is archived${partly}. Pick another channel with \`/read config channel\`.`;
    default:
      return `:warning: Slack refused the roundup${partly} (${escapeMrkdwn(error.slackError)}). Please try again in a minute.`;
  }
}

export async function roundupCommand(
  deps: SlackDeps,
  ix: Interaction,
  input: { action: "preview" | "post"; period: string | null },
): Promise<void> {
  if (input.action === "preview") {
    const doc = build(deps, ix, input.period);
    const messages = renderRoundup(doc);
    const shown = messages.slice(0, PREVIEW_MAX_MESSAGES);
    for (const message of shown) await ix.reply(message);
    if (messages.length > shown.length) {
      await ix.followUp({
        text: `_The preview stops here: the roundup has ${messages.length} messages, all of which \`/read roundup post\` posts._`,
      });
    }
    return;
  }
  await requireAdmin(deps, ix, "post the roundup");
  const settings = getSettings(deps, { workspace: ix.workspace });
  const channelId = settings.channelId;
  if (!channelId) {
    throw new UserError(
      "channel.unset",
      "There's no roundup channel yet. Set one with /read config channel #channel.",
    );
  }
  const doc = build(deps, ix, input.period);
  if (doc.linkCount === 0) {
    throw new UserError(
      "roundup.empty",
      `No links were shared in ${doc.periodLabel}, so there's nothing to post.`,
    );
  }
  const messages = renderRoundup(doc);
  const parts = messages.length === 1 ? "" : ` in ${messages.length} messages`;
  await ix.reply({
    text: `Posting the ${doc.periodLabel} roundup (${links(doc.linkCount)}) to <#${channelId}>${parts}…`,
  });
  deps.background.run("post roundup", { team: ix.teamId, period: doc.period }, async () => {
    try {
      await deps.poster.post(ix.client, channelId, messages);
      await ix.followUp({
        text: `:white_check_mark: Posted the ${doc.periodLabel} roundup (${links(doc.linkCount)}) to <#${channelId}>.`,
      });
    } catch (error) {
      deps.logger.error({ err: error, team: ix.teamId, channel: channelId }, "posting the roundup failed");
      await ix.followUp({
        text:
          error instanceof PostError
            ? postFailure(error, channelId)
            : `:warning: Posting the roundup failed on my side. Please try again in a minute.`,
      });
    }
  });
}
