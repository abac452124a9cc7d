import { SlashCommandSubcommandBuilder } from "discord.js";
import { buildRoundup } from "../../../../core/roundup/buildRoundup.js";
import { parsePeriod } from "../../../../core/time/period.js";
import { renderRoundup } from "../../render.js";
import type { ReadSubcommand } from "../types.js";

/** A preview shows this many of the roundup's messages; `post` posts them all. */
export const PREVIEW_MAX_MESSAGES = 5;

/** `/read roundup preview [month:]`: the roundup as it would be posted, shown only to you. */
export default {
  group: "roundup",
  data: new SlashCommandSubcommandBuilder()
    .setName("preview")
    .setDescription("See the roundup as it would be posted (only you see it)")
    .addStringOption((o) =>
      o.setName("month").setDescription("YYYY-MM; last month when left out").setMinLength(7).setMaxLength(7),
    ),
  async execute(ctx) {
    const month = ctx.interaction.options.getString("month");
    const doc = buildRoundup(ctx.deps, {
      workspace: ctx.workspace,
      now: ctx.deps.clock.now(),
      ...(month !== null ? { period: parsePeriod(month) } : {}),
    });
    const messages = renderRoundup(doc);
    for (const message of messages.slice(0, PREVIEW_MAX_MESSAGES)) await ctx.replyMessage(message);
    if (messages.length > PREVIEW_MAX_MESSAGES) {
      await ctx.reply({
        content: `-# The preview stops here: the roundup has ${messages.length} messages, all of which /read roundup post posts.`,
      });
    }
  },
} satisfies ReadSubcommand;
