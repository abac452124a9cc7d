/**
 * Every Slack entry point, listed once: the `/read` command and its router, the category buttons,
 * the add form and the message shortcut. `register` wires them into a Bolt app; the handlers
 * themselves take an `Interaction`, so they run without one.
 */
import type {
  App,
  BlockAction,
  ButtonAction,
  RespondArguments,
  ViewResponseAction,
  ViewSubmitAction,
} from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { Interaction } from "../interaction.js";
import { PICK_CATEGORY_ACTION } from "../messages.js";
import { parseReadCommand, type ReadCommand } from "../readGrammar.js";
import { replyError } from "../replyError.js";
import {
  ADD_MODAL_CALLBACK,
  ADD_SHORTCUT_CALLBACK,
  addCommand,
  addFromMessage,
  openAddModal,
  pickCategory,
  readAddModal,
  submitAddModal,
} from "./add.js";
import { categoryCommand } from "./category.js";
import { configCommand } from "./config.js";
import { helpCommand } from "./help.js";
import { editCommand, listCommand, removeCommand, searchCommand } from "./links.js";
import { roundupCommand } from "./roundup.js";

export const SLASH_COMMAND = "/read";

function commandName(command: ReadCommand): string {
  return "action" in command ? `${command.kind} ${command.action}` : command.kind;
}

/** Runs one `/read` command; every failure is answered here, once. */
export async function runReadCommand(deps: SlackDeps, ix: Interaction, text: string): Promise<void> {
  let name = "parse";
  try {
    const notice = await deps.notices.take(deps, ix);
    if (notice) ix.attachNotice(notice);
    const command = parseReadCommand(text);
    name = commandName(command);
    switch (command.kind) {
      case "help":
        return await helpCommand(ix, command);
      case "addModal":
        return await openAddModal(deps, ix);
      case "add":
        return await addCommand(deps, ix, command);
      case "list":
        return await listCommand(deps, ix, command);
      case "search":
        return await searchCommand(deps, ix, command);
      case "edit":
        return await editCommand(deps, ix, command);
      case "remove":
        return await removeCommand(deps, ix, command);
      case "roundup":
        return await roundupCommand(deps, ix, command);
      case "category":
        return await categoryCommand(deps, ix, command);
      case "config":
        return await configCommand(deps, ix, command);
    }
  } catch (error) {
    await replyError(ix, error, deps.logger, `${SLASH_COMMAND} ${name}`);
  }
}

type Ack = (body?: RespondArguments) => Promise<void>;

export function register(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const ix = new Interaction({
      teamId: command.team_id,
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id || null,
      triggerId: command.trigger_id || null,
      client,
      logger: deps.logger,
      ackBudgetMs: deps.ackBudgetMs,
      ack: ack as Ack,
      carriesReply: true,
      respond,
    });
    await runReadCommand(deps, ix, command.text ?? "");
  });

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: new RegExp(`^${PICK_CATEGORY_ACTION}`) },
    async ({ ack, body, action, respond, client }) => {
      const ix = new Interaction({
        teamId: body.team?.id ?? body.user.team_id ?? "",
        userId: body.user.id,
        userName: body.user.username ?? body.user.name ?? body.user.id,
        channelId: body.channel?.id ?? null,
        triggerId: body.trigger_id,
        client,
        logger: deps.logger,
        ackBudgetMs: deps.ackBudgetMs,
        ack: () => ack(),
        carriesReply: false,
        respond,
      });
      await ix.ack();
      try {
        await pickCategory(deps, ix, action.value ?? "");
      } catch (error) {
        await replyError(ix, error, deps.logger, "category button");
      }
    },
  );

  app.view<ViewSubmitAction>(
    { callback_id: ADD_MODAL_CALLBACK, type: "view_submission" },
    async ({ ack, body, view, client }) => {
      // The form's answer decides whether it closes, so the safety acknowledgement goes through here too.
      let acked = false;
      const ackView = async (response?: ViewResponseAction) => {
        if (acked) return;
        acked = true;
        await ack(response);
      };
      const ix = new Interaction({
        teamId: body.team?.id ?? body.user.team_id ?? "",
        userId: body.user.id,
        userName: body.user.name,
        channelId: null,
        triggerId: body.trigger_id,
        client,
        logger: deps.logger,
        ackBudgetMs: deps.ackBudgetMs,
        ack: () => ackView(),
        carriesReply: false,
        respond: undefined,
      });
      try {
        await submitAddModal(deps, ix, readAddModal(view), ackView);
      } catch (error) {
        deps.logger.error({ err: error, team: ix.teamId, command: "add (form)" }, "Slack interaction failed");
        await ackView();
      }
    },
  );

  app.shortcut(
    { callback_id: ADD_SHORTCUT_CALLBACK, type: "message_action" },
    async ({ ack, shortcut, respond, client }) => {
      const ix = new Interaction({
        teamId: shortcut.team?.id ?? shortcut.user.team_id ?? "",
        userId: shortcut.user.id,
        userName: shortcut.user.username ?? shortcut.user.name,
        channelId: shortcut.channel.id,
        triggerId: shortcut.trigger_id,
        client,
        logger: deps.logger,
        ackBudgetMs: deps.ackBudgetMs,
        ack: () => ack(),
        carriesReply: false,
        respond,
      });
      try {
        await addFromMessage(deps, ix, shortcut.message);
      } catch (error) {
        await replyError(ix, error, deps.logger, "add from message");
      }
    },
  );
}
