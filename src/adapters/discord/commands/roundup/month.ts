import type { ChatInputCommandInteraction, SlashCommandStringOption } from "discord.js";
import type { RoundupDoc } from "../../../../core/roundup/roundupDoc.js";
import { parsePeriod } from "../../../../core/time/period.js";
import type { CommandContext } from "../../context.js";

/** The `month:` option of the roundup commands. */
export function monthOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName("month")
    .setDescription("YYYY-MM; last month when left out")
    .setMinLength(7)
    .setMaxLength(7);
}

/** The roundup of the month the command names, or of last month. */
export function roundupOfMonth(ctx: CommandContext<ChatInputCommandInteraction>): Promise<RoundupDoc> {
  const month = ctx.interaction.options.getString("month");
  return ctx.deps.core.buildRoundup({
    workspace: ctx.workspace,
    ...(month !== null ? { period: parsePeriod(month) } : {}),
  });
}

/** "1 link", "3 links". */
export const links = (n: number) => (n === 1 ? "1 link" : `${n} links`);
