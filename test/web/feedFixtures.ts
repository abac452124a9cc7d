import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import type { RoundupDoc, RoundupItem } from "../../src/core/roundup/roundupDoc.js";
import type { FeedContext, FeedMonth } from "../../src/web/feeds/index.js";

export const ctx: FeedContext = {
  archiveUrl: "https://reading.example.com/a/team-reading/",
  siteName: "Team reading",
  updated: Date.UTC(2026, 7, 1, 9),
};

export function item(fields: Partial<RoundupItem> & Pick<RoundupItem, "id" | "url" | "title">): RoundupItem {
  return {
    author: null,
    description: null,
    siteName: null,
    note: null,
    sharedBy: "Ada",
    sharedAt: 0,
    alsoRecommendedBy: [],
    picked: false,
    votes: 0,
    ...fields,
  };
}

export function month(
  period: string,
  sections: RoundupDoc["sections"],
  extra: Partial<RoundupDoc> = {},
): FeedMonth {
  const [year, mon] = period.split("-").map(Number) as [number, number];
  const nextMonth = Date.UTC(year, mon, 1);
  return {
    doc: {
      workspace: "team",
      period,
      periodLabel: period,
      title: `Reading roundup ${period}`,
      intro: null,
      sections,
      linkCount: sections.reduce((sum, section) => sum + section.items.length, 0),
      dropped: [],
      ...extra,
    },
    published: nextMonth,
    updated: nextMonth + 3_600_000,
  };
}

/** Newest first, as the archive passes them. */
export const months: FeedMonth[] = [
  month(
    "2026-07",
    [
      {
        kind: "category",
        categoryId: 1,
        name: "Databases",
        emoji: "🗄️",
        items: [
          item({
            id: 1,
            url: "https://example.com/postgres?a=1&b=2",
            title: "Postgres & you",
            author: "Jane Doe",
            note: "Read the part on vacuum.",
            sharedBy: "Ada",
            alsoRecommendedBy: [{ name: "Grace", note: "Chapter 3 is gold" }],
          }),
          item({ id: 2, url: "https://example.org/sqlite", title: "SQLite is enough", sharedBy: "Linus" }),
        ],
      },
      {
        kind: "other",
        categoryId: null,
        name: "Other",
        emoji: null,
        items: [
          item({
            id: 3,
            url: "http://example.net/essay",
            title: "An essay",
            author: "Sam",
            note: "Short.\nWorth it.",
            sharedBy: "Grace",
          }),
        ],
      },
    ],
    { intro: "What we read in July." },
  ),
  month("2026-06", [
    {
      kind: "other",
      categoryId: null,
      name: "Other",
      emoji: null,
      items: [
        item({ id: 4, url: "https://example.com/june", title: "June's pick", note: "Nice.", sharedBy: "Bo" }),
      ],
    },
  ]),
];

/** XML 1.0 forbids these anywhere in a document, even written as character references. */
export const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]|&#x?0*(?:[0-8]|1[1-9]|2\d|3[01]);/;

/** What readers choke on or show as garbage: C0 controls but tab and line feed, lone surrogates, U+FFFF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const UNREADABLE = /[\u0000-\u0008\u000b-\u001f\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** Parses an XML feed strictly: throws with the parser's reason when the document is not well-formed. */
export function parseXml(xml: string): Record<string, unknown> {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new Error(`not well-formed: ${JSON.stringify(verdict.err)}`);
  if (NOT_XML.test(xml)) throw new Error("holds a character XML 1.0 forbids");
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    isArray: (name) => ["entry", "item", "link", "atom:link"].includes(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

/** A parsed text node: fast-xml-parser gives a string, or an object when the element has attributes. */
export function text(node: unknown): string {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node)
    return String((node as { "#text": unknown })["#text"]);
  throw new Error(`no text in ${JSON.stringify(node)}`);
}

export interface ParsedHtml {
  /** What a reader shows, tags gone and entities decoded. */
  text: string;
  elements: { name: string; attributes: Record<string, string>; text: string }[];
}

/** Parses entry content as a reader would render it. */
export function parseHtml(html: string): ParsedHtml {
  const doc = parseDocument(html);
  const elements = DomUtils.findAll(() => true, doc.children).map((element) => ({
    name: element.name,
    attributes: element.attribs,
    text: DomUtils.textContent(element),
  }));
  return { text: DomUtils.textContent(doc), elements };
}

/** Every entry's id, link and content HTML, whichever format it came in. */
export interface Entry {
  id: string;
  link: string;
  title: string;
  content: string;
}

type Node = Record<string, unknown>;

export function atomEntries(xml: string): Entry[] {
  const feed = parseXml(xml).feed as Node;
  return ((feed.entry ?? []) as Node[]).map((entry) => ({
    id: text(entry.id),
    link: ((entry.link as Node[])[0] as Node)["@_href"] as string,
    // type="html": the title is escaped HTML, shown as its text.
    title: parseHtml(text(entry.title)).text,
    content: text(entry.content),
  }));
}

export function rssEntries(xml: string): Entry[] {
  const channel = (parseXml(xml).rss as Node).channel as Node;
  return ((channel.item ?? []) as Node[]).map((item) => ({
    id: text(item.guid),
    link: text((item.link as unknown[])[0]),
    title: parseHtml(text(item.title)).text,
    content: text(item["content:encoded"]),
  }));
}

export function jsonEntries(json: string): Entry[] {
  const feed = JSON.parse(json) as { items: Node[] };
  return feed.items.map((item) => ({
    id: item.id as string,
    link: item.url as string,
    title: item.title as string,
    content: item.content_html as string,
  }));
}
