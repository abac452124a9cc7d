import { ChannelType, type Guild, PermissionFlagsBits, SlashCommandSubcommandBuilder } from "discord.js";
import type { ReadSubcommand } from "../types.js";

/** What posting the roundup takes, named as Discord's settings name them. */
const NEEDED = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
] as const;

/**
 * The permissions the bot lacks in a channel, from the gateway's cache (Discord keeps the bot's own
 * member current without the members intent); null when the cache cannot tell.
 */
export function missingPermissions(guild: Guild | null, channelId: string): string[] | null {
  const me = guild?.members.me;
  const channel = guild?.channels.cache.get(channelId);
  if (!me || !channel) return null;
  const permissions = channel.permissionsFor(me);
  return NEEDED.filter(([flag]) => !permissions.has(flag)).map(([, name]) => name);
}

/** `/read config channel channel:` (admins): where the roundup is posted. */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
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
    const channel = ctx.interaction.options.getChannel("channel", true);
    await ctx.deps.core.setChannel({ workspace: ctx.workspace, channelId: channel.id });
    const missing = missingPermissions(ctx.interaction.guild, channel.id);
    const set = `✅ The roundup will be posted in <#${channel.id}>.`;
    let content: string;
    if (missing === null) content = `${set} I need View Channel, Send Messages and Embed Links there.`;
    else if (missing.length === 0) content = `${set} I can post there.`;
    else {
      content = `${set} ⚠️ I can't post there yet: give me ${missing.join(", ")} in that channel before the roundup is due.`;
    }
    await ctx.reply({ content });
  },
} satisfies ReadSubcommand;
