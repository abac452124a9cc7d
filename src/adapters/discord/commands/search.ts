import { SlashCommandSubcommandBuilder } from "discord.js";
import { clip, escapeDiscord, oneLine } from "../escape.js";
import { linkListEmbed } from "../messages.js";
import type { ReadSubcommand } from "./types.js";

const MAX_SHOWN = 10;

/** `/read search query:`: words in what people wrote or pages said (title, note, author, address, names), every month. */
export default {
  data: new SlashCommandSubcommandBuilder()
    .setName("search")
    .setDescription("Find links from any month")
    .addStringOption((o) =>
      o
        .setName("query")
        .setDescription("Words in the title, note, author, address or who shared it")
        .setRequired(true)
        .setMaxLength(200),
    ),
  async execute(ctx) {
    const query = ctx.interaction.options.getString("query", true);
    const { links, more, timeZone } = await ctx.deps.core.linkPage({
      workspace: ctx.workspace,
      allMonths: true,
      search: query,
      pageSize: MAX_SHOWN,
    });
    const quoted = `"${clip(oneLine(query), 80)}"`;
    if (links.length === 0) {
      await ctx.reply({ content: `Nothing matches ${escapeDiscord(quoted)}.` });
      return;
    }
    const { embed, shown } = linkListEmbed(`Links matching ${quoted}`, links, timeZone, MAX_SHOWN);
    if (more || links.length > shown)
      embed.footer = { text: `Only the first ${shown} are shown: add words to narrow it down.` };
    await ctx.reply({ embeds: [embed] });
  },
} satisfies ReadSubcommand;
