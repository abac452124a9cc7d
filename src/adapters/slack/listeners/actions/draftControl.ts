/**
 * A press on the review draft: a link's menu (pick, drop, restore, unpick, "Move…", "Edit note…"),
 * "Post now", "Hold" or "Release hold". Editors (admins) only: anyone else is told so privately and
 * nothing changes. The core redraws the draft after each change, so a press answers only when there is
 * something to say.
 */
import { UserError } from "../../../../core/errors.js";
import { postRefusalError } from "../../../../core/roundup/requestRoundupPost.js";
import { actorOfIx, type SlackDeps, sharerName } from "../../deps.js";
import { type DraftControl, NOT_EDITOR, parseControl } from "../../draftControls.js";
import type { Interaction } from "../../interaction.js";
import { postOutcome, REFUSED } from "../commands/roundup.js";
import { draftFormView } from "../views/draftForms.js";

export async function draftControl(deps: SlackDeps, ix: Interaction, value: string): Promise<void> {
  const control = parseControl(value);
  if (!control)
    throw new UserError("action.invalid", "That control is out of date; use the draft's latest message.");
  const actor = actorOfIx(deps, ix);
  if (!(await actor.isAdmin())) {
    await ix.reply({ text: `:lock: ${NOT_EDITOR}` });
    return;
  }
  await runControl(deps, ix, control);
}

async function runControl(deps: SlackDeps, ix: Interaction, control: DraftControl): Promise<void> {
  const { workspace } = ix;
  const actor = actorOfIx(deps, ix);
  // Before any work: a form opens on the press's trigger, which expires in 3 s, and a post or a
  // redraw may take longer than Slack waits for the acknowledgement.
  await ix.ack();
  switch (control.kind) {
    case "curate":
      await deps.core.curateLink({ workspace, id: control.id, action: control.action, actor });
      return;
    case "move":
    case "note": {
      const draft = await deps.core.currentDraft({ workspace, period: control.period });
      const entry = draft.entries.find((e) => e.id === control.id);
      if (!entry) throw new UserError("link.unknown", `Link #${control.id} is no longer in this draft.`);
      if (!ix.triggerId)
        throw new UserError("modal.trigger", "Slack didn't let me open the form; try again.");
      await ix.client.views.open({
        trigger_id: ix.triggerId,
        view: draftFormView(control.kind, draft, entry),
      });
      return;
    }
    case "hold":
    case "release": {
      // The draft says who held it by the name people know them by, not their handle.
      const editor = { ...actor, name: await sharerName(deps, ix) };
      await deps.core.holdRoundup({
        workspace,
        period: control.period,
        actor: editor,
        hold: control.kind === "hold",
      });
      return;
    }
    case "post": {
      const outcome = await deps.core.postReviewedNow({ workspace, period: control.period, actor });
      if (outcome.kind === "not-admin" || outcome.kind === "empty-month") {
        throw postRefusalError(outcome, REFUSED);
      }
      const [doc, { channelId }] = [
        await deps.core.buildRoundup({ workspace, period: control.period }),
        await deps.core.getSettings({ workspace }),
      ];
      await ix.followUp(postOutcome(outcome, doc, channelId ?? ""));
      return;
    }
  }
}
