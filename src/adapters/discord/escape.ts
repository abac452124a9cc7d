import { sanitizeText } from "../../core/text/sanitizeText.js";

/**
 * User and page text in Discord markdown. Discord's parser treats a backslash before any punctuation
 * as "show this character", so over-escaping is harmless and under-escaping is the risk: every
 * character that can start inline syntax (emphasis, code, spoilers, masked links, mentions, custom
 * emoji, timestamps) is escaped wherever it appears, and block syntax (headings, `-#` subtext, quotes,
 * lists) where it can start a line. Newlines fold into spaces, so block syntax has one place to start.
 */

const INLINE = /[\\*_~`|<>[\]()@#]/g;

/** Text shown as written: never a mention, link, heading, list, quote, code or emphasis. */
export function escapeDiscord(text: string): string {
  // Text stored before notes were cleaned on the way in may still carry control characters.
  return sanitizeText(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(INLINE, "\\$&")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A URL as a masked link's destination: characters that would end it early are percent-encoded. */
export function linkTarget(url: string): string {
  return url.replace(
    /[()\s<>[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/**
 * `[label](<url>)`, the label escaped. Discord refuses to mask a link behind text that is itself an
 * address, so a label that is the URL (no title known yet) shows the bare address instead.
 */
export function maskedLink(label: string, url: string): string {
  if (label.trim() === url.trim() || /^\w+:\/\//.test(label.trim())) return `<${linkTarget(url)}>`;
  return `[${escapeDiscord(label)}](<${linkTarget(url)}>)`;
}

/**
 * Shortens text to `max` characters at a word boundary, ending with "…"; only a single word longer
 * than `max` is cut inside.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  const space = room.lastIndexOf(" ");
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.trimEnd()}…`;
}

/** Text on one line: runs of whitespace (newlines too) folded into one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
