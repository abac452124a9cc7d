import { SlashCommandSubcommandBuilder } from "discord.js";
import { categoryLines } from "../../messages.js";
import { EMBED_COLOR } from "../../render.js";
import type { ReadSubcommand } from "../types.js";
import { sectionOption } from "./sectionOption.js";

/** `/read category move category: position:` (admins): 1 is first in the roundup. */
export default {
  group: "category",
  adminOnly: "change the roundup's sections",
  data: new SlashCommandSubcommandBuilder()
    .setName("move")
    .setDescription("Move a section up or down the roundup (admins)")
    .addStringOption(sectionOption)
    .addIntegerOption((o) =>
      o.setName("position").setDescription("1 is first").setRequired(true).setMinValue(1).setMaxValue(25),
    ),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const categories = await ctx.deps.core.moveCategory({
      workspace: ctx.workspace,
      category: options.getString("category", true),
      position: options.getInteger("position", true),
    });
    await ctx.reply({
      embeds: [
        {
          color: EMBED_COLOR,
          title: "Moved. Sections, in roundup order",
          description: categoryLines(categories),
        },
      ],
    });
  },
} satisfies ReadSubcommand;
