/**
 * `/read roundup post [month:] [again:]` (admins): posts the roundup to the roundup channel through the
 * core's ledger, like the schedule, so a month goes out once however many admins ask; `again` posts
 * it anew on purpose. The admin is answered at once and told the outcome when the post is done. The
 * core decides (`requestRoundupPost`); this words it.
 */
import { SlashCommandSubcommandBuilder } from "discord.js";
import {
  type PostOutcome,
  type PostRefusalWords,
  postRefusalError,
} from "../../../../core/roundup/requestRoundupPost.js";
import type { RoundupDoc } from "../../../../core/roundup/roundupDoc.js";
import { clip, escapeDiscord } from "../../escape.js";
import { APOLOGY, notAdminError } from "../../replyError.js";
import type { ReadSubcommand } from "../types.js";
import { links, monthOption } from "./month.js";

/** How a post ended, for the admin who asked (`doc`: the roundup, or the draft of it that was posted). */
export function postOutcome(
  outcome: PostOutcome,
  doc: Pick<RoundupDoc, "period" | "periodLabel" | "linkCount">,
  channelId: string,
): string {
  const month = escapeDiscord(doc.periodLabel);
  switch (outcome.kind) {
    case "posted":
      return `✅ Posted the ${month} roundup (${links(doc.linkCount)}) to <#${channelId}>.`;
    case "quiet":
      return `No links were shared in ${month}, so nothing was posted.`;
    case "being-posted":
      return `The ${month} roundup is being posted right now (${outcome.messagesSoFar} messages so far).`;
    case "already-posted":
    case "already-handled": {
      const done =
        outcome.kind === "already-posted" ? "was already posted" : `was already handled (${outcome.status})`;
      return `The ${month} roundup ${done}. To post it once more, use /read roundup post month:${doc.period} again:True.`;
    }
    case "no-channel":
      return NO_CHANNEL;
    case "no-platform":
      return NO_PLATFORM;
    case "failed": {
      const partly = outcome.messagesSent > 0 ? ` after ${outcome.messagesSent} messages` : "";
      return `⚠️ Posting the ${month} roundup stopped${partly}: ${escapeDiscord(clip(outcome.reason, 300))}. Fix that and run /read roundup post month:${doc.period} to finish it.`;
    }
    case "error":
      return `⚠️ ${APOLOGY}`;
  }
}

const NO_CHANNEL = "⚠️ There's no roundup channel yet. Set one with /read config channel.";
const NO_PLATFORM = "⚠️ Discord posting isn't set up in this process.";

/** Why a post was refused (the core decides which). */
export const REFUSED: PostRefusalWords = {
  "not-admin": () => notAdminError("post the roundup").message,
  "no-channel": () => "There's no roundup channel yet. Set one with /read config channel.",
  "no-platform": () => NO_PLATFORM.slice("⚠️ ".length),
  "empty-month": ({ periodLabel }) => `No links were shared in ${periodLabel}, so there's nothing to post.`,
};

export default {
  group: "roundup",
  adminOnly: "post the roundup",
  data: new SlashCommandSubcommandBuilder()
    .setName("post")
    .setDescription("Post the roundup to the roundup channel (admins)")
    .addStringOption(monthOption)
    .addBooleanOption((o) => o.setName("again").setDescription("Post it again even if it was posted")),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const month = options.getString("month");
    const request = await ctx.deps.core.requestRoundupPost({
      actor: ctx.actor,
      workspace: ctx.workspace,
      ...(month !== null ? { period: month } : {}),
      again: options.getBoolean("again") ?? false,
      logContext: { guild: ctx.guildId, interactionId: ctx.interaction.id },
    });
    if (request.kind !== "started") throw postRefusalError(request, REFUSED);
    const { doc, channelId, parts } = request;
    const inParts = parts === 1 ? "" : ` in ${parts} messages`;
    await ctx.reply({
      content: `Posting the ${escapeDiscord(doc.periodLabel)} roundup (${links(doc.linkCount)}) to <#${channelId}>${inParts}…`,
    });
    void ctx.deps.inFlight.run("post roundup", { guild: ctx.guildId, period: doc.period }, async () => {
      await ctx.edit({ content: postOutcome(await request.post(), doc, channelId) });
    });
  },
} satisfies ReadSubcommand;
