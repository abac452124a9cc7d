import { ChannelType, SlashCommandSubcommandBuilder } from "discord.js";
import { MAX_REVIEW_DAYS } from "../../../../core/settings/editorialSettings.js";
import type { ReadSubcommand } from "../types.js";
import { missingPermissions } from "./channel.js";

/**
 * `/read config review days: [channel:]` (admins): the draft of each roundup goes to a channel the
 * admins read, `days` before it is due, for them to drop, pick, move, hold or post it; 0 days: no draft.
 */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("review")
    .setDescription("Post a draft of each roundup for admins to review, days before it's due (admins)")
    .addIntegerOption((o) =>
      o
        .setName("days")
        .setDescription(`How many days before the roundup, 1 to ${MAX_REVIEW_DAYS}; 0 turns the draft off`)
        .setRequired(true)
        .setMinValue(0)
        .setMaxValue(MAX_REVIEW_DAYS),
    )
    .addChannelOption((o) =>
      o
        .setName("channel")
        .setDescription("Where the draft goes: a channel the admins read")
        .addChannelTypes(ChannelType.GuildText),
    ),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const channel = options.getChannel("channel");
    const settings = await ctx.deps.core.setReview({
      workspace: ctx.workspace,
      days: options.getInteger("days", true),
      ...(channel ? { channelId: channel.id } : {}),
    });
    const { days, channelId } = settings.review;
    if (days === 0 || channelId === null) {
      await ctx.reply({ content: "✅ No review draft: each roundup goes out as scheduled." });
      return;
    }
    const when = days === 1 ? "1 day" : `${days} days`;
    const lines = [
      `✅ The draft of each roundup goes to <#${channelId}> ${when} before it's due, for admins to drop, pick, move, hold or post it.`,
    ];
    if (channelId === settings.channelId) {
      lines.push("⚠️ That's the roundup channel: everyone there will see the draft.");
    }
    const missing = missingPermissions(ctx.interaction.guild, channelId);
    if (missing && missing.length > 0) {
      lines.push(`⚠️ I can't post there yet: give me ${missing.join(", ")} in that channel.`);
    }
    await ctx.reply({ content: lines.join("\n") });
  },
} satisfies ReadSubcommand;
