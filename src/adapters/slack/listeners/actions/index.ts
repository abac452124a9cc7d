import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { Interaction } from "../../interaction.js";
import { PICK_CATEGORY_ACTION } from "../../messages.js";
import { replyError } from "../../replyError.js";
import { pickCategory } from "./pickCategory.js";

/** The category buttons on a confirmation. */
export function register(app: App, deps: SlackDeps): void {
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
}
