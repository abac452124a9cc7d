/**
 * Slack's markup as text. Slack sends what a person typed with `&`, `<` and `>` escaped as entities,
 * and (with "escape channels, users and links" on, as the manifest sets it) links, channels and
 * people as markup: `<https://...>`, `<https://...|label>`, `<#C123|name>`, `<@U123|name>`, `<!here>`.
 */
import { decodeSlackEntities } from "./escape.js";

/** What a `<...>` in Slack's text stands for. */
export type Markup =
  | { kind: "link"; url: string; label: string | null }
  | { kind: "user"; id: string; label: string | null }
  | { kind: "channel"; id: string; label: string | null }
  | { kind: "special"; name: string; label: string | null };

export function parseMarkup(inner: string): Markup {
  const bar = inner.indexOf("|");
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : decodeSlackEntities(inner.slice(bar + 1));
  if (target.startsWith("@")) return { kind: "user", id: target.slice(1), label };
  if (target.startsWith("#")) return { kind: "channel", id: target.slice(1), label };
  if (target.startsWith("!")) return { kind: "special", name: target.slice(1), label };
  return { kind: "link", url: decodeSlackEntities(target), label };
}

/** Markup as a person reads it: `@name`, `#channel`, `@here`, a link's address. Never markup again. */
function markupText(markup: Markup): string {
  switch (markup.kind) {
    case "user":
      return `@${markup.label?.replace(/^@/, "") || markup.id}`;
    case "channel":
      return `#${markup.label || markup.id}`;
    case "special": {
      const name = markup.name.split("^")[0] ?? markup.name;
      return markup.label ?? `@${name}`;
    }
    case "link": {
      const url = markup.url.replace(/^mailto:/, "");
      // Slack links a typed `example.com/x` as <http://example.com/x|example.com/x>: that label is
      // the address itself, not words about it.
      const typed = markup.url.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, "");
      return markup.label && markup.label !== url && markup.label !== markup.url && markup.label !== typed
        ? `${markup.label} (${url})`
        : url;
    }
  }
}

/**
 * Slack's escaped text as plain text: entities decoded, markup turned into what it reads as. The
 * result is stored as typed (a note) and escaped again when shown.
 */
export function plainText(raw: string): string {
  return raw.replace(
    /<([^<>]*)>|&(amp|lt|gt);/g,
    (_, inner: string | undefined, entity: string | undefined) =>
      inner !== undefined
        ? markupText(parseMarkup(inner))
        : entity === "amp"
          ? "&"
          : entity === "lt"
            ? "<"
            : ">",
  );
}

/** The first web link in a message's text (Slack's `<https://...>` markup), or null. */
export function firstLink(messageText: string): string | null {
  for (const match of messageText.matchAll(/<([^<>]*)>/g)) {
    const markup = parseMarkup(match[1] as string);
    if (markup.kind === "link" && /^https?:\/\//i.test(markup.url)) return markup.url;
  }
  const bare = /\bhttps?:\/\/[^\s<>|]+/i.exec(decodeSlackEntities(messageText));
  return bare ? bare[0] : null;
}
