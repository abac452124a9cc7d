import { parseFeed } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { type FeedMonth, renderAtom, renderJsonFeed, renderRss } from "../../src/web/feeds/index.js";
import { DROPPED_TITLE, picksDoc } from "../fixtures/picksDoc.js";
import {
  atomEntries,
  ctx,
  type Entry,
  jsonEntries,
  month,
  months,
  parseHtml,
  parseXml,
  rssEntries,
  text,
} from "./feedFixtures.js";

const formats: [string, (list: FeedMonth[]) => Entry[]][] = [
  ["Atom", (list) => atomEntries(renderAtom(list, ctx))],
  ["RSS", (list) => rssEntries(renderRss(list, ctx))],
  ["JSON Feed", (list) => jsonEntries(renderJsonFeed(list, ctx))],
];

const monthUrls = [
  "https://reading.example.com/a/team-reading/2026-07",
  "https://reading.example.com/a/team-reading/2026-06",
];

describe.each(formats)("%s feed", (_name, entriesOf) => {
  it("has one entry per month, newest first, identified and linked by the month's page", () => {
    const entries = entriesOf(months);
    expect(entries.map((entry) => entry.id)).toEqual(monthUrls);
    expect(entries.map((entry) => entry.link)).toEqual(monthUrls);
    expect(entries.map((entry) => entry.title)).toEqual([
      "Reading roundup 2026-07",
      "Reading roundup 2026-06",
    ]);
  });

  it("keeps each month's id when rendered again and when a newer month arrives", () => {
    const june = months.slice(1);
    const [first] = entriesOf(june);
    expect(entriesOf(june)[0]?.id).toBe(first?.id);
    expect(entriesOf(months)[1]?.id).toBe(first?.id);
  });

  it("carries the whole roundup: sections, every link with its title, author, note, sharer and seconds", () => {
    const [july] = entriesOf(months);
    const content = parseHtml(july?.content ?? "");
    expect(content.elements.filter((el) => el.name === "h2").map((el) => el.text)).toEqual([
      "🗄️ Databases",
      "Other",
    ]);
    const anchors = content.elements.filter((el) => el.name === "a");
    expect(anchors.map((a) => [a.attributes.href, a.text])).toEqual([
      ["https://example.com/postgres?a=1&b=2", "Postgres & you"],
      ["https://example.org/sqlite", "SQLite is enough"],
      ["http://example.net/essay", "An essay"],
    ]);
    for (const shown of [
      "What we read in July.",
      "Postgres & you by Jane Doe",
      "Read the part on vacuum. — shared by Ada",
      "Also recommended by Grace: Chapter 3 is gold",
      "— shared by Linus",
      "An essay by Sam",
      "Short.Worth it. — shared by Grace",
    ]) {
      expect(content.text).toContain(shown);
    }
    expect(content.elements.filter((el) => el.name === "br")).toHaveLength(1);
  });

  it("carries the picks first, 👍 N after the sharer only when others recommend it, and no dropped link", () => {
    const { sections, dropped } = picksDoc();
    const [july] = entriesOf([month("2026-07", sections, { dropped })]);
    const content = parseHtml(july?.content ?? "");
    expect(content.elements.filter((el) => el.name === "h2").map((el) => el.text)).toEqual([
      "⭐ Picks of the month",
      "📚 Articles",
    ]);
    const paragraphs = content.elements.filter((el) => el.name === "p").map((el) => el.text);
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        "Shared-nothing done right. — shared by Alice · 👍 3",
        "Wait-free, finally. — shared by Bob · 👍 1",
        "— shared by Chen",
      ]),
    );
    expect(content.text).not.toContain("👍 0");
    expect(content.text).not.toContain(DROPPED_TITLE);
  });

  it("is a valid empty feed when no month is complete yet", () => {
    expect(entriesOf([])).toEqual([]);
  });
});

