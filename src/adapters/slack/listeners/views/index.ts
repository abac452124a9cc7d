import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { Interaction } from "../../interaction.js";
import { ADD_MODAL_CALLBACK, readAddModal, submitAddModal } from "./addModal.js";

/** The add form's submission. */
export function register(app: App, deps: SlackDeps): void {
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
}
