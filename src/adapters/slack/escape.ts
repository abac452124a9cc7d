import { sanitizeText } from "../../core/text/sanitizeText.js";
/**
 * Slack mrkdwn escaping. Slack reads `<...>` as a link, a mention (`<@U123>`, `<#C1>`) or a
 * broadcast (`<!channel>`, `<!here>`), and `&lt;` `&gt;` `&amp;` as the characters themselves. So
 * escaping `&`, `<` and `>` is enough to make any user or fetched text show as written and ping
 * nobody; it must be done exactly once, on the way out.
 */
export function escapeMrkdwn(text: string): string {
  // Text stored before notes were cleaned on the way in may still carry control characters.
  return sanitizeText(text).replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Decodes the three entities Slack escapes in text it sends us; one pass, so `&amp;lt;` stays `&lt;`. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === "amp" ? "&" : name === "lt" ? "<" : ">",
  );
}

/**
 * A URL as the target of a `<url|label>` link: `&` escaped as Slack expects, and the characters that
 * would end the link early (`|`, `<`, `>`, spaces) percent-encoded.
 */
function slackLinkUrl(url: string): string {
  return url
    .replace(/[|<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
    .replace(/&/g, "&amp;");
}

/** `<url|label>` with both parts made safe; the label is user or page text. */
export function mrkdwnLink(url: string, label: string): string {
  const text = escapeMrkdwn(label.replace(/\s+/g, " ").trim()) || escapeMrkdwn(url);
  return `<${slackLinkUrl(url)}|${text}>`;
}

/** Folds whitespace so one user value stays on one line (a note keeps its line breaks elsewhere). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Plain text (header blocks, button labels) cut to `max` UTF-16 units, the stricter way to count
 * Slack's limits, with an ellipsis and without splitting a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
