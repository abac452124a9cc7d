import { SlashCommandSubcommandBuilder } from "discord.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config order by:shared|votes` (admins): how links are ordered within each section. */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("order")
    .setDescription("How links are ordered within each section of the roundup (admins)")
    .addStringOption((o) =>
      o
        .setName("by")
        .setDescription("shared: as they were shared; votes: most recommended first")
        .setRequired(true)
        .addChoices({ name: "shared", value: "shared" }, { name: "votes", value: "votes" }),
    ),
  async execute(ctx) {
    const settings = await ctx.deps.core.setOrder({
      workspace: ctx.workspace,
      order: ctx.interaction.options.getString("by", true),
    });
    await ctx.reply({
      content:
        settings.order === "votes"
          ? "✅ Within each section, the most recommended links (👍) come first, then in the order they were shared."
          : "✅ Within each section, links are listed in the order they were shared.",
    });
  },
} satisfies ReadSubcommand;
