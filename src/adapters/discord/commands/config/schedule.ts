import { SlashCommandSubcommandBuilder } from "discord.js";
import { formatLocalDateTime } from "../../../../core/time/formatLocal.js";
import { periodLabel } from "../../../../core/time/period.js";
import type { ReadSubcommand } from "../types.js";

/** `/read config schedule day: time: timezone:` (admins): when each month's roundup goes out. */
export default {
  group: "config",
  adminOnly: "change the roundup settings",
  data: new SlashCommandSubcommandBuilder()
    .setName("schedule")
    .setDescription("When the roundup goes out each month (admins)")
    .addIntegerOption((o) =>
      o
        .setName("day")
        .setDescription("Day of the month, 1 to 28")
        .setRequired(true)
        .setMinValue(1)
        .setMaxValue(28),
    )
    .addStringOption((o) =>
      o.setName("time").setDescription("24-hour HH:MM, like 09:00").setRequired(true).setMaxLength(5),
    )
    .addStringOption((o) =>
      o
        .setName("timezone")
        .setDescription("Like Europe/Berlin or America/New_York")
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(100),
    ),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const settings = await ctx.deps.core.setSchedule({
      workspace: ctx.workspace,
      day: options.getInteger("day", true),
      time: options.getString("time", true),
      timeZone: options.getString("timezone", true),
    });
    const { day, time, timeZone } = settings.schedule;
    const next =
      settings.nextDue && settings.channelId
        ? ` Next: the ${periodLabel(settings.nextDue.period)} roundup on ${formatLocalDateTime(settings.nextDue.at, timeZone)}.`
        : "";
    await ctx.reply({
      content: `✅ The roundup goes out on day ${day} of each month at ${time} (${timeZone}).${next}`,
    });
  },
} satisfies ReadSubcommand;
