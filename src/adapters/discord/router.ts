/** Routes each interaction to its command and answers every failure in one place. */
import {
  type ButtonInteraction,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from "discord.js";
import { describeError } from "../../core/background/describeError.js";
import { UserError } from "../../core/errors.js";
import { answerAutocomplete } from "./autocomplete.js";
import {
  buttonHandlers,
  findHandler,
  findMessageCommand,
  findSubcommand,
  modalHandlers,
  READ_COMMAND,
  selectHandlers,
} from "./commands/index.js";
import type { PrefixHandler } from "./commands/types.js";
import { CommandContext, type DiscordDeps } from "./context.js";
import { escapeDiscord } from "./escape.js";
import { NO_MENTIONS } from "./publisher.js";
import { notAdminError, replyError } from "./replyError.js";

const STALE = "I don't know that command any more; /read help lists what I do.";

export async function handleInteraction(deps: DiscordDeps, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    try {
      await answerAutocomplete(deps, interaction);
    } catch (error) {
      deps.logger.warn(
        { err: describeError(error), interactionId: interaction.id },
        "could not answer autocomplete",
      );
    }
    return;
  }
  if (!interaction.isRepliable()) return;
  let command = "unknown";
  let notice: string | null = null;
  try {
    if (interaction.isChatInputCommand()) {
      const group = interaction.options.getSubcommandGroup(false);
      const name = interaction.options.getSubcommand(false) ?? "";
      command = `/${interaction.commandName} ${group ? `${group} ` : ""}${name}`;
      const subcommand = interaction.commandName === READ_COMMAND ? findSubcommand(group, name) : undefined;
      if (!subcommand) throw new UserError("command.unknown", STALE);
      const ctx = new CommandContext(interaction, deps);
      // Setting the channel answers the "no channel" notice itself.
      if (!(group === "config" && name === "channel"))
        notice = await deps.core.notices.take({ workspace: ctx.workspace, actor: ctx.actor });
      if (subcommand.adminOnly !== undefined && !(await ctx.isAdmin())) {
        throw notAdminError(subcommand.adminOnly);
      }
      await subcommand.execute(ctx);
    } else if (interaction.isMessageContextMenuCommand()) {
      command = interaction.commandName;
      const handler = findMessageCommand(interaction.commandName);
      if (!handler) throw new UserError("command.unknown", STALE);
      await handler.execute(new CommandContext(interaction, deps));
    } else if (interaction.isButton()) {
      command = `button ${interaction.customId.split(":", 1)[0]}`;
      await runPrefixed(
        deps,
        interaction,
        buttonHandlers,
        "That button no longer works; run the command again.",
      );
    } else if (interaction.isStringSelectMenu()) {
      command = `select ${interaction.customId.split(":", 1)[0]}`;
      await runPrefixed(
        deps,
        interaction,
        selectHandlers,
        "That menu no longer works; run the command again.",
      );
    } else if (interaction.isModalSubmit()) {
      command = `modal ${interaction.customId.split(":", 1)[0]}`;
      await runPrefixed(deps, interaction, modalHandlers, "That form no longer works; open it again.");
    }
  } catch (error) {
    await replyError(interaction, error, deps.logger, command);
  }
  if (notice !== null) {
    // After the answer, privately, whatever the command did.
    await interaction
      .followUp({
        content: `ℹ️ ${escapeDiscord(notice)}`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      })
      .catch((error: unknown) =>
        deps.logger.warn(
          { err: describeError(error), interactionId: interaction.id },
          "could not hand over a notice",
        ),
      );
  }
}

/** A button, menu or form: found by its custom id's prefix, its rights checked once, then run. */
async function runPrefixed<
  I extends ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction,
>(deps: DiscordDeps, interaction: I, handlers: readonly PrefixHandler<I>[], stale: string): Promise<void> {
  const handler = findHandler(handlers, interaction.customId);
  if (!handler) throw new UserError("command.unknown", stale);
  const ctx = new CommandContext(interaction, deps);
  if (handler.adminRefusal && !(await ctx.isAdmin())) {
    throw new UserError(handler.adminRefusal.code, handler.adminRefusal.message);
  }
  await handler.execute(ctx, interaction.customId.split(":").slice(1));
}
