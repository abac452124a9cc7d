import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  ContextMenuCommandBuilder,
  MessageContextMenuCommandInteraction,
  SlashCommandSubcommandBuilder,
} from "discord.js";
import type { CommandContext } from "../context.js";

/** The groups of `/read`: `/read roundup post`, `/read category add`, `/read config show`. */
export type ReadGroup = "roundup" | "category" | "config";

/** One `/read` subcommand: its definition (what Discord shows) and what it does. */
export interface ReadSubcommand {
  /** The group it sits in, or none for `/read add`. */
  group?: ReadGroup;
  /**
   * Admins only: what the refusal says others may not do ("post the roundup"). The router checks it
   * once, before `execute`, so the command never starts for someone who may not run it.
   */
  adminOnly?: string;
  data: SlashCommandSubcommandBuilder;
  execute(ctx: CommandContext<ChatInputCommandInteraction>): Promise<void>;
}

/** A command on a message's "Apps" menu. */
export interface MessageCommand {
  data: ContextMenuCommandBuilder;
  execute(ctx: CommandContext<MessageContextMenuCommandInteraction>): Promise<void>;
}

/** Buttons whose custom id starts with `prefix:`; `args` are the rest, split on `:`. */
export interface ButtonHandler {
  prefix: string;
  execute(ctx: CommandContext<ButtonInteraction>, args: string[]): Promise<void>;
}
