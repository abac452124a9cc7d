/**
 * Sharing a link: `/read add <url> [category] [note]`, the form `/read add` opens, the category
 * buttons on the confirmation, and the "Add to reading list" message shortcut.
 */
import type { types, ViewResponseAction } from "@slack/bolt";
import { categoriesForNewLink, listCategories } from "../../../core/categories/manageCategories.js";
import { isUserError, UserError } from "../../../core/errors.js";
import { type AddLinkResult, addLink } from "../../../core/links/addLink.js";
import { enrichLink } from "../../../core/links/enrichLink.js";
import { editLink } from "../../../core/links/manageLinks.js";
import { noteFromMessage } from "../../../core/links/messageNote.js";
import { getSettings } from "../../../core/settings/manageSettings.js";
import type { Category, Link } from "../../../core/types.js";
import { checkAdmin, type SlackDeps, sharerName } from "../deps.js";
import { clip } from "../escape.js";
import type { Interaction } from "../interaction.js";
import { addConfirmation, type ConfirmationContext, type LookupState } from "../messages.js";
import { splitAddWords } from "../readGrammar.js";
import { APOLOGY, errorReply } from "../replyError.js";
import { firstLink, plainText } from "../slackMarkup.js";

export const ADD_MODAL_CALLBACK = "read_add_modal";
export const ADD_SHORTCUT_CALLBACK = "read_add_from_message";

/**
 * What a confirmation of `link` may need, each read only if it is shown: adding a link with a
 * category costs no query beyond `addLink`'s own.
 */
async function confirmationContext(
  deps: SlackDeps,
  workspace: string,
  link: Link,
  known?: { category: Category | null },
): Promise<ConfirmationContext> {
  let all: Promise<Category[]> | undefined;
  const categories = () => {
    all ??= listCategories(deps, { workspace, includeArchived: true });
    return all;
  };
  return {
    category:
      known !== undefined
        ? known.category
        : link.categoryId === null
          ? null
          : ((await categories()).find((c) => c.id === link.categoryId) ?? null),
    openCategories: async () => (await categories()).filter((c) => !c.archived),
    timeZone: async () => (await getSettings(deps, { workspace })).schedule.timeZone,
  };
}

/**
 * After the answer: reads the page, then `show`s the confirmation again with what it found, or with a
 * brief word that it could not be read.
 */
function enrichLater(
  deps: SlackDeps,
  ix: Interaction,
  link: Link,
  show: (link: Link, lookup: LookupState) => Promise<void>,
): void {
  const { fetcher } = deps;
  if (!fetcher) return;
  deps.background.run("enrich", { team: ix.teamId, link: link.id }, async () => {
    const result = await enrichLink(
      { store: deps.store, fetcher },
      { workspace: ix.workspace, linkId: link.id },
    );
    if (result.status === "gone") return;
    await show(
      result.link,
      result.status === "failed" ? { state: "failed", reason: result.reason } : { state: "done" },
    );
  });
}

/**
 * Adds the link and answers with the confirmation; the page lookup follows. When the first word
 * after the URL may be a category, it is tried as one; if the core knows no such category, the
 * word begins the note instead (nothing is written by a refused add).
 */
async function share(
  deps: SlackDeps,
  ix: Interaction,
  input: { url: string; category: string | null; note: string | null; noteWithoutCategory?: string | null },
): Promise<void> {
  const userName = await sharerName(deps, ix);
  const add = (category: string | null, note: string | null) =>
    addLink(deps, {
      workspace: ix.workspace,
      url: input.url,
      category,
      note,
      userId: ix.userId,
      userName,
      source: "slack",
    });
  let result: AddLinkResult;
  try {
    result = await add(input.category, input.note);
  } catch (error) {
    const notACategory = isUserError(error) && error.code === "category.unknown";
    if (!(notACategory && input.noteWithoutCategory !== undefined)) throw error;
    result = await add(null, input.noteWithoutCategory);
  }
  const pending = deps.fetcher !== undefined && result.status === "added";
  await ix.reply(
    await addConfirmation(
      result,
      await confirmationContext(deps, ix.workspace, result.link, { category: result.category }),
      pending ? { state: "pending" } : { state: "none" },
    ),
  );
  if (pending) {
    enrichLater(deps, ix, result.link, async (link, lookup) => {
      const reply = await addConfirmation(
        { status: "added", link },
        await confirmationContext(deps, ix.workspace, link),
        lookup,
      );
      await ix.followUp({ ...reply, replaceOriginal: true });
    });
  }
}

