/**
 * What the review draft tests share: a workspace with review on, Slack's payloads for a press on the
 * draft and for its forms, and a reading of a draft message as a reviewer sees it.
 */
import { expect } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import type { Link } from "../../src/core/types.js";
import { allText, type Harness, waitFor } from "./harness.js";
import type { PostedMessage } from "./mockSlackApi.js";

export const T1 = "slack:T1";
export const ROUNDUP_CHANNEL = "CROUND";
export const REVIEW_CHANNEL = "CREVIEW";
/** The July 2026 roundup is due on 1 August at 09:00 UTC; its draft three days before. */
export const DRAFT_AT = "2026-07-29T09:00:00Z";
export const DUE_AT = "2026-08-01T09:00:00Z";

/** Runs `/read <text>` as an admin and expects it to be taken. */
export async function asAdmin(h: Harness, text: string): Promise<string> {
  const res = await h.command(text, { user: "UADMIN" });
  expect(res.status).toBe(200);
  const answer = allText(res.body);
  expect(answer).not.toContain(":warning:");
  return answer;
}

/** T1 posts its roundup on the 1st at 09:00 UTC to CROUND, with a draft in CREVIEW 3 days before. */
export async function reviewedWorkspace(h: Harness): Promise<void> {
  await asAdmin(h, `config channel <#${ROUNDUP_CHANNEL}|roundup>`);
  await asAdmin(h, "config schedule 1 09:00 UTC");
  await asAdmin(h, `config review 3 <#${REVIEW_CHANNEL}|review>`);
}

/** Shares a link in July 2026 as `user`. */
export async function share(
  h: Harness,
  input: { url: string; user?: string; name?: string; category?: string; note?: string; day?: number },
): Promise<Link> {
  const day = String(input.day ?? 10).padStart(2, "0");
  const { link } = await addLink(
    { store: h.store, clock: h.clock },
    {
      workspace: T1,
      url: input.url,
      category: input.category ?? null,
      note: input.note ?? null,
      userId: input.user ?? "UAMY",
      userName: input.name ?? "Amy",
      source: "slack",
      at: Date.parse(`2026-07-${day}T10:00:00Z`),
    },
  );
  return link;
}

/** The draft's pages in the review channel (the reminders in its thread left out), in order. */
export function draftPages(h: Harness): PostedMessage[] {
  return h.api.messagesIn(REVIEW_CHANNEL).filter((m) => m.threadTs === null);
}

export interface Block {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  accessory?: { type: string; action_id: string; options: { text: { text: string }; value: string }[] };
  elements?: { type: string; action_id: string; value: string; text: { text: string } }[];
}

const blocksOf = (message: PostedMessage) => message.blocks as Block[];

/** A link's section in a draft message, or undefined when that page does not show it. */
export function entryBlock(message: PostedMessage, id: number): Block | undefined {
  return blocksOf(message).find((b) => b.block_id === `link_${id}`);
}

/** A link's line in a draft page, as a reviewer reads it. */
export function entryText(message: PostedMessage, id: number): string {
  return entryBlock(message, id)?.text?.text ?? "";
}

/** The overflow option of a link whose label starts with `label`. */
export function menuOption(message: PostedMessage, id: number, label: string) {
  const option = entryBlock(message, id)?.accessory?.options.find((o) => o.text.text.includes(label));
  if (!option) throw new Error(`no "${label}" in the menu of #${id}`);
  return option;
}

/** A button of the draft page ("Post now", "Hold", "Release hold"). */
export function button(message: PostedMessage, label: string) {
  const found = blocksOf(message)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.text.text === label);
  if (!found) throw new Error(`no "${label}" button`);
  return found;
}

/** The ids of the links a page shows, in order. */
export function entryIds(message: PostedMessage): number[] {
  return blocksOf(message)
    .filter((b) => b.block_id?.startsWith("link_"))
    .map((b) => Number(b.block_id?.slice(5)));
}

