import { sanitizeText } from "../../core/text/sanitizeText.js";
import { escapeSpecials } from "../html/escapeHtml.js";
import { safeHref } from "../html/safeHref.js";

/**
 * XML 1.0 has no way to write a lone surrogate, U+FFFE or U+FFFF, even as a character reference: one in a
 * feed makes the whole document ill-formed, and strict readers then drop every entry.
 */
const NOT_XML_CHARS =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** Text people typed or pages said, reduced to characters every feed reader and XML parser accepts. */
export function feedText(text: string): string {
  return sanitizeText(text).replace(NOT_XML_CHARS, "");
}

/** For titles and names, which readers show on one line: a typed line break would end up as a stray space or glyph. */
export function feedLine(text: string): string {
  return feedText(text)
    .replace(/\s*\n\s*|\t/g, " ")
    .trim();
}

/**
 * Cleaned and escaped for HTML text and quoted attributes alike. Escaping `>` also means the result never
 * holds `]]>`, so it is safe inside the CDATA sections the `feed` library wraps HTML in.
 */
export function escapeHtml(text: string): string {
  return escapeSpecials(feedText(text));
}

/** Only web addresses become links: `javascript:`, `data:` and the like would run or show something else. */
export function isWebUrl(url: string): boolean {
  return safeHref(url) !== null;
}
