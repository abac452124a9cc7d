import type {
  AllMiddlewareArgs,
  App,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { Interaction } from "../../interaction.js";
import { ADD_MODAL_CALLBACK, readAddModal, submitAddModal } from "./addModal.js";
import { DRAFT_MOVE_CALLBACK, DRAFT_NOTE_CALLBACK, readDraftForm, submitDraftForm } from "./draftForms.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A form submission as an `Interaction`, and its acknowledgement: the form's answer decides whether
 * it closes, so the safety acknowledgement goes through the same once-only `ackView`.
 */
function submission(deps: SlackDeps, { ack, body, client }: SubmitArgs) {
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
  return { ix, ackView };
}

/** The add form's submission, and the review draft's "Move…" and "Edit note…" forms. */
export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ callback_id: ADD_MODAL_CALLBACK, type: "view_submission" }, async (args) => {
    const { ix, ackView } = submission(deps, args);
    try {
      await submitAddModal(deps, ix, readAddModal(args.view), ackView);
    } catch (error) {
      deps.logger.error({ err: error, team: ix.teamId, command: "add (form)" }, "Slack interaction failed");
      await ackView();
    }
  });
  app.view<ViewSubmitAction>(
    { callback_id: new RegExp(`^(${DRAFT_MOVE_CALLBACK}|${DRAFT_NOTE_CALLBACK})$`), type: "view_submission" },
    async (args) => {
      const { ix, ackView } = submission(deps, args);
      await deps.inFlight.run("draft form", { team: ix.teamId }, async () => {
        try {
          await submitDraftForm(deps, ix, readDraftForm(args.view.callback_id, args.view), ackView);
        } catch (error) {
          deps.logger.error(
            { err: error, team: ix.teamId, command: "draft form" },
            "Slack interaction failed",
          );
          await ackView();
        }
      });
    },
  );
}
