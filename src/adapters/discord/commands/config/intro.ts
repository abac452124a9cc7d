import { SlashCommandSubcommandBuilder } from "discord.js";
import { escapeDiscord } from "../../escape.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config intro [text:]` (admins): a paragraph under the roundup's title; none removes it. */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("intro")
    .setDescription("A paragraph under the roundup's title; leave text out to remove it (admins)")
    .addStringOption((o) =>
      o.setName("text").setDescription("Like: Here is what caught our eye this month.").setMaxLength(1000),
    ),
  async execute(ctx) {
    const settings = await ctx.deps.core.setIntro({
      workspace: ctx.workspace,
      intro: ctx.interaction.options.getString("text"),
    });
    await ctx.reply({
      content: settings.intro
        ? `✅ The roundup will open with: ${escapeDiscord(settings.intro)}`
        : "✅ The roundup will have no intro.",
    });
  },
} satisfies ReadSubcommand;
