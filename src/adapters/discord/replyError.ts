import { MessageFlags, type RepliableInteraction } from "discord.js";
import { describeError } from "../../core/background/describeError.js";
import { isUserError, UserError } from "../../core/errors.js";
import type { Logger } from "../../logger.js";
import { clip, oneLine } from "./escape.js";
import { NO_MENTIONS } from "./publisher.js";

export const APOLOGY = "Sorry, something went wrong on my side. Please try again in a minute.";

/** The refusal of an admin-only command, `what` saying what it does ("post the roundup"). */
export function notAdminError(what: string): UserError {
  return new UserError(
    "admin.required",
    `Only admins can ${what}: members with Manage Server, and the people and roles in /read config admins.`,
  );
}

/** What the person reads: a `UserError`'s message on one line, or the apology. */
export function errorText(error: unknown): string {
  return isUserError(error) ? `⚠️ ${clip(oneLine(error.message), 1_900)}` : `⚠️ ${APOLOGY}`;
}

/**
 * The one place a failed interaction is answered. A `UserError` becomes a one-line private answer;
 * anything else is logged with the interaction id and the command, and the person gets a short
 * apology: never a stack trace or an internal message.
 */
export async function replyError(
  interaction: RepliableInteraction,
  error: unknown,
  logger: Logger,
  command: string,
): Promise<void> {
  if (!isUserError(error)) {
    logger.error(
      {
        err: describeError(error),
        interactionId: interaction.id,
        command,
        guild: interaction.guildId,
        user: interaction.user.id,
      },
      "Discord interaction failed",
    );
  }
  const answer = { content: errorText(error), allowedMentions: NO_MENTIONS };
  try {
    if (interaction.deferred && !interaction.replied) {
      if (interaction.ephemeral) {
        await interaction.editReply(answer);
        return;
      }
      // A visible deferral ("Roundup is thinking…") would show the error to everyone: drop it. A
      // button's or form's deferred update has no deferral of its own: its message stays as it was.
      if (!interaction.isMessageComponent() && !interaction.isModalSubmit()) {
        await interaction.deleteReply().catch(() => undefined);
      }
    }
    if (interaction.replied || interaction.deferred) {
      await interaction.followUp({ ...answer, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ ...answer, flags: MessageFlags.Ephemeral });
    }
  } catch (replyFailure) {
    logger.warn(
      { err: describeError(replyFailure), interactionId: interaction.id, command },
      "could not tell the person about a failure",
    );
  }
}
