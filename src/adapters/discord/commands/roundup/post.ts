/**
 * `/read roundup post [month:] [again:]` (admins): posts the roundup to the roundup channel through the
 * core's ledger, like the schedule, so a month goes out once however many admins ask; `again` posts
 * it anew on purpose. The admin is answered at once and told the outcome when the post is done.
 */
import { SlashCommandSubcommandBuilder } from "discord.js";
import { UserError } from "../../../../core/errors.js";
import { type PostResult, postRoundup } from "../../../../core/roundup/postRoundup.js";
import type { RoundupDoc } from "../../../../core/roundup/roundupDoc.js";
import { getSettings } from "../../../../core/settings/manageSettings.js";
import { describeError } from "../../background.js";
import { clip, escapeDiscord } from "../../escape.js";
import { renderRoundup } from "../../render.js";
import { APOLOGY } from "../../replyError.js";
import type { ReadSubcommand } from "../types.js";
import { links, monthOption, roundupOfMonth } from "./month.js";

/** The outcome of a post, for the admin who asked. */
export function postOutcome(result: PostResult, doc: RoundupDoc, channelId: string): string {
  const month = escapeDiscord(doc.periodLabel);
  switch (result.status) {
    case "posted":
      return `✅ Posted the ${month} roundup (${links(doc.linkCount)}) to <#${channelId}>.`;
    case "quiet":
      return `No links were shared in ${month}, so nothing was posted.`;
    case "already": {
      const run = result.run;
      if (run?.status === "posting") {
        return `The ${month} roundup is being posted right now (${run.messageIds.length} messages so far).`;
      }
      const done =
        run?.status === "posted" ? "was already posted" : `was already handled (${run?.status ?? "unknown"})`;
      return `The ${month} roundup ${done}. To post it once more, use /read roundup post month:${doc.period} again:True.`;
    }
    case "no-channel":
      return "⚠️ There's no roundup channel yet. Set one with /read config channel.";
    case "no-platform":
      return "⚠️ Discord posting isn't set up in this process.";
    case "failed": {
      const sent = result.run?.messageIds.length ?? 0;
      const partly = sent > 0 ? ` after ${sent} messages` : "";
      return `⚠️ Posting the ${month} roundup stopped${partly}: ${escapeDiscord(clip(result.reason, 300))}. Fix that and run /read roundup post month:${doc.period} to finish it.`;
    }
  }
}

export default {
  group: "roundup",
  data: new SlashCommandSubcommandBuilder()
    .setName("post")
    .setDescription("Post the roundup to the roundup channel (admins)")
    .addStringOption(monthOption)
    .addBooleanOption((o) => o.setName("again").setDescription("Post it again even if it was posted")),
  async execute(ctx) {
    await ctx.requireAdmin("post the roundup");
    const options = ctx.interaction.options;
    const again = options.getBoolean("again") ?? false;
    const settings = await getSettings(ctx.deps, { workspace: ctx.workspace });
    const channelId = settings.channelId;
    if (!channelId) {
      throw new UserError(
        "channel.unset",
        "There's no roundup channel yet. Set one with /read config channel.",
      );
    }
    const doc = await roundupOfMonth(ctx);
    if (doc.linkCount === 0 && !settings.quietMonthNote) {
      throw new UserError(
        "roundup.empty",
        `No links were shared in ${doc.periodLabel}, so there's nothing to post.`,
      );
    }
    const parts = renderRoundup(doc).length;
    const inParts = parts === 1 ? "" : ` in ${parts} messages`;
    await ctx.reply({
      content: `Posting the ${escapeDiscord(doc.periodLabel)} roundup (${links(doc.linkCount)}) to <#${channelId}>${inParts}…`,
    });
    const { deps } = ctx;
    void deps.inFlight.run("post roundup", { guild: ctx.guildId, period: doc.period }, async () => {
      let outcome: string;
      try {
        const result = await postRoundup(
          { store: deps.store, clock: deps.clock, publishers: { discord: deps.publisher } },
          {
            workspace: ctx.workspace,
            period: doc.period,
            owner: deps.owner,
            mode: again ? "force" : "manual",
          },
        );
        if (result.status === "failed") {
          deps.logger.warn(
            { guild: ctx.guildId, period: doc.period, reason: result.reason },
            "posting the roundup failed",
          );
        }
        outcome = postOutcome(result, doc, channelId);
      } catch (error) {
        deps.logger.error(
          {
            err: describeError(error),
            interactionId: ctx.interaction.id,
            guild: ctx.guildId,
            period: doc.period,
          },
          "posting the roundup failed",
        );
        outcome = `⚠️ ${APOLOGY}`;
      }
      await ctx.edit({ content: outcome });
    });
  },
} satisfies ReadSubcommand;
