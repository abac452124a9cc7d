/**
 * `/read roundup preview [YYYY-MM]` (private) and `/read roundup post [YYYY-MM] [again]` (admins, to
 * the roundup channel). Posting goes through the core's ledger, like the schedule, so a month is
 * posted once however many admins ask; `again` posts it anew on purpose.
 */
import { UserError } from "../../../core/errors.js";
import { buildRoundup } from "../../../core/roundup/buildRoundup.js";
import { type PostResult, postRoundup } from "../../../core/roundup/postRoundup.js";
import type { RoundupDoc } from "../../../core/roundup/roundupDoc.js";
import { getSettings } from "../../../core/settings/manageSettings.js";
import { periodLabel } from "../../../core/time/period.js";
import { requireAdmin, type SlackDeps } from "../deps.js";
import { escapeMrkdwn } from "../escape.js";
import type { Interaction, Reply } from "../interaction.js";
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

/** The outcome of a post, for the admin who asked. */
export function postOutcome(result: PostResult, doc: RoundupDoc, channelId: string): Reply {
  const where = `<#${channelId}>`;
  const month = escapeMrkdwn(doc.periodLabel);
  switch (result.status) {
    case "posted":
      return {
        text: `:white_check_mark: Posted the ${month} roundup (${links(doc.linkCount)}) to ${where}.`,
      };
    case "quiet":
      return { text: `No links were shared in ${month}, so nothing was posted.` };
    case "already": {
      const run = result.run;
      if (run?.status === "posting") {
        return {
          text: `The ${month} roundup is being posted right now (${run.messageIds.length} messages so far).`,
        };
      }
      const done =
        run?.status === "posted" ? "was already posted" : `was already handled (${run?.status ?? "unknown"})`;
      return {
        text: `The ${month} roundup ${done}. To post it once more, use \`/read roundup post ${doc.period} again\`.`,
      };
    }
    case "no-channel":
      return {
        text: ":warning: There's no roundup channel yet. Set one with `/read config channel #channel`.",
      };
    case "no-platform":
      return { text: ":warning: Slack posting isn't set up in this process." };
    case "failed": {
      const partly =
        result.run && result.run.messageIds.length > 0
          ? ` after ${result.run.messageIds.length} messages`
          : "";
      return {
        text: `:warning: Posting the ${month} roundup stopped${partly}: ${escapeMrkdwn(result.reason)}. Fix that and run \`/read roundup post ${doc.period}\` to finish it.`,
      };
    }
  }
}

export async function roundupCommand(
  deps: SlackDeps,
  ix: Interaction,
  input: { action: "preview" | "post"; period: string | null; again?: boolean },
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
  if (doc.linkCount === 0 && !settings.quietMonthNote) {
    throw new UserError(
      "roundup.empty",
      `No links were shared in ${periodLabel(doc.period)}, so there's nothing to post.`,
    );
  }
  const parts = renderRoundup(doc).length;
  const inParts = parts === 1 ? "" : ` in ${parts} messages`;
  await ix.reply({
    text: `Posting the ${escapeMrkdwn(doc.periodLabel)} roundup (${links(doc.linkCount)}) to <#${channelId}>${inParts}…`,
  });
  deps.background.run("post roundup", { team: ix.teamId, period: doc.period }, async () => {
    let result: PostResult;
    try {
      result = await postRoundup(
        { store: deps.store, clock: deps.clock, publishers: { slack: deps.publisher } },
        {
          workspace: ix.workspace,
          period: doc.period,
          owner: deps.owner,
          mode: input.again ? "force" : "manual",
        },
      );
    } catch (error) {
      deps.logger.error({ err: error, team: ix.teamId, period: doc.period }, "posting the roundup failed");
      await ix.followUp({
        text: ":warning: Posting the roundup failed on my side. Please try again in a minute.",
      });
      return;
    }
    if (result.status === "failed") {
      deps.logger.warn(
        { team: ix.teamId, period: doc.period, reason: result.reason },
        "posting the roundup failed",
      );
    }
    await ix.followUp(postOutcome(result, doc, channelId));
  });
}
