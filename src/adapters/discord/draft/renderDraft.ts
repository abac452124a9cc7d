/**
 * A page of the review draft as one Discord message: an embed listing the page's links with their
 * place in the roundup, the draft's status and due time, and the controls editors press (a menu to
 * choose a link, "Post now", "Hold" or "Release hold"). Within Discord's limits for `DRAFT_PAGE_SIZE`
 * links whatever they hold: an entry too long for its share of the embed is shown in a shorter form.
 */
import { type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { votesText } from "../../../core/render/votesText.js";
import type { DraftEntry, DraftPage, ReviewDraft } from "../../../core/review/reviewDraft.js";
import { formatLocalDateTime } from "../../../core/time/formatLocal.js";
import type { ActionRow } from "../context.js";
import { clip, escapeDiscord, maskedLink, oneLine } from "../escape.js";
import { DISCORD_LIMITS, EMBED_COLOR } from "../render.js";
import { draftControlId } from "./draftIds.js";

/** Links per draft message: well under a select's 25 options, and each entry gets some 370 characters. */
export const DRAFT_PAGE_SIZE = 10;

/** Room the status line takes at most (a held-by name is clipped to 60 characters, escaped). */
const HEADER_ROOM = 320;
/** What each entry may take of the description, separators included. */
const ENTRY_ROOM = Math.floor((DISCORD_LIMITS.embedDescription - HEADER_ROOM) / DRAFT_PAGE_SIZE) - 2;

export interface DraftMessage {
  embeds: APIEmbed[];
  components: ActionRow[];
}

function when(draft: ReviewDraft): string {
  return `${formatLocalDateTime(draft.dueAt, draft.timeZone)} (${draft.timeZone})`;
}

/** Where the draft stands: open and when it posts, held and by whom, or posted. */
export function statusLine(draft: ReviewDraft): string {
  switch (draft.status) {
    case "posted":
      return "✅ **Posted.** Changes here no longer change what went out.";
    case "held":
      return `⏸️ **Held by ${escapeDiscord(clip(oneLine(draft.heldBy ?? "an admin"), 60))}**: due ${when(draft)}, it waits until someone presses Post now or Release hold.`;
    case "open":
      return `🟢 **Open**: posts ${when(draft)} unless someone holds it.`;
  }
}

/** Where the entry stands: its section or "dropped", its votes, whether it is a pick. */
export function entryMeta(entry: DraftEntry, maxSection = 60): string {
  const place = entry.dropped
    ? "~~dropped~~"
    : escapeDiscord(clip(oneLine(entry.section ?? "Other"), maxSection));
  return [place, votesText(entry.votes), entry.picked ? "⭐ pick" : ""].filter(Boolean).join(" · ");
}

function fullEntry(entry: DraftEntry): string {
  const title = clip(oneLine(entry.title), 100);
  const lines = [`**${entry.id}.** ${maskedLink(title, entry.url)}`, `-# ${entryMeta(entry)}`];
  if (entry.note) lines.push(`> ${escapeDiscord(clip(oneLine(entry.note), 120))}`);
  return lines.join("\n");
}

/** Without the address and with less of everything: at most some 300 characters, however escaped. */
function shortEntry(entry: DraftEntry): string {
  const lines = [
    `**${entry.id}.** ${escapeDiscord(clip(oneLine(entry.title), 50))}`,
    `-# ${entryMeta(entry, 30)}`,
  ];
  if (entry.note) lines.push(`> ${escapeDiscord(clip(oneLine(entry.note), 50))}`);
  return lines.join("\n");
}

export function entryText(entry: DraftEntry): string {
  const full = fullEntry(entry);
  return full.length <= ENTRY_ROOM ? full : shortEntry(entry);
}

function pageEmbed(page: DraftPage): APIEmbed {
  const { draft } = page;
  const entries =
    page.entries.length > 0
      ? page.entries.map(entryText).join("\n\n")
      : `No links shared in ${escapeDiscord(draft.periodLabel)} yet.`;
  const pageOf = page.count > 1 ? ` · page ${page.index + 1} of ${page.count}` : "";
  return {
    color: EMBED_COLOR,
    title: clip(`Draft: ${escapeDiscord(draft.title)}`, DISCORD_LIMITS.embedTitle),
    description: `${statusLine(draft)}\n\n${entries}`,
    footer: {
      text: `${draft.periodLabel}${pageOf} · Choose a link to drop, pick, move it or edit its note.`,
    },
  };
}

/** The menu that opens a link's controls: one option per link on the page. */
function linkMenu(page: DraftPage): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: draftControlId("link", page.draft.period),
        placeholder: "Choose a link to edit",
        min_values: 1,
        max_values: 1,
        options: page.entries.map((entry) => ({
          label: clip(`${entry.id}. ${oneLine(entry.title)}`, 100),
          value: String(entry.id),
          description: clip(
            [
              entry.dropped ? "dropped" : oneLine(entry.section ?? "Other"),
              entry.picked ? "⭐ pick" : "",
              votesText(entry.votes),
            ]
              .filter(Boolean)
              .join(" · "),
            100,
          ),
        })),
      },
    ],
  };
}

function draftButtons(draft: ReviewDraft): ActionRow {
  const posted = draft.status === "posted";
  const held = draft.status === "held";
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: "Post now",
        custom_id: draftControlId("post", draft.period),
        disabled: posted,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: held ? "Release hold" : "Hold",
        custom_id: draftControlId(held ? "release" : "hold", draft.period),
        disabled: posted,
      },
    ],
  };
}

export function renderDraftPage(page: DraftPage): DraftMessage {
  const rows = page.entries.length > 0 ? [linkMenu(page)] : [];
  return { embeds: [pageEmbed(page)], components: [...rows, draftButtons(page.draft)] };
}
