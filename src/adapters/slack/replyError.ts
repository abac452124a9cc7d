import { isUserError, UserError } from "../../core/errors.js";
import type { Logger } from "../../logger.js";
import { escapeMrkdwn } from "./escape.js";
import type { Reply } from "./interaction.js";

/** The refusal of an admin-only action: `what` is what only admins can do ("post the roundup"). */
export function notAdminError(what: string): UserError {
  return new UserError(
    "admin.required",
    `Only workspace admins and people they add can ${what}. /read config admins shows who can.`,
  );
}

export const APOLOGY = "Sorry, something went wrong on my side. Please try again in a minute.";

/**
 * The one place a failed Slack interaction is answered: a `UserError` becomes its one-line message;
 * anything else is logged with the command and team, and the person gets a short apology, never a
 * stack trace or an internal message.
 */
export function errorReply(
  error: unknown,
  logger: Logger,
  where: { command: string; team: string; user?: string },
): Reply {
  if (isUserError(error))
    return { text: `:warning: ${escapeMrkdwn(error.message.replace(/\s*\n\s*/g, " "))}` };
  logger.error({ err: error, ...where }, "Slack interaction failed");
  return { text: `:warning: ${APOLOGY}` };
}

/** Answers `error` on whatever channel the interaction still has. */
export async function replyError(
  ix: { reply(reply: Reply): Promise<void>; teamId: string; userId: string },
  error: unknown,
  logger: Logger,
  command: string,
): Promise<void> {
  await ix.reply(errorReply(error, logger, { command, team: ix.teamId, user: ix.userId }));
}
