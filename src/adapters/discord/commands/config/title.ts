import { SlashCommandSubcommandBuilder } from "discord.js";
import { fillTitle } from "../../../../core/roundup/buildRoundup.js";
import { previousPeriod } from "../../../../core/time/period.js";
import { escapeDiscord } from "../../escape.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config title template:` (admins): the roundup's title, `{month}` standing for the month. */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("title")
    .setDescription("The roundup's title; {month} stands for the month (admins)")
    .addStringOption((o) =>
      o
        .setName("template")
        .setDescription("Like: What we've been reading in {month}")
        .setRequired(true)
        .setMaxLength(200),
    ),
  async execute(ctx) {
    const settings = await ctx.deps.core.setTitleTemplate({
      workspace: ctx.workspace,
      template: ctx.interaction.options.getString("template", true),
    });
    const zone = (await ctx.deps.core.getSettings({ workspace: ctx.workspace })).schedule.timeZone;
    const example = fillTitle(settings.titleTemplate, previousPeriod(ctx.deps.core.clock.now(), zone));
    await ctx.reply({ content: `✅ Last month's roundup would be titled: **${escapeDiscord(example)}**` });
  },
} satisfies ReadSubcommand;
