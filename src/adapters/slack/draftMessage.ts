/**
 * One page of the review draft as a Slack message: a header with the draft's status and due time, a
 * section per link with an overflow menu of its controls, and "Post now" / "Hold". Within Block Kit's
 * limits for `DRAFT_PAGE_SIZE` links whatever the links hold: each entry is cut to `ENTRY_MAX`
 * characters (the forms show a note whole).
 */
import type { types } from "@slack/bolt";
import { voteTally } from "../../core/render/votesText.js";
import type { DraftEntry, DraftPage, ReviewDraft } from "../../core/review/reviewDraft.js";
import { formatLocalDateTime } from "../../core/time/formatLocal.js";
import {
  controlValue,
  DRAFT_HOLD_ACTION,
  DRAFT_LINK_ACTION,
  DRAFT_POST_ACTION,
  type DraftControl,
} from "./draftControls.js";
import { clip, escapeMrkdwn, mrkdwnLink, oneLine } from "./escape.js";
import { type Block, chunkMrkdwn, escapeBlock, SLACK_LIMITS, type SlackMessage, section } from "./render.js";

/**
 * Links per draft message. Blocks: 2 for the header and status, one per link, one for the buttons (of
 * 50); text: 15 entries of at most `ENTRY_MAX` stay under `SLACK_LIMITS.messageText`.
 */
export const DRAFT_PAGE_SIZE = 15;
/** The most characters one link's section holds in the draft (Slack's own cap is 3,000). */
export const ENTRY_MAX = 700;
/** A note is previewed; "Edit note…" shows it whole. */
const NOTE_PREVIEW = 280;
const TITLE_MAX = 200;

function when(draft: ReviewDraft): string {
  return `${formatLocalDateTime(draft.dueAt, draft.timeZone)} (${escapeMrkdwn(draft.timeZone)})`;
}

/** The draft's status, as the line under its header says it. */
export function statusText(draft: ReviewDraft): string {
  switch (draft.status) {
    case "open":
      return `:memo: *Open for review.* It goes out on ${when(draft)} unless someone holds it.`;
    case "held":
      return `:double_vertical_bar: *Held by ${escapeMrkdwn(oneLine(draft.heldBy ?? "an admin"))}.* It was due on ${when(draft)}; it waits for *Post now*.`;
    case "posted":
      return ":white_check_mark: *Posted.* Changes now only reach the web archive.";
  }
}

/** One link as the editors see it: title, where it appears, who shared it, votes, pick, note. */
export function entryText(entry: DraftEntry): string {
  const title = clip(oneLine(entry.title) || entry.url, TITLE_MAX);
  const marks = [
    entry.dropped ? ":no_entry_sign: _dropped_" : `_${escapeMrkdwn(oneLine(entry.section ?? "Other"))}_`,
    `shared by ${escapeMrkdwn(oneLine(entry.sharedBy))}`,
    voteTally(entry.votes),
    ...(entry.picked ? ["⭐ picked"] : []),
  ];
  const lines = [`*#${entry.id}* ${mrkdwnLink(entry.url, title)}`, marks.join(" · ")];
  if (entry.note) lines.push(`> ${escapeBlock(clip(entry.note, NOTE_PREVIEW)).replace(/\n/g, "\n> ")}`);
  const text = lines.join("\n");
  if (text.length <= ENTRY_MAX) return text;
  // A very long address: cut between words and links, never inside one.
  return `${chunkMrkdwn(text, ENTRY_MAX - 1)[0] ?? ""}…`;
}

function option(text: string, control: DraftControl): types.PlainTextOption {
  return { text: { type: "plain_text", text, emoji: true }, value: controlValue(control) };
}

/** The overflow menu beside a link: what applies to it as it stands. */
function linkMenu(entry: DraftEntry, period: string): types.Overflow {
  const { id } = entry;
  const curate = (action: "drop" | "restore" | "pick" | "unpick") => ({
    kind: "curate" as const,
    action,
    period,
    id,
  });
  const options = [
    entry.picked ? option("Unpick", curate("unpick")) : option("⭐ Pick", curate("pick")),
    entry.dropped ? option("Restore", curate("restore")) : option("Drop", curate("drop")),
    option("Move…", { kind: "move", period, id }),
    option("Edit note…", { kind: "note", period, id }),
  ];
  return { type: "overflow", action_id: DRAFT_LINK_ACTION, options };
}

function controls(draft: ReviewDraft): Block {
  const { period } = draft;
  const held = draft.status === "held";
  return {
    type: "actions",
    block_id: "draft_controls",
    elements: [
      {
        type: "button",
        action_id: DRAFT_POST_ACTION,
        style: "primary",
        text: { type: "plain_text", text: "Post now" },
        value: controlValue({ kind: "post", period }),
        confirm: {
          title: { type: "plain_text", text: "Post the roundup now?" },
          text: {
            type: "plain_text",
            text: clip(`"${oneLine(draft.title)}" goes to the roundup channel as the draft shows it.`, 300),
          },
          confirm: { type: "plain_text", text: "Post now" },
          deny: { type: "plain_text", text: "Not yet" },
        },
      },
      {
        type: "button",
        action_id: DRAFT_HOLD_ACTION,
        text: { type: "plain_text", text: held ? "Release hold" : "Hold" },
        value: controlValue({ kind: held ? "release" : "hold", period }),
      },
    ],
  };
}

/** One page of the draft as a message. */
export function renderDraftPage(page: DraftPage): SlackMessage {
  const { draft } = page;
  const part = page.count > 1 ? ` (${page.index + 1} of ${page.count})` : "";
  const links = draft.entries.length === 1 ? "1 link" : `${draft.entries.length} links`;
  const blocks: Block[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: clip(`Draft: ${oneLine(draft.title)}${part}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    section(
      `${statusText(draft)}\n${links}. Use ⋯ beside a link to pick, drop or move it or to edit its note.`,
    ),
  ];
  if (draft.entries.length === 0) {
    blocks.push(section(`No links were shared in ${escapeMrkdwn(draft.periodLabel)} yet.`));
  }
  for (const entry of page.entries) {
    blocks.push({
      type: "section",
      block_id: `link_${entry.id}`,
      text: { type: "mrkdwn", text: entryText(entry), verbatim: true },
      accessory: linkMenu(entry, draft.period),
    });
  }
  if (draft.status !== "posted") blocks.push(controls(draft));
  return {
    text: `Draft of the ${escapeMrkdwn(draft.periodLabel)} roundup${part}: ${draft.status === "held" ? "held" : draft.status}`,
    blocks,
  };
}
