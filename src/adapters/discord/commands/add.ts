import { SlashCommandSubcommandBuilder } from "discord.js";
import { MAX_NOTE_LENGTH } from "../../../core/links/linkText.js";
import { MAX_URL_LENGTH } from "../../../core/links/url.js";
import { shareLink } from "../share.js";
import type { ReadSubcommand } from "./types.js";

/** `/read add url: [category:] [note:]`: the channel sees what was shared. */
export default {
  data: new SlashCommandSubcommandBuilder()
    .setName("add")
    .setDescription("Share a link with the reading list")
    .addStringOption((o) =>
      o.setName("url").setDescription("The link to share").setRequired(true).setMaxLength(MAX_URL_LENGTH),
    )
    .addStringOption((o) =>
      o
        .setName("category")
        .setDescription("Its section in the roundup")
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addStringOption((o) => o.setName("note").setDescription("Why read it?").setMaxLength(MAX_NOTE_LENGTH)),
  async execute(ctx) {
    const options = ctx.interaction.options;
    await shareLink(
      ctx,
      {
        url: options.getString("url", true),
        category: options.getString("category"),
        note: options.getString("note"),
      },
      { visible: true },
    );
  },
} satisfies ReadSubcommand;
