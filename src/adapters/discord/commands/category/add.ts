import { SlashCommandSubcommandBuilder } from "discord.js";
import { MAX_CATEGORY_NAME_LENGTH } from "../../../../core/categories/categoryName.js";
import { escapeDiscord } from "../../escape.js";
import type { ReadSubcommand } from "../types.js";

/** `/read category add name: [emoji:]` (admins): a new section at the end of the roundup. */
export default {
  group: "category",
  adminOnly: "change the roundup's sections",
  data: new SlashCommandSubcommandBuilder()
    .setName("add")
    .setDescription("Add a section to the roundup (admins)")
    .addStringOption((o) =>
      o
        .setName("name")
        .setDescription("The section's name")
        .setRequired(true)
        .setMaxLength(MAX_CATEGORY_NAME_LENGTH),
    )
    .addStringOption((o) => o.setName("emoji").setDescription("An emoji shown before it").setMaxLength(32)),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const category = await ctx.deps.core.addCategory({
      workspace: ctx.workspace,
      name: options.getString("name", true),
      emoji: options.getString("emoji"),
    });
    const emoji = category.emoji ? `${category.emoji} ` : "";
    await ctx.reply({
      content: `✅ Added the section ${emoji}**${escapeDiscord(category.name)}** (\`${category.slug}\`).`,
    });
  },
} satisfies ReadSubcommand;