/** `/read add <url> [category] [note…]`. */
export async function addCommand(deps: SlackDeps, ix: Interaction, input: { url: string; rest: string }) {
  const { candidate, noteAfter, noteAll } = splitAddWords(input.rest);
  if (candidate === null) await share(deps, ix, { url: input.url, category: null, note: noteAll });
  else
    await share(deps, ix, {
      url: input.url,
      category: candidate,
      note: noteAfter,
      noteWithoutCategory: noteAll,
    });
}

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

/** `/read add` alone: opens the form (the trigger expires in 3 s, so this goes first). */
export async function openAddModal(deps: SlackDeps, ix: Interaction): Promise<void> {
  await ix.ack();
  if (!ix.triggerId)
    throw new UserError("modal.trigger", "Slack didn't let me open the form; try /read add <url>.");
  await ix.client.views.open({
    trigger_id: ix.triggerId,
    view: addModalView(await categoriesForNewLink(deps, { workspace: ix.workspace }), ix.channelId),
  });
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
    result = await addLink(deps, {
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
  if (!deps.fetcher || result.status !== "added") {
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

/** A category button on a confirmation: files the link there and updates the confirmation. */
export async function pickCategory(deps: SlackDeps, ix: Interaction, value: string): Promise<void> {
  let parsed: { link?: unknown; category?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    parsed = {};
  }
  if (typeof parsed.link !== "number" || typeof parsed.category !== "number") {
    throw new UserError("action.invalid", "That button is out of date; use /read edit instead.");
  }
  const input = { workspace: ix.workspace, id: parsed.link, categoryId: parsed.category };
  try {
    await editLink(deps, { ...input, actor: { userId: ix.userId, isAdmin: false } });
  } catch (error) {
    if (!(isUserError(error) && error.code === "link.notYours" && (await checkAdmin(deps, ix)))) throw error;
    await editLink(deps, { ...input, actor: { userId: ix.userId, isAdmin: true } });
  }
  const link = await deps.store.links.get(ix.workspace, parsed.link);
  if (!link) throw new UserError("link.unknown", `There's no link #${parsed.link} here.`);
  const reply = await addConfirmation(
    { status: "added", link },
    await confirmationContext(deps, ix.workspace, link),
    { state: "none" },
  );
  await ix.followUp({ ...reply, replaceOriginal: true });
}

/** The message shortcut: shares the first link in the message, with the message's text as the note. */
export async function addFromMessage(
  deps: SlackDeps,
  ix: Interaction,
  message: { text?: string; blocks?: unknown },
): Promise<void> {
  await ix.ack();
  const url = firstLink(messageLinkText(message));
  if (!url) throw new UserError("message.noLink", "That message has no link to add.");
  const note = noteFromMessage(plainText(message.text ?? ""), url);
  await share(deps, ix, { url, category: null, note });
}

/** Link markup from a message's text, plus links that only live in its rich-text blocks. */
function messageLinkText(message: { text?: string; blocks?: unknown }): string {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "link" && typeof record.url === "string") found.push(`<${record.url}>`);
      for (const value of Object.values(record)) if (typeof value === "object") walk(value);
    }
  };
  walk(message.blocks);
  return [message.text ?? "", ...found].join(" ");
}
