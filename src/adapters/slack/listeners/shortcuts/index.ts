import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { Interaction } from "../../interaction.js";
import { replyError } from "../../replyError.js";
import { ADD_SHORTCUT_CALLBACK, addFromMessage } from "./addFromMessage.js";

/** The "Add to reading list" message shortcut. */
export function register(app: App, deps: SlackDeps): void {
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
