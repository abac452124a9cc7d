import { describe, expect, it } from "vitest";
import {
  type MonthSummary,
  renderArchiveIndex,
  renderMonthPage,
  summarizeMonth,
} from "../../src/web/html/index.js";
import { DROPPED_TITLE, picksDoc } from "../fixtures/picksDoc.js";
import { attr, elements, headLinks, meta, one, parsePage, visibleText } from "./htmlDom.js";
import { ctx, emptyDoc, julyDoc } from "./htmlFixtures.js";

const june = { period: "2026-06", label: "June 2026", linkCount: 7, firstTitles: ["June one"] };
const august = { period: "2026-08", label: "August 2026", linkCount: 2, firstTitles: ["August one"] };

function julyPage(
  overrides = {},
  nav: { previous: MonthSummary | null; next: MonthSummary | null } = { previous: june, next: august },
): string {
  return renderMonthPage(julyDoc(), { ...ctx, ...overrides }, nav);
}

describe("the month page", () => {
  it("is an HTML document in the page's language with one h1, the roundup's title, and an h2 per section in order", () => {
    const html = julyPage({ lang: "de" });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const doc = parsePage(html);
    expect(attr(one(doc, "html"), "lang")).toBe("de");
    expect(attr(one(parsePage(julyPage()), "html"), "lang")).toBe("en");
    expect(visibleText(one(doc, "h1"))).toBe("Reading roundup: July 2026");
    expect(elements(doc, "h2").map(visibleText)).toEqual(["🛠️ Engineering", "🎨 Design", "Other"]);
    expect(visibleText(one(doc, "main"))).toContain("What we read in July.");
  });

  it("links each title to its URL with rel=ugc noopener and no target, and says when each was shared", () => {
    const doc = parsePage(julyPage());
    const main = one(doc, "main");
    const shared = elements(main, "a");
    expect(shared.map((a) => attr(a, "href"))).toEqual([
      "https://fly.example/blog/sandboxing/",
      "https://example.org/a-very-long-path/that/goes/on/and/on/and/on/without/any/break/at/all/for/phones",
      "https://example.com/3",
      "https://example.com/4",
    ]);
    for (const a of shared) expect(attr(a, "rel")).toBe("ugc noopener");
    expect(elements(doc).filter((el) => attr(el, "target") !== undefined)).toEqual([]);
    const times = elements(main, "time");
    expect(times).toHaveLength(4);
    expect(attr(times[0] as never, "datetime")).toBe("2026-07-02T08:00:00.000Z");
    expect(visibleText(times[0] as never)).toBe("2026-07-02");
    for (const time of times)
      expect(new Date(attr(time, "datetime") ?? "").toISOString()).toBe(attr(time, "datetime"));
  });

  it("carries an absolute canonical URL, Open Graph tags, feed autodiscovery and a viewport", () => {
    const doc = parsePage(julyPage());
    const monthUrl = "https://reading.example.com/a/k3y/2026-07";
    expect(headLinks(doc, "canonical").map((l) => attr(l, "href"))).toEqual([monthUrl]);
    expect(meta(doc, "og:title")).toContain("Reading roundup: July 2026");
    expect(meta(doc, "og:type")).toBe("article");
    expect(meta(doc, "og:url")).toBe(monthUrl);
    expect(meta(doc, "og:description")).toBe("What we read in July.");
    expect(meta(doc, "og:site_name")).toBe("Team Reading");
    expect(meta(doc, "viewport")).toBe("width=device-width, initial-scale=1");
    expect(meta(doc, "robots")).toBeUndefined();
    const feeds = headLinks(doc, "alternate").map((l) => [attr(l, "type"), attr(l, "href")]);
    expect(feeds).toEqual([
      ["application/atom+xml", "https://reading.example.com/a/k3y/feed.xml"],
      ["application/rss+xml", "https://reading.example.com/a/k3y/rss.xml"],
      ["application/feed+json", "https://reading.example.com/a/k3y/feed.json"],
    ]);
  });

  it("describes itself by its first titles when it has no intro", () => {
    const doc = parsePage(
      renderMonthPage({ ...julyDoc(), intro: null }, ctx, { previous: null, next: null }),
    );
    expect(meta(doc, "og:description")).toBe(
      "4 links shared in July 2026: Sandboxing and Workload Isolation, https://example.org/a-very-long-path/that/goes/on/and/on/and/on/without/any/break/at/all/for/phones, Butterick's Practical Typography, …",
    );
    expect(meta(doc, "description")).toBe(meta(doc, "og:description"));
  });

  it("says noindex for a private archive", () => {
    expect(meta(parsePage(julyPage({ noindex: true })), "robots")).toBe("noindex");
  });

  it("links the previous and next months with rel=prev/next, in a labelled nav and in the head", () => {
    const doc = parsePage(julyPage());
    const nav = one(doc, "nav");
    expect(attr(nav, "aria-label")).toBe("Months");
    const links = elements(nav, "a").map((a) => [attr(a, "rel"), attr(a, "href"), visibleText(a)]);
    expect(links).toEqual([
      ["prev", "https://reading.example.com/a/k3y/2026-06", "← June 2026"],
      [undefined, "https://reading.example.com/a/k3y/", "All months"],
      ["next", "https://reading.example.com/a/k3y/2026-08", "August 2026 →"],
    ]);
    expect(headLinks(doc, "prev").map((l) => attr(l, "href"))).toEqual([
      "https://reading.example.com/a/k3y/2026-06",
    ]);
    expect(headLinks(doc, "next").map((l) => attr(l, "href"))).toEqual([
      "https://reading.example.com/a/k3y/2026-08",
    ]);

    const first = parsePage(julyPage({}, { previous: null, next: null }));
    expect(elements(first).filter((el) => ["prev", "next"].includes(attr(el, "rel") ?? ""))).toEqual([]);
  });

  it("has landmarks, inline CSS only and no script or external resource", () => {
    const doc = parsePage(julyPage());
    for (const landmark of ["header", "main", "nav", "footer"])
      expect(elements(doc, landmark)).toHaveLength(1);
    expect(elements(doc, "script")).toEqual([]);
    const style = visibleText(one(doc, "style"));
    expect(style).toContain("@media (prefers-color-scheme:dark)");
    expect(style).toContain("@media print");
    expect(style).toContain("overflow-wrap:anywhere");
    expect(style).not.toMatch(/url\(|@import/);
    // Nothing the browser would fetch by itself: no src, no stylesheet, no preload or icon.
    expect(
      elements(doc).filter((el) => attr(el, "src") !== undefined || attr(el, "style") !== undefined),
    ).toEqual([]);
    const fetched = headLinks(doc, "stylesheet").concat(headLinks(doc, "icon"), headLinks(doc, "preload"));
    expect(fetched).toEqual([]);
  });

  it("opens with the picks, says 👍 N after the sharer only when others recommend it, and shows no dropped link", () => {
    const doc = parsePage(renderMonthPage(picksDoc(), ctx, { previous: null, next: null }));
    const main = one(doc, "main");
    const sections = elements(main, "section");
    expect(sections.map((s) => [attr(s, "class"), visibleText(one(s, "h2"))])).toEqual([
      ["picks", "⭐ Picks of the month"],
      ["category", "📚 Articles"],
    ]);
    const shared = elements(main, "p").filter((p) => attr(p, "class") === "shared");
    expect(shared.map(visibleText)).toEqual([
      "Shared by Alice on 2026-07-01 · 👍 3",
      "Shared by Bob on 2026-07-02 · 👍 1",
      "Shared by Chen on 2026-07-03",
    ]);
    const votes = elements(main, "span").filter((s) => attr(s, "class") === "votes");
    expect(votes.map((s) => attr(s, "title"))).toEqual(["3 people recommend it", "1 person recommends it"]);
    expect(visibleText(doc)).not.toContain(DROPPED_TITLE);
    expect(meta(doc, "og:description")).toBe(
      "3 links shared in July 2026: Seastar, Hazard pointers, Ptrace notes",
    );
  });

  it("says so when nobody shared a link that month", () => {
    const doc = parsePage(renderMonthPage(emptyDoc(), ctx, { previous: null, next: null }));
    expect(visibleText(one(doc, "main"))).toContain("No links were shared in July 2026.");
    expect(elements(doc, "h2")).toEqual([]);
  });

  it("gives relative links for the static site, but keeps the canonical and og:url absolute", () => {
    const doc = parsePage(julyPage({ relativeLinks: true }));
    const hrefs = elements(doc, "a").map((a) => attr(a, "href"));
    expect(hrefs).toEqual(
      expect.arrayContaining(["./", "2026-06", "2026-08", "feed.xml", "rss.xml", "feed.json"]),
    );
    // The shared links stay as shared; every archive link is relative.
    const archive = hrefs.filter((href) => !/^https:\/\/(fly|example)\./.test(href ?? ""));
    for (const href of archive) expect(href).not.toMatch(/^https?:/);
    expect(headLinks(doc, "alternate").map((l) => attr(l, "href"))).toEqual([
      "feed.xml",
      "rss.xml",
      "feed.json",
    ]);
    expect(headLinks(doc, "canonical").map((l) => attr(l, "href"))).toEqual([
      "https://reading.example.com/a/k3y/2026-07",
    ]);
    expect(meta(doc, "og:url")).toBe("https://reading.example.com/a/k3y/2026-07");
  });
});

describe("the archive index", () => {
  const months = [
    june,
    august,
    { period: "2025-12", label: "December 2025", linkCount: 1, firstTitles: ["Winter"] },
    summarizeMonth(julyDoc()),
  ];

  it("lists the months newest first, each linking to its page with its count and first titles", () => {
    const doc = parsePage(renderArchiveIndex(months, ctx));
    expect(visibleText(one(doc, "h1"))).toBe("Team Reading: monthly roundups");
    const entries = elements(one(doc, "main"), "li").filter((li) => elements(li, "h2").length === 1);
    expect(entries.map((li) => visibleText(one(li, "h2")))).toEqual([
      "August 2026",
      "July 2026",
      "June 2026",
      "December 2025",
    ]);
    const july = entries[1] as never;
    expect(attr(one(july, "a"), "href")).toBe("https://reading.example.com/a/k3y/2026-07");
    expect(visibleText(july)).toContain("4 links");
    expect(elements(one(july, "ul"), "li").map(visibleText)).toEqual([
      "Sandboxing and Workload Isolation",
      "https://example.org/a-very-long-path/that/goes/on/and/on/and/on/without/any/break/at/all/for/phones",
      "Butterick's Practical Typography",
    ]);
    expect(visibleText(entries[3] as never)).toContain("1 link");
    expect(meta(doc, "og:type")).toBe("website");
    expect(headLinks(doc, "canonical").map((l) => attr(l, "href"))).toEqual([
      "https://reading.example.com/a/k3y/",
    ]);
    expect(headLinks(doc, "alternate")).toHaveLength(3);
    expect(elements(doc, "script")).toEqual([]);
  });

  it("links months relatively for the static site and says noindex when private", () => {
    const doc = parsePage(renderArchiveIndex(months, { ...ctx, relativeLinks: true, noindex: true }));
    const monthLinks = elements(one(doc, "main"), "a").map((a) => attr(a, "href"));
    expect(monthLinks).toEqual(["2026-08", "2026-07", "2026-06", "2025-12"]);
    expect(meta(doc, "robots")).toBe("noindex");
  });

  it("says there is nothing yet when no month has links", () => {
    const doc = parsePage(renderArchiveIndex([], ctx));
    expect(visibleText(one(doc, "main"))).toContain("No roundups yet");
  });

  it("summarizes a month by its label, count and first titles in roundup order", () => {
    expect(summarizeMonth(julyDoc(), 2)).toEqual({
      period: "2026-07",
      label: "July 2026",
      linkCount: 4,
      firstTitles: [
        "Sandboxing and Workload Isolation",
        "https://example.org/a-very-long-path/that/goes/on/and/on/and/on/without/any/break/at/all/for/phones",
      ],
    });
    expect(summarizeMonth(julyDoc()).firstTitles).toHaveLength(3);
    expect(summarizeMonth(emptyDoc()).firstTitles).toEqual([]);
    // The picks open the roundup, so they lead its summary; a dropped link is neither shown nor counted.
    expect(summarizeMonth(picksDoc(), 2)).toMatchObject({
      linkCount: 3,
      firstTitles: ["Seastar", "Hazard pointers"],
    });
  });
});
