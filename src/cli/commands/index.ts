import type { CliCommand } from "../context.js";
import { categoryCommand } from "./categoryCommand.js";
import { configCommand } from "./configCommand.js";
import { addCommand, editCommand, listCommand, removeCommand } from "./linkCommands.js";
import { roundupCommand } from "./roundupCommand.js";

/** Every CLI command, in the order `--help` lists them. */
export const commands: CliCommand[] = [
  addCommand,
  listCommand,
  editCommand,
  removeCommand,
  categoryCommand,
  configCommand,
  roundupCommand,
];
