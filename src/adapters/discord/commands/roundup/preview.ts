import { SlashCommandSubcommandBuilder } from "discord.js";
import { renderRoundup } from "../../render.js";
import type { ReadSubcommand } from "../types.js";
import { monthOption, roundupOfMonth } from "./month.js";

/** A preview shows this many of the roundup's messages; `post` posts them all. */
export const PREVIEW_MAX_MESSAGES = 5;

/** `/read roundup preview [month:]`: the roundup as it would be posted, shown only to you. */
export default {
  group: "roundup",
  data: new SlashCommandSubcommandBuilder()
    .setName("preview")
    .setDescription("See the roundup as it would be posted (only you see it)")
    .addStringOption(monthOption),
  async execute(ctx) {
    const doc = await roundupOfMonth(ctx);
    const messages = renderRoundup(doc);
    for (const message of messages.slice(0, PREVIEW_MAX_MESSAGES)) await ctx.replyMessage(message);
    if (messages.length > PREVIEW_MAX_MESSAGES) {
      await ctx.reply({
        content: `-# The preview stops here: the roundup has ${messages.length} messages, all of which /read roundup post posts.`,
      });
    }
  },
} satisfies ReadSubcommand;
