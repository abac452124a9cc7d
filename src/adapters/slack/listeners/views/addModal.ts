/**
 * The add form: what `/read add` alone opens, and its submission. Refusals are shown next to their
 * field; on success the confirmation is posted privately where `/read add` was typed.
 */
import type { types, ViewResponseAction } from "@slack/bolt";
import { isUserError } from "../../../../core/errors.js";
import type { AddLinkResult } from "../../../../core/links/addLink.js";
import type { Category } from "../../../../core/types.js";
import { type SlackDeps, sharerName } from "../../deps.js";
import { clip } from "../../escape.js";
import type { Interaction } from "../../interaction.js";
import { addConfirmation, type LookupState } from "../../messages.js";
import { APOLOGY, errorReply } from "../../replyError.js";
import { confirmationContext, enrichLater } from "../../shareLink.js";

export const ADD_MODAL_CALLBACK = "read_add_modal";

/** The form `/read add` opens: link, category, note. */
export function addModalView(categories: Category[], channelId: string | null): types.ModalView {
  const blocks: types.KnownBlock[] = [
    {
      type: "input",
      block_id: "url",
      label: { type: "plain_text", text: "Link" },
      element: {
        type: "url_text_input",
        action_id: "value",
        placeholder: { type: "plain_text", text: "https://…" },
      },
    },
  ];
  if (categories.length > 0) {
    blocks.push({
      type: "input",
      block_id: "category",
      optional: true,
      label: { type: "plain_text", text: "Category" },
      element: {
        type: "static_select",
        action_id: "value",
        placeholder: { type: "plain_text", text: "Other" },
        options: categories.slice(0, 100).map((c) => ({
          text: {
            type: "plain_text",
            text: clip(c.emoji ? `${c.emoji} ${c.name}` : c.name, 75),
            emoji: true,
          },
          value: String(c.id),
        })),
      },
    });
  }
  blocks.push({
    type: "input",
    block_id: "note",
    optional: true,
    label: { type: "plain_text", text: "Why read it?" },
    element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 1000 },
  });
  return {
    type: "modal",
    callback_id: ADD_MODAL_CALLBACK,
    title: { type: "plain_text", text: "Add to reading list" },
    submit: { type: "plain_text", text: "Add" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify({ channel: channelId }),
    blocks,
  };
}

export interface AddModalSubmission {
  url: string;
  categoryId: string | null;
  note: string | null;
  /** Where `/read add` was typed: the confirmation goes there. */
  channelId: string | null;
}

/** Reads the form's state. */
export function readAddModal(view: {
  state: { values: Record<string, Record<string, unknown>> };
  private_metadata: string;
}) {
  const value = (block: string) =>
    view.state.values[block]?.value as
      | { value?: string | null; selected_option?: { value: string } | null }
      | undefined;
  let channelId: string | null = null;
  try {
    const meta = JSON.parse(view.private_metadata || "{}") as { channel?: unknown };
    if (typeof meta.channel === "string") channelId = meta.channel;
  } catch {
    // No channel: the confirmation goes to the app's DM.
  }
  return {
    url: value("url")?.value ?? "",
    categoryId: value("category")?.selected_option?.value ?? null,
    note: value("note")?.value ?? null,
    channelId,
  } satisfies AddModalSubmission;
}

/** Which form field a refusal belongs next to. */
function fieldOf(code: string): "url" | "category" | "note" {
  if (code.startsWith("category.")) return "category";
  if (code.startsWith("note.")) return "note";
  return "url";
}

/**
 * The form was submitted. Refusals are shown next to their field and the form stays open; on success
 * it closes and the confirmation is posted privately where `/read add` was typed.
 */
export async function submitAddModal(
  deps: SlackDeps,
  ix: Interaction,
  form: AddModalSubmission,
  ackView: (response?: ViewResponseAction) => Promise<void>,
): Promise<void> {
  let result: AddLinkResult;
  try {
    const userName = await sharerName(deps, ix);
    result = await deps.core.addLink({
      workspace: ix.workspace,
      url: form.url,
      categoryId: form.categoryId === null ? null : Number(form.categoryId),
      note: form.note,
      userId: ix.userId,
      userName,
      source: "slack",
    });
  } catch (error) {
    // Form errors are plain text, shown under the field; anything unexpected is logged as usual.
    if (!isUserError(error))
      errorReply(error, deps.logger, { command: "add (form)", team: ix.teamId, user: ix.userId });
    const text = isUserError(error) ? error.message : APOLOGY;
    const field = isUserError(error) ? fieldOf(error.code) : "url";
    await ackView({ response_action: "errors", errors: { [field]: text } });
    return;
  }
  await ackView();
  if (!deps.core.fetches || result.status !== "added") {
    await confirmForm(deps, ix, form.channelId, result, { state: "none" });
    return;
  }
  // A private confirmation cannot be edited later, so it waits for the page and says what was found;
  // the form closing already told the sharer that the link is in.
  const { category } = result;
  enrichLater(deps, ix, result.link, (link, lookup) =>
    confirmForm(deps, ix, form.channelId, { status: "added", link, category }, lookup),
  );
}

/** The form's confirmation, privately where `/read add` was typed, else in the app's DM. */
async function confirmForm(
  deps: SlackDeps,
  ix: Interaction,
  channelId: string | null,
  result: AddLinkResult,
  lookup: LookupState,
): Promise<void> {
  const reply = await addConfirmation(
    result,
    await confirmationContext(deps, ix.workspace, result.link, { category: result.category }),
    lookup,
  );
  try {
    if (!channelId) throw new Error("no channel");
    await ix.client.chat.postEphemeral({
      channel: channelId,
      user: ix.userId,
      text: reply.text,
      ...(reply.blocks ? { blocks: reply.blocks } : {}),
    });
  } catch {
    // Not a channel the app can reach (a DM between people): the app's own DM always is.
    await ix.client.chat
      .postMessage({
        channel: ix.userId,
        text: reply.text,
        ...(reply.blocks ? { blocks: reply.blocks } : {}),
      })
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, team: ix.teamId }, "could not confirm a form"),
      );
  }
}
