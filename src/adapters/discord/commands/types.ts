import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  ContextMenuCommandBuilder,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  SlashCommandSubcommandBuilder,
  StringSelectMenuInteraction,
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

/**
 * Components (buttons, string selects) and modals whose custom id starts with `prefix:`; `args` are
 * the rest, split on `:`. Custom ids carry all a handler needs, so they work after a restart.
 */
export interface PrefixHandler<
  I extends ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction,
> {
  prefix: string;
  /**
   * Admins only: the whole refusal others get, privately. The router checks it once, before
   * `execute`, so nothing changes for someone who may not press it.
   */
  adminRefusal?: { code: string; message: string };
  execute(ctx: CommandContext<I>, args: string[]): Promise<void>;
}

export type ButtonHandler = PrefixHandler<ButtonInteraction>;
export type SelectHandler = PrefixHandler<StringSelectMenuInteraction>;
export type ModalHandler = PrefixHandler<ModalSubmitInteraction>;
