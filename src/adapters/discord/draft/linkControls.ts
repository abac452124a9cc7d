/**
 * One link's controls, shown privately to the editor who chose it from a draft message: Drop or
 * Restore, Pick or Unpick, "Edit note" (a form with the note filled in) and a menu of sections to move
 * it to. Redrawn after each press, so they always show the link as it now stands.
 */
import {
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord.js";
import { MAX_NOTE_LENGTH } from "../../../core/links/linkText.js";
import type { DraftEntry, ReviewDraft } from "../../../core/review/reviewDraft.js";
import type { ActionRow, Answer } from "../context.js";
import { clip, escapeDiscord, maskedLink, oneLine } from "../escape.js";
import { DISCORD_LIMITS } from "../render.js";
import { linkControlId } from "./draftIds.js";
import { entryMeta } from "./renderDraft.js";

/** The field of the note form. */
export const NOTE_FIELD = "note";
/** "Other": no category. */
export const NO_CATEGORY = "none";

const OPTIONS_PER_MENU = 25;
/** Discord's longest text input. */
const MAX_MODAL_INPUT = 4_000;
/** A row of buttons, then at most four section menus: Discord's five rows. */
const MAX_MENUS = 4;

function buttons(draft: ReviewDraft, entry: DraftEntry): ActionRow {
  const id = (control: Parameters<typeof linkControlId>[0]) => linkControlId(control, draft.period, entry.id);
  return {
    type: ComponentType.ActionRow,
    components: [
      entry.dropped
        ? {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            label: "Restore",
            custom_id: id("restore"),
          }
        : { type: ComponentType.Button, style: ButtonStyle.Danger, label: "Drop", custom_id: id("drop") },
      entry.picked
        ? {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: "Unpick",
            custom_id: id("unpick"),
          }
        : { type: ComponentType.Button, style: ButtonStyle.Primary, label: "⭐ Pick", custom_id: id("pick") },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Edit note", custom_id: id("note") },
    ],
  };
}

/** The sections a link can move to ("Other" last), 25 to a menu, as many menus as fit. */
function sectionMenus(draft: ReviewDraft, entry: DraftEntry): ActionRow[] {
  const choices = [
    ...draft.categories.map((c) => ({
      label: clip(oneLine(c.emoji ? `${c.emoji} ${c.name}` : c.name), 100),
      value: String(c.id),
      default: entry.categoryId === c.id,
    })),
    { label: "Other", value: NO_CATEGORY, default: entry.categoryId === null },
  ];
  const menus: ActionRow[] = [];
  for (let part = 0; part * OPTIONS_PER_MENU < choices.length && part < MAX_MENUS; part++) {
    menus.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: linkControlId("move", draft.period, entry.id, part),
          placeholder: part === 0 ? "Move to a section" : "Move to a section (more)",
          min_values: 1,
          max_values: 1,
          options: choices.slice(part * OPTIONS_PER_MENU, (part + 1) * OPTIONS_PER_MENU),
        },
      ],
    });
  }
  return menus;
}

/** The link's controls; `said` is what the last press did, shown above them. */
export function linkControls(draft: ReviewDraft, entry: DraftEntry, said?: string): Answer {
  const lines = [
    ...(said ? [said] : []),
    `**${entry.id}.** ${maskedLink(clip(oneLine(entry.title), 200), entry.url)}`,
    `-# ${entryMeta(entry, 100)} · shared by ${escapeDiscord(clip(oneLine(entry.sharedBy), 60))}`,
    entry.note ? `> ${escapeDiscord(clip(oneLine(entry.note), 1_000))}` : "-# No note.",
  ];
  return {
    content: clip(lines.join("\n"), DISCORD_LIMITS.content),
    embeds: [],
    components: [buttons(draft, entry), ...sectionMenus(draft, entry)],
  };
}

/** The note form, the note filled in; an empty note removes it. */
export function noteModal(period: string, entry: DraftEntry): APIModalInteractionResponseCallbackData {
  return {
    custom_id: linkControlId("note", period, entry.id),
    title: clip(`Note on link ${entry.id}`, 45),
    components: [
      {
        type: ComponentType.Label,
        label: "Note",
        description: "Why read it? Leave it empty to remove the note.",
        component: {
          type: ComponentType.TextInput,
          custom_id: NOTE_FIELD,
          style: TextInputStyle.Paragraph,
          required: false,
          // The core counts characters, Discord perhaps UTF-16 units: room for the whole note, never cut.
          max_length: Math.min(MAX_MODAL_INPUT, Math.max(MAX_NOTE_LENGTH, entry.note?.length ?? 0)),
          ...(entry.note ? { value: entry.note } : {}),
        },
      },
    ],
  };
}
