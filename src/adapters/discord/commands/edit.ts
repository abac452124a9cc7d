import { type ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from "discord.js";
import { isUserError } from "../../../core/errors.js";
import { type Actor, type EditLinkInput, editLink } from "../../../core/links/manageLinks.js";
import type { CommandContext } from "../context.js";
import { escapeDiscord } from "../escape.js";
import { linkTitle } from "../messages.js";
import type { ReadSubcommand } from "./types.js";

/**
 * Runs a change as the person; when the link is someone else's, again as an admin if they are one, so
 * the admin check (a settings read) is only paid when it matters.
 */
export async function asActor<T>(
  ctx: CommandContext<ChatInputCommandInteraction>,
  change: (actor: Actor) => Promise<T>,
): Promise<T> {
  try {
    // Awaited here, so a refusal lands in the catch below.
    return await change({ userId: ctx.userId, isAdmin: false });
  } catch (error) {
    if (isUserError(error) && error.code === "link.notYours" && (await ctx.isAdmin())) {
      return change({ userId: ctx.userId, isAdmin: true });
    }
    throw error;
  }
}

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
    const change: Omit<EditLinkInput, "workspace" | "id" | "actor"> = {};
    for (const field of ["note", "category", "title", "author"] as const) {
      const value = options.getString(field);
      if (value !== null) change[field] = value;
    }
    const id = options.getInteger("id", true);
    const link = await asActor(ctx, (actor) =>
      editLink(ctx.deps, { workspace: ctx.workspace, id, actor, ...change }),
    );
    const where = escapeDiscord(link.categoryName ?? "Other");
    await ctx.reply({ content: `✏️ Updated #${link.id}: ${linkTitle(link)} (${where})` });
  },
} satisfies ReadSubcommand;
