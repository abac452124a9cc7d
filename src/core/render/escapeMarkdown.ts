/**
 * Makes user text (notes, titles, authors) safe inside Markdown: it shows as written but can never
 * become a link, image, heading, list, code, emphasis or raw HTML. Newlines fold into spaces because
 * every place it goes is one line or one paragraph.
 */
export function escapeMarkdown(text: string): string {
  let out = text
    .replace(/\s+/g, " ")
    .trim()
    // Backslash-escapable ASCII punctuation that starts inline syntax (CommonMark 2.4); `@` and `$`
    // because GitHub-flavoured renderers link e-mail addresses and typeset math.
    .replace(/[\\`*_[\]{}<>#|~$@]/g, "\\$&")
    // `&` only where it would start a character reference like &lt; or &#60;.
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
    // A bare URL or www. host would be auto-linked by GitHub-flavoured renderers.
    .replace(/(\w):\/\//g, "$1\\://")
    .replace(/\b(www)\./gi, "$1\\.");
  // Block syntax only matters at the start of a line: lists ("- ", "1. "), quotes, headings, rules.
  out = out.replace(/^([-=+>])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
  return out;
}

/** A URL as a Markdown link destination: parentheses and spaces encoded so it cannot end early. */
export function markdownUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
