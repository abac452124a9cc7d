import { UserError } from "../errors.js";
import { sanitizeLine, sanitizeText } from "../text/sanitizeText.js";
import { DEFAULT_PICKS, type LinkOrder, type Settings } from "../types.js";
import { assertWorkspaceKey, ensureWorkspace } from "../workspace.js";
import { checkChannelId, type SettingsDeps } from "./manageSettings.js";

export const LINK_ORDERS: readonly LinkOrder[] = ["shared", "votes"];

/** Within each section: the order links were shared in, or most recommended first. */
export async function setOrder(
  deps: SettingsDeps,
  input: { workspace: string; order: string },
): Promise<Settings> {
  const order = input.order.trim().toLowerCase();
  if (!LINK_ORDERS.includes(order as LinkOrder)) {
    throw new UserError(
      "order.invalid",
      `"${input.order}" isn't an order I know. Use shared (the order links were shared in) or votes (most recommended first).`,
    );
  }
  const workspace = await ensureWorkspace(deps, input.workspace);
  await deps.store.settings.setOrder(workspace, order as LinkOrder);
  return deps.store.settings.get(workspace);
}

export const MAX_PICKS_TITLE_LENGTH = 80;
const MAX_EMOJI_LENGTH = 32;
/** Words that mean "no emoji". */
const NO_EMOJI = new Set(["none", "off", "-"]);

function checkPicksTitle(title: string): string {
  const line = sanitizeLine(title);
  if (line === "")
    throw new UserError("picks.title", 'Give the picks section a title, like "Picks of the month".');
  if ([...line].length > MAX_PICKS_TITLE_LENGTH) {
    throw new UserError(
      "picks.title",
      `The picks section's title can be up to ${MAX_PICKS_TITLE_LENGTH} characters.`,
    );
  }
  return line;
}

function checkEmoji(emoji: string): string | null {
  const value = sanitizeText(emoji).trim();
  if (NO_EMOJI.has(value.toLowerCase()) || value === "") return null;
  // An emoji or a platform's :shortcode:, never a sentence (nor a mention: no "<", "@" or spaces).
  if (value.length > MAX_EMOJI_LENGTH || /[\s<>@]/.test(value)) {
    throw new UserError("picks.emoji", `"${emoji}" isn't an emoji. Give one emoji, like ⭐, or "none".`);
  }
  return value;
}

/** The picks section's title and emoji; what is left out stays as it is ("default" restores both). */
export async function setPicks(
  deps: SettingsDeps,
  input: { workspace: string; title?: string; emoji?: string },
): Promise<Settings> {
  // Refused before anything is written: a refused command leaves even a new workspace uncreated.
  const key = assertWorkspaceKey(input.workspace);
  if (input.title === undefined && input.emoji === undefined) {
    throw new UserError(
      "picks.nothing",
      "Say what to change: the picks section's title, its emoji, or both.",
    );
  }
  const reset = input.title?.trim().toLowerCase() === "default";
  const title = reset || input.title === undefined ? undefined : checkPicksTitle(input.title);
  const emoji = input.emoji === undefined ? undefined : checkEmoji(input.emoji);
  const workspace = await ensureWorkspace(deps, key);
  const { picks } = await deps.store.settings.get(workspace);
  const chosen = {
    title: reset ? DEFAULT_PICKS.title : (title ?? picks.title),
    emoji: emoji !== undefined ? emoji : reset ? DEFAULT_PICKS.emoji : picks.emoji,
  };
  await deps.store.settings.setPicks(workspace, chosen);
  return deps.store.settings.get(workspace);
}

export const MAX_REVIEW_DAYS = 27;

/**
 * The review draft: posted `days` before each roundup to `channelId` (a channel the admins read);
 * 0 days turns it off and keeps the channel for next time.
 */
export async function setReview(
  deps: SettingsDeps,
  input: { workspace: string; days: number | string; channelId?: string | null },
): Promise<Settings> {
  const days = typeof input.days === "number" ? input.days : Number(String(input.days).trim());
  if (!Number.isInteger(days) || days < 0 || days > MAX_REVIEW_DAYS) {
    throw new UserError(
      "review.days",
      `The draft goes out 1 to ${MAX_REVIEW_DAYS} days before the roundup (0 turns it off); "${input.days}" isn't one of those.`,
    );
  }
  const channelId =
    input.channelId === undefined || input.channelId === null ? null : checkChannelId(input.channelId);
  // Read without creating the workspace (reading never writes): a refusal leaves nothing behind.
  const key = assertWorkspaceKey(input.workspace);
  const channel = channelId ?? (await deps.store.settings.get(key)).review.channelId;
  if (days > 0 && channel === null) {
    throw new UserError(
      "review.channel",
      "Say where the draft goes: a channel the admins read (not the roundup channel, where everyone would see it).",
    );
  }
  const workspace = await ensureWorkspace(deps, key);
  await deps.store.settings.setReview(workspace, { days, channelId: channel });
  return deps.store.settings.get(workspace);
}
