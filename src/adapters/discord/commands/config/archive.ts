import { SlashCommandSubcommandBuilder } from "discord.js";
import { archiveSentence } from "../../../../core/views/archiveSentence.js";
import type { ReadSubcommand } from "../types.js";

/**
 * `/read config archive mode: [slug:] [rotate:]` (admins): publish the roundups on the web. The
 * answer is private: a private archive's address is its secret.
 */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("archive")
    .setDescription("Publish the roundups on the web: off, private or public (admins)")
    .addStringOption((o) =>
      o
        .setName("mode")
        .setDescription("off, private (a secret address) or public (a readable one)")
        .setRequired(true)
        .addChoices(
          { name: "off", value: "off" },
          { name: "private", value: "private" },
          { name: "public", value: "public" },
        ),
    )
    .addStringOption((o) =>
      o.setName("slug").setDescription("Public: the readable address, like team-reading").setMaxLength(40),
    )
    .addBooleanOption((o) =>
      o.setName("rotate").setDescription("Private: replace the secret address (the old one stops working)"),
    ),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const mode = options.getString("mode", true) as "off" | "private" | "public";
    const slug = options.getString("slug") ?? undefined;
    const settings = await ctx.deps.core.setArchive({
      workspace: ctx.workspace,
      mode,
      rotate: options.getBoolean("rotate") === true,
      ...(slug !== undefined ? { slug } : {}),
    });
    const url = ctx.deps.core.archiveUrl(settings.archive);
    await ctx.reply({
      content: `✅ The web archive is ${archiveSentence({ mode: settings.archive.mode, url })}.`,
    });
  },
} satisfies ReadSubcommand;