/** Slack's block_actions payload for `user` pressing `action` on a draft message. */
export function press(
  message: PostedMessage,
  action: Record<string, unknown>,
  user: string,
): Record<string, unknown> {
  return {
    type: "block_actions",
    team: { id: "T1", domain: "t" },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: `trigger-${user}-${message.ts}`,
    container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    channel: { id: message.channel, name: "review" },
    message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks },
    actions: [{ ...action, action_ts: "1.3" }],
  };
}

/** Picks `label` in link `id`'s menu on `message`; answers with the request's response id. */
export async function pickFromMenu(
  h: Harness,
  message: PostedMessage,
  id: number,
  label: string,
  user = "UADMIN",
): Promise<string> {
  const option = menuOption(message, id, label);
  const res = await h.interact(
    press(
      message,
      {
        type: "overflow",
        block_id: `link_${id}`,
        action_id: "read_draft_link",
        selected_option: { text: { type: "plain_text", text: option.text.text }, value: option.value },
      },
      user,
    ),
  );
  expect(res.status).toBe(200);
  return res.responseId;
}

/** Presses a button of `message`; answers with the request's response id. */
export async function pressButton(
  h: Harness,
  message: PostedMessage,
  label: string,
  user = "UADMIN",
): Promise<string> {
  const found = button(message, label);
  const res = await h.interact(
    press(
      message,
      {
        type: "button",
        block_id: "draft_controls",
        action_id: found.action_id,
        value: found.value,
        text: { type: "plain_text", text: label },
      },
      user,
    ),
  );
  expect(res.status).toBe(200);
  return res.responseId;
}

export interface OpenedForm {
  callback_id: string;
  private_metadata: string;
  blocks: {
    block_id?: string;
    element?: {
      type: string;
      options?: { text: { text: string }; value: string }[];
      initial_option?: { value: string };
      initial_value?: string;
    };
  }[];
}

/** The form the `n`th views.open call opened. */
export async function openedForm(h: Harness, n: number): Promise<OpenedForm> {
  const call = await waitFor(() => h.api.callsTo("views.open")[n]);
  return call.params.view as OpenedForm;
}

/** Submits a draft form with `value` (a category option's value, or a note); returns Slack's answer. */
export function submitForm(h: Harness, form: OpenedForm, value: string, user = "UADMIN") {
  const element =
    form.callback_id === "read_draft_move"
      ? { type: "static_select", selected_option: { value, text: { type: "plain_text", text: "x" } } }
      : { type: "plain_text_input", value };
  return h.interact(
    {
      type: "view_submission",
      team: { id: "T1", domain: "t" },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "trigger-v",
      view: {
        id: "V2",
        type: "modal",
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        hash: "h",
        state: { values: { value: { value: element } } },
      },
    },
    false,
  );
}

/**
 * Block Kit's limits (50 blocks, 3,000 characters a section, 150 a header, overflow options' values
 * and labels 75) and ours (12,000 characters a message), and no text that pings anyone.
 */
export function expectDraftWithinLimits(message: PostedMessage): void {
  const blocks = blocksOf(message);
  expect(blocks.length).toBeLessThanOrEqual(50);
  let chars = 0;
  for (const block of blocks) {
    const text = block.text?.text ?? "";
    chars += text.length;
    expect(text.length).toBeLessThanOrEqual(block.type === "header" ? 150 : 3000);
    for (const option of block.accessory?.options ?? []) {
      expect(option.value.length).toBeLessThanOrEqual(75);
      expect(option.text.text.length).toBeLessThanOrEqual(75);
    }
    const options = block.accessory?.options.length ?? 2;
    expect(options).toBeGreaterThanOrEqual(2);
    expect(options).toBeLessThanOrEqual(5);
  }
  expect(chars).toBeLessThanOrEqual(12_000);
  const all = allText({ text: message.text, blocks });
  expect(all).not.toMatch(/<!(channel|here|everyone|subteam)/);
  expect(all).not.toMatch(/<@[UW]/);
}