describe("feed headers", () => {
  it("Atom: namespace, title, updated, author, self and alternate links, published and updated per entry", () => {
    const feed = parseXml(renderAtom(months, ctx)).feed as Record<string, unknown>;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(feed.title)).toBe("Team reading");
    expect(text(feed.id)).toBe("https://reading.example.com/a/team-reading/feed.xml");
    expect(text(feed.updated)).toBe("2026-08-01T09:00:00.000Z");
    expect(text((feed.author as Record<string, unknown>).name)).toBe("Team reading");
    const links = (feed.link as Record<string, string>[]).map((link) => [link["@_rel"], link["@_href"]]);
    expect(links).toEqual([
      ["alternate", ctx.archiveUrl],
      ["self", "https://reading.example.com/a/team-reading/feed.xml"],
    ]);
    const [july] = feed.entry as Record<string, unknown>[];
    expect(text(july?.published)).toBe("2026-08-01T00:00:00.000Z");
    expect(text(july?.updated)).toBe("2026-08-01T01:00:00.000Z");
    expect((july?.content as Record<string, string> | undefined)?.["@_type"]).toBe("html");
  });

  it("RSS 2.0: channel title, link, description and self link; permalink guids; publication dates", () => {
    const rss = parseXml(renderRss(months, ctx)).rss as Record<string, unknown>;
    expect(rss["@_version"]).toBe("2.0");
    const channel = rss.channel as Record<string, unknown>;
    expect(text(channel.title)).toBe("Team reading");
    expect(channel.link).toEqual([ctx.archiveUrl]);
    expect(text(channel.description)).toContain("Team reading");
    expect(new Date(text(channel.lastBuildDate)).getTime()).toBe(ctx.updated);
    expect((channel["atom:link"] as Record<string, string>[])[0]?.["@_href"]).toBe(
      "https://reading.example.com/a/team-reading/rss.xml",
    );
    const [july] = channel.item as Record<string, unknown>[];
    expect((july?.guid as Record<string, string> | undefined)?.["@_isPermaLink"]).toBe("true");
    expect(new Date(text(july?.pubDate)).getTime()).toBe(Date.UTC(2026, 7, 1));
  });

  it("JSON Feed 1.1: version, title, home page, feed URL, and per item id, content and dates", () => {
    const feed = JSON.parse(renderJsonFeed(months, ctx));
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "Team reading",
      home_page_url: ctx.archiveUrl,
      feed_url: "https://reading.example.com/a/team-reading/feed.json",
    });
    expect(feed.items[0]).toMatchObject({
      id: monthUrls[0],
      url: monthUrls[0],
      date_published: "2026-08-01T00:00:00.000Z",
      date_modified: "2026-08-01T01:00:00.000Z",
    });
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(typeof item.content_html).toBe("string");
    }
  });
});

describe("as a feed reader sees them", () => {
  it("htmlparser2's feed reader finds every month's id, link and title in Atom and RSS", () => {
    for (const xml of [renderAtom(months, ctx), renderRss(months, ctx)]) {
      const feed = parseFeed(xml, { xmlMode: true });
      expect(feed?.title).toBe("Team reading");
      expect(feed?.items.map((entry) => [entry.id, entry.link])).toEqual(monthUrls.map((url) => [url, url]));
    }
  });
});

describe("the archive address", () => {
  it("must be absolute and end in a slash, and a refusal does not repeat it (a private one is a secret)", () => {
    const secret = "https://reading.example.com/p/5ecret-token";
    for (const render of [renderAtom, renderRss, renderJsonFeed]) {
      expect(() => render(months, { ...ctx, archiveUrl: secret })).toThrow(
        /must be an http\(s\) URL ending in "\/"/,
      );
      expect(() => render(months, { ...ctx, archiveUrl: "p/5ecret-token/" })).toThrow(/not an absolute URL/);
      try {
        render(months, { ...ctx, archiveUrl: secret });
      } catch (error) {
        expect(String(error)).not.toContain("5ecret");
      }
    }
  });
});
