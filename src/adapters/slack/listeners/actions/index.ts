import type { App, BlockAction, ButtonAction, OverflowAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../../deps.js";
import { DRAFT_ACTION_PREFIX } from "../../draftControls.js";
import { Interaction } from "../../interaction.js";
import { PICK_CATEGORY_ACTION } from "../../messages.js";
import { replyError } from "../../replyError.js";
import { draftControl } from "./draftControl.js";
import { pickCategory } from "./pickCategory.js";

type Press = BlockAction<ButtonAction | OverflowAction>;

/** The person and the ways to answer them, from a button or menu press. */
function interactionOf(
  deps: SlackDeps,
  {
    ack,
    body,
    respond,
    client,
  }: {
    ack: () => Promise<void>;
    body: BlockAction;
    respond: RespondFn;
    client: WebClient;
  },
): Interaction {
  return new Interaction({
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
}

/** The category buttons on a confirmation, and the review draft's controls. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: new RegExp(`^${PICK_CATEGORY_ACTION}`) },
    async (args) => {
      const ix = interactionOf(deps, args);
      await ix.ack();
      try {
        await pickCategory(deps, ix, args.action.value ?? "");
      } catch (error) {
        await replyError(ix, error, deps.logger, "category button");
      }
    },
  );
  app.action<Press>(
    { type: "block_actions", action_id: new RegExp(`^${DRAFT_ACTION_PREFIX}`) },
    async (args) => {
      const ix = interactionOf(deps, args);
      const { action } = args;
      const value = action.type === "overflow" ? action.selected_option.value : (action.value ?? "");
      // Tracked, so a stop waits for a press under way (a post, a redraw) before closing the store.
      await deps.inFlight.run("draft control", { team: ix.teamId }, async () => {
        try {
          await draftControl(deps, ix, value);
        } catch (error) {
          await replyError(ix, error, deps.logger, "draft control");
        }
      });
    },
  );
}
