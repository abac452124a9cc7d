import { describe, expect, it } from "vitest";
import { type FeedContext, renderAtom, renderJsonFeed, renderRss } from "../../src/web/feeds/index.js";
import {
  atomEntries,
  type Entry,
  item,
  jsonEntries,
  month,
  parseHtml,
  rssEntries,
  UNREADABLE,
} from "./feedFixtures.js";

/** Every C0 control but tab and line feed: they make XML ill-formed and confuse readers. */
const CONTROLS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code))
  .filter((char) => char !== "\t" && char !== "\n")
  .join("");
const IMG = "<img src=x onerror=alert(1)>";
const BREAKOUT = "]]> ]]> </content></entry></feed><script>alert(1)</script>";

const hostileCtx: FeedContext = {
  archiveUrl: "https://reading.example.com/a/team/",
  siteName: `Team ${IMG}${CONTROLS} & ]]>`,
  updated: Date.UTC(2026, 7, 1),
};

const hostile = month(
  "2026-07",
  [
    {
      kind: "category",
      categoryId: 1,
      name: `Cat ${IMG}`,
      emoji: null,
      items: [
        item({
          id: 1,
          url: "https://example.com/a?q=\"'><script>alert(1)</script>",
          title: `${IMG} ${BREAKOUT}${CONTROLS}`,
          author: `Eve" onmouseover="alert(1)`,
          note: `${BREAKOUT}${CONTROLS} lone \uD800 surrogate \uFFFF`,
          sharedBy: "<script>alert(1)</script>",
          alsoRecommendedBy: [{ name: IMG, note: BREAKOUT }],
        }),
        item({ id: 2, url: "javascript:alert(1)", title: "Click me", note: "js" }),
        item({ id: 3, url: " JavaScript:alert(1)", title: "Click me too" }),
        item({ id: 4, url: "data:text/html,<script>alert(1)</script>", title: "Data" }),
      ],
    },
  ],
  { title: `July ${IMG} ${BREAKOUT}${CONTROLS}`, intro: `Intro ${BREAKOUT}` },
);

const formats: [string, () => Entry[]][] = [
  ["Atom", () => atomEntries(renderAtom([hostile], hostileCtx))],
  ["RSS", () => rssEntries(renderRss([hostile], hostileCtx))],
  ["JSON Feed", () => jsonEntries(renderJsonFeed([hostile], hostileCtx))],
];

describe.each(formats)("%s feed with hostile titles, notes and links", (_name, entriesOf) => {
  // The XML parsers in entriesOf throw on any ill-formed document or forbidden character.
  it("stays well-formed, with the one entry and its id intact", () => {
    const entries = entriesOf();
    expect(entries.map((entry) => entry.id)).toEqual(["https://reading.example.com/a/team/2026-07"]);
    expect(entries[0]?.title).toContain(`July ${IMG} ]]> ]]>`);
  });

  it("shows the hostile text as text: no image, script, event handler or script link in the content", () => {
    const content = parseHtml(entriesOf()[0]?.content ?? "");
    const names = new Set(content.elements.map((el) => el.name));
    expect([...names].sort()).toEqual(["a", "br", "em", "h2", "li", "p", "strong", "ul"]);
    for (const element of content.elements) {
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(name).toMatch(/^(href|rel)$/);
        expect(value.toLowerCase()).not.toContain("javascript:");
      }
    }
    expect(content.elements.filter((el) => el.name === "a").map((a) => a.attributes.href)).toEqual([
      "https://example.com/a?q=\"'><script>alert(1)</script>",
    ]);
    for (const shown of [
      IMG,
      `by Eve" onmouseover="alert(1)`,
      "]]> ]]> </content></entry></feed>",
      "Click me",
      "Data",
    ]) {
      expect(content.text).toContain(shown);
    }
    expect(content.text).toContain("shared by <script>alert(1)</script>");
    expect(content.text).not.toMatch(UNREADABLE);
  });
});

it("JSON Feed values hold no control characters either", () => {
  const feed = JSON.parse(renderJsonFeed([hostile], hostileCtx));
  for (const value of [feed.title, feed.items[0].title, feed.items[0].summary]) {
    expect(value).not.toMatch(UNREADABLE);
  }
  expect(feed.title).toBe(`Team ${IMG} & ]]>`);
});
