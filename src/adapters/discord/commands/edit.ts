import { SlashCommandSubcommandBuilder } from "discord.js";
import type { EditLinkAsInput } from "../../../core/links/manageLinks.js";
import { escapeDiscord } from "../escape.js";
import { linkTitle } from "../messages.js";
import type { ReadSubcommand } from "./types.js";

/** `/read edit id: [note:] [category:] [title:] [author:]`: members their own links, admins any. */
export default {
  data: new SlashCommandSubcommandBuilder()
    .setName("edit")
    .setDescription("Change a link's note, section, title or author")
    .addIntegerOption((o) =>
      o.setName("id").setDescription("The link's number, from /read list").setRequired(true).setMinValue(1),
    )
    .addStringOption((o) => o.setName("note").setDescription("A new note").setMaxLength(1000))
    .addStringOption((o) =>
      o
        .setName("category")
        .setDescription("A new section (Other for none)")
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addStringOption((o) => o.setName("title").setDescription("A new title").setMaxLength(300))
    .addStringOption((o) => o.setName("author").setDescription("A new author").setMaxLength(200)),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const change: Omit<EditLinkAsInput, "workspace" | "id" | "actor"> = {};
    for (const field of ["note", "category", "title", "author"] as const) {
      const value = options.getString(field);
      if (value !== null) change[field] = value;
    }
    const id = options.getInteger("id", true);
    // Someone else's link: the core asks whether this is an admin, once.
    const link = await ctx.deps.core.editLink({ workspace: ctx.workspace, id, actor: ctx.actor, ...change });
    const where = escapeDiscord(link.categoryName ?? "Other");
    await ctx.reply({ content: `✏️ Updated #${link.id}: ${linkTitle(link)} (${where})` });
  },
} satisfies ReadSubcommand;
