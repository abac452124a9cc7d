import { ChannelType, SlashCommandSubcommandBuilder } from "discord.js";
import { setChannel } from "../../../../core/settings/manageSettings.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config channel channel:` (admins): where the roundup is posted. */
export default {
  group: "config",
  data: new SlashCommandSubcommandBuilder()
    .setName("channel")
    .setDescription("Where the roundup is posted (admins)")
    .addChannelOption((o) =>
      o
        .setName("channel")
        .setDescription("A text or announcement channel")
        .setRequired(true)
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    ),
  async execute(ctx) {
    ctx.requireAdmin("change the roundup settings");
    const channel = ctx.interaction.options.getChannel("channel", true);
    setChannel(ctx.deps, { workspace: ctx.workspace, channelId: channel.id });
    await ctx.reply({
      content: `✅ The roundup will be posted in <#${channel.id}>. I need View Channel, Send Messages and Embed Links there.`,
    });
  },
} satisfies ReadSubcommand;
