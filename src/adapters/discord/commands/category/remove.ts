import { SlashCommandSubcommandBuilder } from "discord.js";
import { escapeDiscord } from "../../escape.js";
import type { ReadSubcommand } from "../types.js";
import { sectionOption } from "./sectionOption.js";

/** `/read category remove category:` (admins): its links move to Other, none is lost. */
export default {
  group: "category",
  adminOnly: "change the roundup's sections",
  data: new SlashCommandSubcommandBuilder()
    .setName("remove")
    .setDescription("Remove a section; its links move to Other (admins)")
    .addStringOption(sectionOption),
  async execute(ctx) {
    const { removed, linksMoved } = await ctx.deps.core.removeCategory({
      workspace: ctx.workspace,
      category: ctx.interaction.options.getString("category", true),
    });
    const moved = linksMoved === 1 ? "1 link moved" : `${linksMoved} links moved`;
    await ctx.reply({ content: `🗑️ Removed **${escapeDiscord(removed.name)}**; ${moved} to *Other*.` });
  },
} satisfies ReadSubcommand;
