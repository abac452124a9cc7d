import { sanitizeText } from "../../core/text/sanitizeText.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/**
 * Text that sanitizing or folding would change: a control or bidi character, whitespace other than a
 * plain space, two spaces in a row, or a space at either end. Most titles and notes have none, and
 * testing for them is several times cheaper than cleaning (the 300-link page's render budget).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[^\S ]| {2}|^ | $/;

/**
 * Either of the above, but a space at either end: most text has neither, and one scan that says so
 * beats two. One character class (the controls, bidi controls and whitespace other than a plain
 * space that `NEEDS_CLEANING` finds, and the specials) and a double space; the ends are checked apart.
 */
const NEEDS_ANYTHING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff&<>"']| {2}/;

function needsAnything(text: string): boolean {
  const last = text.length - 1;
  return (
    NEEDS_ANYTHING.test(text) || (last >= 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32))
  );
}

/**
 * Text people typed or pages said, safe as HTML text and inside quoted attribute values: it shows as
 * written and can never open a tag, close an attribute or start a character reference. Control
 * characters go and open bidi overrides are dropped (sanitizeText) so a note cannot reverse the name
 * shown after it; whitespace folds to single spaces as the Markdown does.
 */
export function escapeHtml(text: string): string {
  if (!needsAnything(text)) return text;
  const clean = NEEDS_CLEANING.test(text) ? sanitizeText(text).replace(/\s+/g, " ").trim() : text;
  return escapeSpecials(clean);
}

/** `& < > " '` as entities, in text already cleaned: safe as HTML text and in quoted attributes. */
export function escapeSpecials(clean: string): string {
  return SPECIAL.test(clean) ? clean.replace(SPECIALS, entityOf) : clean;
}

/** One function for every replacement, not a new closure per call: a page escapes thousands of strings. */
function entityOf(char: string): string {
  return ENTITIES[char] as string;
}
