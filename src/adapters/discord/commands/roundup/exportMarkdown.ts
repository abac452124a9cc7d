import { SlashCommandSubcommandBuilder } from "discord.js";
import { renderMarkdown } from "../../../../core/render/renderMarkdown.js";
import { escapeDiscord } from "../../escape.js";
import type { ReadSubcommand } from "../types.js";
import { links, monthOption, roundupOfMonth } from "./month.js";

/** `/read roundup export [month:]`: the roundup as a Markdown file to publish, shown only to you. */
export default {
  group: "roundup",
  data: new SlashCommandSubcommandBuilder()
    .setName("export")
    .setDescription("The roundup as a Markdown file, ready for a blog post (only you see it)")
    .addStringOption(monthOption),
  async execute(ctx) {
    const doc = await roundupOfMonth(ctx);
    await ctx.reply({
      content: `📝 The ${escapeDiscord(doc.periodLabel)} roundup (${links(doc.linkCount)}) as Markdown, ready to publish.`,
      files: [{ name: `roundup-${doc.period}.md`, attachment: Buffer.from(renderMarkdown(doc), "utf8") }],
    });
  },
} satisfies ReadSubcommand;
