import { SlashCommandSubcommandBuilder } from "discord.js";
import { MAX_PICKS_TITLE_LENGTH } from "../../../../core/settings/editorialSettings.js";
import { picksHeading } from "../../messages.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config picks [title:] [emoji:]` (admins): the heading of the section the editors' picks open. */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("picks")
    .setDescription("The title and emoji of the picks section that opens the roundup (admins)")
    .addStringOption((o) =>
      o
        .setName("title")
        .setDescription('Like: Picks of the month ("default" restores it)')
        .setMaxLength(MAX_PICKS_TITLE_LENGTH),
    )
    .addStringOption((o) =>
      o.setName("emoji").setDescription('One emoji, like ⭐, or "none"').setMaxLength(32),
    ),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const title = options.getString("title");
    const emoji = options.getString("emoji");
    const settings = await ctx.deps.core.setPicks({
      workspace: ctx.workspace,
      ...(title !== null ? { title } : {}),
      ...(emoji !== null ? { emoji } : {}),
    });
    await ctx.reply({ content: `✅ Picks open the roundup under **${picksHeading(settings.picks)}**.` });
  },
} satisfies ReadSubcommand;
