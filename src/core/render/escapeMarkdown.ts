import { sanitizeText } from "../text/sanitizeText.js";

/** An `&` that CommonMark could read as the start of a character reference like &lt; or &#60;. */
const ENTITY_START = /&(?=#?[a-z0-9]+;)/gi;

/**
 * Makes user text (notes, titles, authors) safe inside Markdown: it shows as written but can never
 * become a link, image, heading, list, code, emphasis or raw HTML, and carries no control character
 * or open bidi override. Newlines fold into spaces because every place it goes is one line or one
 * paragraph.
 */
export function escapeMarkdown(text: string): string {
  // Sanitized here too, for text stored before it was sanitized on the way in.
  let out = sanitizeText(text)
    .replace(/\s+/g, " ")
    .trim()
    // Backslash-escapable ASCII punctuation that starts inline syntax (CommonMark 2.4); `@` and `$`
    // because GitHub-flavoured renderers link e-mail addresses and typeset math.
    .replace(/[\\`*_[\]{}<>#|~$@]/g, "\\$&")
    .replace(ENTITY_START, "\\&")
    // A bare URL or www. host would be auto-linked by GitHub-flavoured renderers.
    .replace(/(\w):\/\//g, "$1\\://")
    .replace(/\b(www)\./gi, "$1\\.");
  // Block syntax only matters at the start of a line: lists ("- ", "1. "), quotes, headings, rules.
  out = out.replace(/^([-=+>])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
  return out;
}

/**
 * A URL as a link destination that a CommonMark parser reads back as exactly this URL (spec 6.3):
 * backslashes and `&` that would start an entity are backslash-escaped, and a URL with parentheses,
 * spaces or angle brackets goes between `<` and `>`. Percent-encoding `(` `)` instead would make it a
 * different URI (RFC 3986 2.2).
 */
export function markdownUrl(url: string): string {
  const escaped = url.replace(/\\/g, "\\\\").replace(ENTITY_START, "\\&");
  return /[()<>\s]/.test(url) ? `<${escaped.replace(/[<>]/g, "\\$&")}>` : escaped;
}
