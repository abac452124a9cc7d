/**
 * The `/read` router: reads the text, finds the subcommand, checks that an admin-only one is run by an
 * admin, runs it, and answers every failure here, once.
 */
import { actorOfIx, type SlackDeps } from "../../deps.js";
import type { Interaction } from "../../interaction.js";
import { parseReadCommand, type ReadCommand } from "../../readGrammar.js";
import { notAdminError, replyError } from "../../replyError.js";
import { addCommand, addFormCommand } from "./add.js";
import { categoryChangeCommand, categoryListCommand } from "./category.js";
import { adminsListCommand, configChangeCommand, configShowCommand } from "./config.js";
import { helpCommand } from "./help.js";
import { editCommand, listCommand, removeCommand, searchCommand } from "./links.js";
import { roundupExportCommand, roundupPostCommand, roundupPreviewCommand } from "./roundup.js";
import type { Subcommand } from "./subcommand.js";
import { voteCommand } from "./vote.js";

export const SLASH_COMMAND = "/read";

function commandName(command: ReadCommand): string {
  return "action" in command ? `${command.kind} ${command.action}` : command.kind;
}

/** A subcommand bound to its input, ready to run. */
interface Routed {
  adminOnly: string | undefined;
  run: () => Promise<void>;
}

/** Every `/read` subcommand, and the one that runs `command`. */
function route(deps: SlackDeps, ix: Interaction, command: ReadCommand): Routed {
  const to = <Input>(subcommand: Subcommand<Input>, input: NoInfer<Input>): Routed => ({
    adminOnly: subcommand.adminOnly,
    run: () => subcommand.run(deps, ix, input),
  });
  switch (command.kind) {
    case "help":
      return to(helpCommand, command);
    case "addModal":
      return to(addFormCommand, command);
    case "add":
      return to(addCommand, command);
    case "list":
      return to(listCommand, command);
    case "search":
      return to(searchCommand, command);
    case "edit":
      return to(editCommand, command);
    case "remove":
      return to(removeCommand, command);
    case "vote":
      return to(voteCommand, command);
    case "roundup":
      if (command.action === "post") return to(roundupPostCommand, command);
      return to(command.action === "export" ? roundupExportCommand : roundupPreviewCommand, command);
    case "category":
      if (command.action === "list") return to(categoryListCommand, command);
      return to(categoryChangeCommand, command);
    case "config":
      if (command.action === "show") return to(configShowCommand, command);
      if (command.action === "admins" && command.change === "list") return to(adminsListCommand, command);
      return to(configChangeCommand, command);
  }
}

/** Runs one `/read` command; every failure is answered here, once. */
export async function runReadCommand(deps: SlackDeps, ix: Interaction, text: string): Promise<void> {
  let name = "parse";
  try {
    const actor = actorOfIx(deps, ix);
    const notice = await deps.core.notices.take({ workspace: ix.workspace, actor });
    if (notice) ix.attachNotice(notice);
    const command = parseReadCommand(text);
    name = commandName(command);
    const subcommand = route(deps, ix, command);
    if (subcommand.adminOnly !== undefined && !(await actor.isAdmin()))
      throw notAdminError(subcommand.adminOnly);
    await subcommand.run();
  } catch (error) {
    await replyError(ix, error, deps.logger, `${SLASH_COMMAND} ${name}`);
  }
}
