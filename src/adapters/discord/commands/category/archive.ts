import { SlashCommandSubcommandBuilder } from "discord.js";
import { escapeDiscord } from "../../escape.js";
import type { ReadSubcommand } from "../types.js";
import { sectionOption } from "./sectionOption.js";

function archiving(archived: boolean): ReadSubcommand {
  return {
    group: "category",
    adminOnly: "change the roundup's sections",
    data: new SlashCommandSubcommandBuilder()
      .setName(archived ? "archive" : "unarchive")
      .setDescription(
        archived
          ? "Retire a section: new links can't use it, its links stay in the roundup (admins)"
          : "Bring an archived section back (admins)",
      )
      .addStringOption(sectionOption),
    async execute(ctx) {
      const category = await ctx.deps.core.archiveCategory({
        workspace: ctx.workspace,
        category: ctx.interaction.options.getString("category", true),
        archived,
      });
      const name = `**${escapeDiscord(category.name)}**`;
      await ctx.reply({
        content: archived
          ? `🗄️ Archived ${name}: new links can't use it; links already in it stay in their roundups.`
          : `✅ ${name} is back: new links can use it again.`,
      });
    },
  };
}

/** `/read category archive category:` (admins). */
export const categoryArchive = archiving(true);
/** `/read category unarchive category:` (admins). */
export const categoryUnarchive = archiving(false);
