import type { CliCommand, DatabaseCommand } from "../context.js";
import { categoryCommand } from "./categoryCommand.js";
import { configCommand } from "./configCommand.js";
import { dbCommand } from "./dbCommand.js";
import { addCommand, editCommand, listCommand, removeCommand } from "./linkCommands.js";
import { roundupCommand } from "./roundupCommand.js";
import { siteCommand } from "./siteCommand.js";
import { voteCommand } from "./voteCommand.js";

/** Every CLI command, in the order `--help` lists them. */
export const commands: (CliCommand | DatabaseCommand)[] = [
  addCommand,
  listCommand,
  editCommand,
  voteCommand,
  removeCommand,
  categoryCommand,
  configCommand,
  roundupCommand,
  siteCommand,
  dbCommand,
];
