/**
 * The custom ids of the review draft's controls. Each carries the period and, for one link's controls,
 * the link's number: the workspace comes from the guild, so a press works after a restart, on any
 * replica. `rv:drop:2026-07:12` is the longest kind, far under Discord's 100 characters.
 */
import { UserError } from "../../../core/errors.js";
import type { CurateAction } from "../../../core/review/curateLink.js";
import { parsePeriod } from "../../../core/time/period.js";

export const REVIEW_PREFIX = "rv";

/** On a draft message: the link menu, "Post now", "Hold" and "Release hold". */
export type DraftControl = "link" | "post" | "hold" | "release";
/** On one link's private controls: the editors' marks, "Edit note" (and its form), the section menu. */
export type LinkControl = CurateAction | "note" | "move";

export function draftControlId(control: DraftControl, period: string): string {
  return [REVIEW_PREFIX, control, period].join(":");
}

/** `part` tells apart the section menus of one link when its categories take more than one. */
export function linkControlId(control: LinkControl, period: string, linkId: number, part?: number): string {
  return [REVIEW_PREFIX, control, period, linkId, ...(part !== undefined ? [part] : [])].join(":");
}

/** A custom id this version does not read (an older release's, or tampered with). */
export function staleControl(): UserError {
  return new UserError("review.stale", "That control no longer works; use the newest draft message.");
}

/** The period and link number after a custom id's prefix and control (`args` as the router splits them). */
export function parseLinkArgs(args: string[]): { period: string; linkId: number } {
  const [, period, id] = args;
  const linkId = Number(id);
  if (!period || !Number.isSafeInteger(linkId) || linkId < 1) throw staleControl();
  return { period: parsePeriod(period), linkId };
}

export function parsePeriodArg(args: string[]): string {
  const [, period] = args;
  if (!period) throw staleControl();
  return parsePeriod(period);
}

/** What non-admins get, privately, for any of the draft's controls; nothing changes. */
export const DRAFT_REFUSAL = { code: "review.notAdmin", message: "Only admins can edit the draft." };
