import { sanitizeText } from "../../core/text/sanitizeText.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text people typed or pages said, safe as HTML text and inside quoted attribute values: it shows as
 * written and can never open a tag, close an attribute or start a character reference. Control
 * characters go and open bidi overrides are dropped (sanitizeText) so a note cannot reverse the name
 * shown after it; whitespace folds to single spaces as the Markdown does.
 */
export function escapeHtml(text: string): string {
  return sanitizeText(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}
