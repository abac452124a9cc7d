import { SlashCommandSubcommandBuilder } from "discord.js";
import { linkTitle } from "../messages.js";
import type { ReadSubcommand } from "./types.js";

/** `/read remove id:`: members their own links, admins any. */
export default {
  data: new SlashCommandSubcommandBuilder()
    .setName("remove")
    .setDescription("Take a link off the reading list")
    .addIntegerOption((o) =>
      o.setName("id").setDescription("The link's number, from /read list").setRequired(true).setMinValue(1),
    ),
  async execute(ctx) {
    const id = ctx.interaction.options.getInteger("id", true);
    const link = await ctx.deps.core.removeLink({ workspace: ctx.workspace, id, actor: ctx.actor });
    await ctx.reply({ content: `🗑️ Removed #${link.id}: ${linkTitle(link)}` });
  },
} satisfies ReadSubcommand;
