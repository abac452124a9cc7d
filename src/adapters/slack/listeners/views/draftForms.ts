/**
 * The review draft's two forms: "Move…" (a category, the link's own chosen) and "Edit note…" (the
 * note, whole). Their private metadata holds the period and the link id, never the workspace: that
 * comes from the team that submits. Refusals show under the field and the form stays open; a change
 * closes it, and the core redraws the draft.
 */
import type { types, ViewResponseAction } from "@slack/bolt";
import { isUserError } from "../../../../core/errors.js";
import { MAX_NOTE_LENGTH } from "../../../../core/links/linkText.js";
import type { DraftEntry, ReviewDraft } from "../../../../core/review/reviewDraft.js";
import { actorOfIx, type SlackDeps } from "../../deps.js";
import { NOT_EDITOR } from "../../draftControls.js";
import { clip, oneLine } from "../../escape.js";
import type { Interaction } from "../../interaction.js";
import { APOLOGY, errorReply } from "../../replyError.js";

export const DRAFT_MOVE_CALLBACK = "read_draft_move";
export const DRAFT_NOTE_CALLBACK = "read_draft_note";
/** The field each form shows its refusals under. */
const FIELD = "value";
/** The option that files a link under no category. */
const OTHER = "other";

interface FormTarget {
  period: string;
  id: number;
}

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: "plain_text",
  text: clip(oneLine(text) || " ", max),
  emoji: true,
});

function categoryOption(id: string, label: string): types.PlainTextOption {
  return { text: plain(label, 75), value: id };
}

/** "Move…" or "Edit note…" for one link of the draft. */
export function draftFormView(kind: "move" | "note", draft: ReviewDraft, entry: DraftEntry): types.ModalView {
  const target: FormTarget = { period: draft.period, id: entry.id };
  const intro: types.KnownBlock = {
    type: "context",
    elements: [{ type: "plain_text", text: clip(`#${entry.id} ${oneLine(entry.title)}`, 2000), emoji: true }],
  };
  let field: types.KnownBlock;
  if (kind === "move") {
    const options = [
      ...draft.categories
        .slice(0, 99)
        .map((c) => categoryOption(String(c.id), c.emoji ? `${c.emoji} ${c.name}` : c.name)),
      categoryOption(OTHER, "Other"),
    ];
    const current =
      options.find((o) => o.value === String(entry.categoryId)) ?? (options.at(-1) as types.PlainTextOption);
    field = {
      type: "input",
      block_id: FIELD,
      label: { type: "plain_text", text: "Category" },
      element: { type: "static_select", action_id: FIELD, options, initial_option: current },
    };
  } else {
    field = {
      type: "input",
      block_id: FIELD,
      optional: true,
      label: { type: "plain_text", text: "Note" },
      hint: { type: "plain_text", text: "Why read it. Leave it empty for no note." },
      element: {
        type: "plain_text_input",
        action_id: FIELD,
        multiline: true,
        max_length: MAX_NOTE_LENGTH,
        ...(entry.note ? { initial_value: entry.note } : {}),
      },
    };
  }
  return {
    type: "modal",
    callback_id: kind === "move" ? DRAFT_MOVE_CALLBACK : DRAFT_NOTE_CALLBACK,
    title: { type: "plain_text", text: kind === "move" ? "Move a link" : "Edit the note" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(target),
    blocks: [intro, field],
  };
}

export type DraftFormSubmission =
  | { kind: "move"; id: number; categoryId: number | null }
  | { kind: "note"; id: number; note: string | null };

/** Reads a submitted form; null when its metadata is not one of ours. */
export function readDraftForm(
  callbackId: string,
  view: { state: { values: Record<string, Record<string, unknown>> }; private_metadata: string },
): DraftFormSubmission | null {
  let target: Partial<FormTarget>;
  try {
    target = JSON.parse(view.private_metadata || "{}") as Partial<FormTarget>;
  } catch {
    return null;
  }
  if (typeof target.id !== "number" || !Number.isSafeInteger(target.id)) return null;
  const state = view.state.values[FIELD]?.[FIELD] as
    | { value?: string | null; selected_option?: { value: string } | null }
    | undefined;
  if (callbackId === DRAFT_MOVE_CALLBACK) {
    const chosen = state?.selected_option?.value ?? OTHER;
    return { kind: "move", id: target.id, categoryId: chosen === OTHER ? null : Number(chosen) };
  }
  return { kind: "note", id: target.id, note: state?.value ?? null };
}

/** Saves a submitted form as its editor; refusals go under the field and keep the form open. */
export async function submitDraftForm(
  deps: SlackDeps,
  ix: Interaction,
  form: DraftFormSubmission | null,
  ackView: (response?: ViewResponseAction) => Promise<void>,
): Promise<void> {
  const refuse = (text: string) => ackView({ response_action: "errors", errors: { [FIELD]: text } });
  if (!form) {
    await refuse("This form is out of date; open it again from the draft.");
    return;
  }
  const actor = actorOfIx(deps, ix);
  try {
    if (!(await actor.isAdmin())) {
      await refuse(NOT_EDITOR);
      return;
    }
    const change = form.kind === "move" ? { categoryId: form.categoryId } : { note: form.note ?? "" };
    await deps.core.editLink({ workspace: ix.workspace, id: form.id, actor, ...change });
  } catch (error) {
    if (!isUserError(error))
      errorReply(error, deps.logger, { command: "draft form", team: ix.teamId, user: ix.userId });
    await refuse(isUserError(error) ? error.message : APOLOGY);
    return;
  }
  await ackView();
}
