import { domainToUnicode } from "node:url";
import { UserError } from "../errors.js";

export const MAX_URL_LENGTH = 2048;

/** Query parameters that only say where a click came from; two links that differ by them are one link. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "li_fat_id",
  "igshid",
  "igsh",
  "mc_cid",
  "mc_eid",
  "mkt_tok",
  "_hsenc",
  "_hsmi",
  "__hstc",
  "__hssc",
  "__hsfp",
  "hsctatracking",
  "oly_anon_id",
  "oly_enc_id",
  "vero_id",
  "wickedid",
  "ref_src",
  "ref_url",
  "s_cid",
  "_ga",
  "_gl",
]);

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith("utm_") || TRACKING_PARAMS.has(key);
}

/** `example.com/path` is what people paste from a browser bar; a bare word is not a link. */
const SCHEMELESS_HOST =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i;

/**
 * Checks that `input` is a web link a person could open, and returns it parsed.
 * Refuses anything that is not http(s), carries credentials, or is absurdly long,
 * with a message the person who typed it can act on.
 */
export function parseWebUrl(input: string): URL {
  return sharedUrl(input).url;
}

/**
 * A checked link (see `parseWebUrl`) in its two forms: `url` to fetch and compare, and `text` to store
 * and post. The parser writes an international host name in punycode; `text` keeps the Unicode form
 * when that is how it was shared (and punycode when it was shared so, which a look-alike name may be).
 */
export function sharedUrl(input: string): { url: URL; text: string } {
  const text = input.trim().replace(/^<(.*)>$/s, "$1");
  if (text.length === 0) {
    throw new UserError("url.empty", "Please give a link to share, like https://example.com/article.");
  }
  if (text.length > MAX_URL_LENGTH) {
    throw new UserError(
      "url.tooLong",
      `That link is ${text.length} characters long; links can be up to ${MAX_URL_LENGTH}.`,
      { length: text.length },
    );
  }
  if (/\s/.test(text)) {
    throw new UserError("url.invalid", "That doesn't look like a link: it has spaces in it.");
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !SCHEMELESS_HOST.test(text);
  const candidate = hasScheme ? text : SCHEMELESS_HOST.test(text) ? `https://${text}` : null;
  if (candidate === null) {
    throw new UserError(
      "url.invalid",
      `"${shorten(text)}" isn't a link. Share a full address like https://example.com/article.`,
    );
  }
  // WHATWG parsing is lenient: `https:///path` becomes `https://path/` and `https:example.com` gains its
  // slashes. A web link (RFC 3986: "//" authority) names its host right after the slashes, or is refused.
  if (/^https?:/i.test(candidate) && !/^https?:\/\/[^/\\?#]/i.test(candidate)) {
    throw new UserError(
      "url.invalid",
      `"${shorten(text)}" has no host name. A web link looks like https://example.com/article.`,
    );
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new UserError("url.invalid", `"${shorten(text)}" isn't a valid link.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UserError(
      "url.scheme",
      `Only web links (http or https) can be shared, not ${url.protocol.replace(/:$/, "")} links.`,
      { scheme: url.protocol },
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new UserError(
      "url.credentials",
      "That link has a user name or password in it. Remove them before sharing, so they are not posted to everyone.",
    );
  }
  if (url.hostname === "") {
    throw new UserError("url.invalid", `"${shorten(text)}" has no host name.`);
  }
  if (url.href.length > MAX_URL_LENGTH) {
    throw new UserError(
      "url.tooLong",
      `That link is ${url.href.length} characters long once encoded; links can be up to ${MAX_URL_LENGTH}.`,
    );
  }
  const unicodeHost = /\P{ASCII}/u.test(sharedHost(candidate)) ? domainToUnicode(url.hostname) : "";
  if (unicodeHost === "") return { url, text: url.href };
  const port = url.port === "" ? "" : `:${url.port}`;
  return { url, text: `${url.protocol}//${unicodeHost}${port}${url.pathname}${url.search}${url.hash}` };
}

/** The host (and port) of a link as stored, in the form it was shared: `bücher.example:8080`. */
export function sharedHost(text: string): string {
  return /^[a-z]+:\/\/([^/\\?#]+)/i.exec(text)?.[1] ?? text;
}

/**
 * The key two shares of the same page have in common: lower-case scheme and host, no default port,
 * no `www.`, no fragment, no tracking parameters, no trailing slash, remaining parameters sorted, and
 * percent-encoding in one form.
 * It is only a key for spotting duplicates: the link is always posted as it was shared.
 */
export function normalizeUrl(url: URL | string): string {
  const parsed = typeof url === "string" ? parseWebUrl(url) : new URL(url.href);
  const host = parsed.hostname.replace(/^www\./, "");
  const port = parsed.port === "" ? "" : `:${parsed.port}`;
  let path = normalizePercentEncoding(parsed.pathname).replace(/\/+$/, "");
  if (path === "/") path = "";
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  // Sorted so `?a=1&b=2` and `?b=2&a=1` match; a stable sort keeps repeated keys in their order.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : "";
  return `${parsed.protocol}//${host}${port}${path}${query}`;
}

/**
 * RFC 3986 6.2.2.2: `%7e`, `%7E` and `~` are one character, while `%2F` and `/` are not. Hex goes
 * upper-case and unreserved characters (ALPHA DIGIT - . _ ~) are decoded; anything else stays encoded.
 */
function normalizePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
