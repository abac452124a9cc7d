import { SlashCommandSubcommandBuilder } from "discord.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config quiet note:` (admins): whether a month without links posts a short note or nothing. */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("quiet")
    .setDescription("What a month without links posts (admins)")
    .addBooleanOption((o) =>
      o.setName("note").setDescription("True: a short note; false: nothing").setRequired(true),
    ),
  async execute(ctx) {
    const settings = await ctx.deps.core.setQuietMonthNote({
      workspace: ctx.workspace,
      enabled: ctx.interaction.options.getBoolean("note", true),
    });
    await ctx.reply({
      content: settings.quietMonthNote
        ? "✅ A month without links will get a short note in the roundup channel."
        : "✅ A month without links will post nothing.",
    });
  },
} satisfies ReadSubcommand;
