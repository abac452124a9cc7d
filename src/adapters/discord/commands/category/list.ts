import { SlashCommandSubcommandBuilder } from "discord.js";
import { categoryLines } from "../../messages.js";
import { EMBED_COLOR } from "../../render.js";
import type { ReadSubcommand } from "../types.js";

/** `/read category list`: anyone. */
export default {
  group: "category",
  data: new SlashCommandSubcommandBuilder()
    .setName("list")
    .setDescription("The roundup's sections, in order"),
  async execute(ctx) {
    const categories = await ctx.deps.core.numberedCategories({ workspace: ctx.workspace });
    await ctx.reply({
      embeds: [
        { color: EMBED_COLOR, title: "Sections, in roundup order", description: categoryLines(categories) },
      ],
    });
  },
} satisfies ReadSubcommand;
