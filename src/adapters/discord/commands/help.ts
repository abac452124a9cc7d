import { SlashCommandSubcommandBuilder } from "discord.js";
import { helpEmbed } from "../messages.js";
import type { ReadSubcommand } from "./types.js";

/** `/read help`. */
export default {
  data: new SlashCommandSubcommandBuilder().setName("help").setDescription("What Roundup can do"),
  async execute(ctx) {
    await ctx.reply({ embeds: [helpEmbed()] });
  },
} satisfies ReadSubcommand;
