import { SlashCommandSubcommandBuilder } from "discord.js";
import { MAX_CATEGORY_NAME_LENGTH } from "../../../../core/categories/categoryName.js";
import { escapeDiscord } from "../../escape.js";
import type { ReadSubcommand } from "../types.js";
import { sectionOption } from "./sectionOption.js";

/** `/read category rename category: name:` (admins); its links come along. */
export default {
  group: "category",
  adminOnly: "change the roundup's sections",
  data: new SlashCommandSubcommandBuilder()
    .setName("rename")
    .setDescription("Rename a section (admins)")
    .addStringOption(sectionOption)
    .addStringOption((o) =>
      o
        .setName("name")
        .setDescription("Its new name")
        .setRequired(true)
        .setMaxLength(MAX_CATEGORY_NAME_LENGTH),
    ),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const { before, after } = await ctx.deps.core.renameCategory({
      workspace: ctx.workspace,
      category: options.getString("category", true),
      newName: options.getString("name", true),
    });
    await ctx.reply({
      content: `✏️ Renamed **${escapeDiscord(before.name)}** to **${escapeDiscord(after.name)}**; its links came along.`,
    });
  },
} satisfies ReadSubcommand;
