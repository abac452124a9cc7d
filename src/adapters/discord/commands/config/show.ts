import { SlashCommandSubcommandBuilder } from "discord.js";
import { settingsEmbed } from "../../messages.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config show`: the settings and how the last roundup went. */
export default {
  group: "config",
  data: new SlashCommandSubcommandBuilder().setName("show").setDescription("The roundup settings"),
  async execute(ctx) {
    const settings = await ctx.deps.core.settingsView({ workspace: ctx.workspace });
    await ctx.reply({ embeds: [settingsEmbed(settings)] });
  },
} satisfies ReadSubcommand;
