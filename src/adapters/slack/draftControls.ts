/**
 * What the review draft's controls say when pressed. A control's value carries everything the press
 * needs that survives a restart (the period and the link id: `drop:2026-07:12`); the workspace comes
 * from the team that pressed it. Slack caps an overflow option's value at 75 characters: these stay
 * under 40.
 */
import { CURATE_ACTIONS, type CurateAction } from "../../core/review/curateLink.js";

/** The overflow menu beside each link. */
export const DRAFT_LINK_ACTION = "read_draft_link";
/** "Post now". */
export const DRAFT_POST_ACTION = "read_draft_post";
/** "Hold" and "Release hold". */
export const DRAFT_HOLD_ACTION = "read_draft_hold";
/** What a non-admin pressing a draft control (or submitting its form) is told; nothing changes. */
export const NOT_EDITOR = "Only admins can edit the draft.";
/** Every draft control's action id starts so. */
export const DRAFT_ACTION_PREFIX = "read_draft_";

export type DraftControl =
  | { kind: "curate"; action: CurateAction; period: string; id: number }
  /** Opens a form: "Move…" (a category) or "Edit note…". */
  | { kind: "move" | "note"; period: string; id: number }
  | { kind: "post"; period: string }
  | { kind: "hold" | "release"; period: string };

export function controlValue(control: DraftControl): string {
  switch (control.kind) {
    case "curate":
      return `${control.action}:${control.period}:${control.id}`;
    case "move":
    case "note":
      return `${control.kind}:${control.period}:${control.id}`;
    default:
      return `${control.kind}:${control.period}`;
  }
}

const PERIOD = /^\d{4}-\d{2}$/;
const LINK_ID = /^[1-9]\d{0,14}$/;

/** The control a value stands for; null for a value this version does not know. */
export function parseControl(value: string): DraftControl | null {
  const [verb = "", period = "", id, ...extra] = value.split(":");
  if (!PERIOD.test(period) || extra.length > 0) return null;
  if (id === undefined) {
    if (verb === "post" || verb === "hold" || verb === "release") return { kind: verb, period };
    return null;
  }
  if (!LINK_ID.test(id)) return null;
  if (verb === "move" || verb === "note") return { kind: verb, period, id: Number(id) };
  if ((CURATE_ACTIONS as readonly string[]).includes(verb)) {
    return { kind: "curate", action: verb as CurateAction, period, id: Number(id) };
  }
  return null;
}
