import { Parser } from "htmlparser2";
import type { PageMetadata } from "../core/ports/metadataFetcher.js";

const LIMITS = { title: 300, author: 200, description: 500, siteName: 100 } as const;

/** Control characters, zero-width and bidi-override marks: nothing a reader should get from a page. */
const INVISIBLE = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Fetched text is untrusted: one line, no control characters, and cut to a sane length. */
export function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const text = value.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
  if (text === "") return null;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

interface HeadFacts {
  title: string;
  meta: Map<string, string>;
  canonical: string | null;
  jsonLd: string[];
}

/** Reads only the <head>: metadata lives there, and skipping the body keeps a 300 KB page cheap. */
function readHead(head: string): HeadFacts {
  const facts: HeadFacts = { title: "", meta: new Map(), canonical: null, jsonLd: [] };
  let inTitle = false;
  let inJsonLd = false;
  let script = "";
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "title") inTitle = facts.title === "";
        else if (name === "meta") {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? "").trim().toLowerCase();
          const content = attrs.content;
          if (key && content !== undefined && !facts.meta.has(key)) facts.meta.set(key, content);
        } else if (name === "link" && facts.canonical === null) {
          const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
          if (rel.includes("canonical") && attrs.href) facts.canonical = attrs.href;
        } else if (name === "script" && (attrs.type ?? "").toLowerCase().includes("ld+json")) {
          inJsonLd = true;
          script = "";
        }
      },
      ontext(text) {
        if (inTitle) facts.title += text;
        else if (inJsonLd) script += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        else if (name === "script" && inJsonLd) {
          inJsonLd = false;
          facts.jsonLd.push(script);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(head);
  parser.end();
  return facts;
}

type Json = unknown;

function* jsonLdNodes(value: Json): Generator<Record<string, Json>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* jsonLdNodes(item);
  } else if (value !== null && typeof value === "object") {
    const node = value as Record<string, Json>;
    yield node;
    if (node["@graph"]) yield* jsonLdNodes(node["@graph"]);
  }
}

function personName(value: Json): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const names = value.map(personName).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(", ") : null;
  }
  if (value !== null && typeof value === "object") {
    const name = (value as Record<string, Json>).name;
    return typeof name === "string" ? name : null;
  }
  return null;
}

function fromJsonLd(scripts: string[]): {
  author: string | null;
  headline: string | null;
  publisher: string | null;
} {
  const found = {
    author: null as string | null,
    headline: null as string | null,
    publisher: null as string | null,
  };
  for (const script of scripts) {
    let data: Json;
    try {
      data = JSON.parse(script);
    } catch {
      continue; // Malformed JSON-LD is common; the other sources still count.
    }
    for (const node of jsonLdNodes(data)) {
      found.author ??= personName(node.author ?? node.creator);
      found.headline ??= typeof node.headline === "string" ? node.headline : null;
      found.publisher ??= personName(node.publisher);
    }
  }
  return found;
}

const JSON_LD_SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json[^>]*>([\s\S]*?)<\/script\s*>/gi;
const BYLINE =
  /<([a-z][a-z0-9]*)\b[^>]*?\b(?:rel|itemprop|class)\s*=\s*["']?[^"'>]*\b(?:author|byline)\b[^>]*>/gi;

/** The text of the first element marked as the author or byline, e.g. `<p class="byline">By Jane</p>`. */
function bylineFromBody(body: string): string | null {
  BYLINE.lastIndex = 0;
  for (let match = BYLINE.exec(body), tries = 0; match && tries < 5; match = BYLINE.exec(body), tries++) {
    const window = body.slice(match.index, match.index + 600);
    let depth = 0;
    let text = "";
    let closed = false;
    const parser = new Parser(
      {
        onopentag(name) {
          if (!closed && !["script", "style", "svg", "img", "br"].includes(name)) depth++;
        },
        ontext(chunk) {
          if (!closed && depth > 0) text += chunk;
        },
        onclosetag() {
          if (!closed && depth > 0 && --depth === 0) closed = true;
        },
      },
      { decodeEntities: true },
    );
    parser.write(window);
    parser.end();
    const name = cleanText(text.replace(/^\s*(by|von|par|por)\s+/i, ""), LIMITS.author);
    if (name && name.length <= 80 && !/https?:|www\.|@/.test(name)) return name;
  }
  return null;
}

function sameSite(a: URL, b: URL): boolean {
  const host = (u: URL) => u.hostname.replace(/^www\./, "");
  return host(a) === host(b);
}

function canonicalOf(value: string | null | undefined, page: URL): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), page);
    return (url.protocol === "https:" || url.protocol === "http:") && sameSite(url, page) ? url.href : null;
  } catch {
    return null;
  }
}

/** A GitHub repository's owner: github.com/<owner>/<repo>. */
function githubOwner(page: URL): string | null {
  if (page.hostname.replace(/^www\./, "") !== "github.com") return null;
  const [owner, repo] = page.pathname.split("/").filter(Boolean);
  return owner && repo ? owner : null;
}

const HEAD_END = /<\/head\s*>|<body[\s>]/i;

/**
 * Reads a page's title, author, description, site name and canonical URL from HTML the bot
 * fetched itself. Never throws: a page it cannot make sense of gives empty fields.
 */
export function extractMetadata(html: string, page: URL): PageMetadata {
  try {
    const headEnd = HEAD_END.exec(html)?.index ?? Math.min(html.length, 100_000);
    const head = readHead(html.slice(0, headEnd));
    const body = html.slice(headEnd);
    JSON_LD_SCRIPT.lastIndex = 0;
    for (let match = JSON_LD_SCRIPT.exec(body); match; match = JSON_LD_SCRIPT.exec(body)) {
      head.jsonLd.push(match[1] ?? "");
    }
    const ld = fromJsonLd(head.jsonLd);
    const meta = (...keys: string[]) => keys.map((k) => head.meta.get(k)).find((v) => v && v.trim() !== "");
    const metaAuthor = meta(
      "author",
      "article:author",
      "parsely-author",
      "sailthru.author",
      "dc.creator",
      "citation_author",
    );
    const author =
      githubOwner(page) ??
      cleanText(ld.author, LIMITS.author) ??
      (metaAuthor && !/^https?:/i.test(metaAuthor) ? cleanText(metaAuthor, LIMITS.author) : null) ??
      bylineFromBody(body);
    return {
      title: cleanText(meta("og:title", "twitter:title") ?? (head.title || ld.headline), LIMITS.title),
      author,
      description: cleanText(
        meta("og:description", "description", "twitter:description"),
        LIMITS.description,
      ),
      siteName: cleanText(meta("og:site_name", "application-name") ?? ld.publisher, LIMITS.siteName),
      canonicalUrl: canonicalOf(head.canonical ?? meta("og:url"), page),
    };
  } catch {
    return { title: null, author: null, description: null, siteName: null, canonicalUrl: null };
  }
}
