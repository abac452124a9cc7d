import { describe, expect, it } from "vitest";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";
import { renderArchiveIndex, renderMonthPage, summarizeMonth } from "../../src/web/html/index.js";
import { attr, type Document, elements, one, parsePage, visibleText } from "./htmlDom.js";
import { ctx, item } from "./htmlFixtures.js";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "</script><script>alert(1)</script>";
const QUOTE = '" onmouseover="x';
const RLO = "\u202e";

/** Every place people's or pages' words reach the page, each carrying markup, quotes or controls. */
function hostileDoc(): RoundupDoc {
  return {
    workspace: "local:team",
    period: "2026-07",
    periodLabel: "July 2026",
    title: `Roundup ${SCRIPT}`,
    intro: `Intro ${IMG}`,
    linkCount: 4,
    dropped: [],
    sections: [
      {
        kind: "category",
        categoryId: 1,
        name: `Cat ${QUOTE}`,
        emoji: "<b>",
        items: [
          item({
            id: 1,
            url: "javascript:alert(1)",
            title: `Title ${IMG}`,
            author: `Author ${SCRIPT}`,
            note: `Note ${RLO}reversed\u0007\u001b[2J`,
            sharedBy: `Mallory ${QUOTE}`,
            alsoRecommendedBy: [{ name: `Other ${IMG}`, note: `Also ${SCRIPT}` }],
          }),
          item({ id: 2, url: "  JaVa\tScRiPt:alert(1)", title: "Spaced scheme" }),
          item({
            id: 3,
            url: "data:text/html,<script>alert(1)</script>",
            title: "Data URL",
            description: IMG,
          }),
          item({ id: 4, url: `https://example.com/x?${QUOTE}`, title: `Quoted ${QUOTE}` }),
        ],
      },
    ],
  };
}

const ALLOWED = new Set(
  "html head meta title link style body div header main nav footer h1 h2 h3 p ul li a span bdi time section".split(
    " ",
  ),
);

/** What the page's structure would show if user text had become markup anywhere. */
function assertNoInjectedMarkup(doc: Document): void {
  for (const el of elements(doc)) {
    expect(ALLOWED.has(el.name), `<${el.name}>`).toBe(true);
    for (const name of Object.keys(el.attribs)) expect(name, `<${el.name} ${name}>`).not.toMatch(/^on/i);
  }
  for (const a of elements(doc, "a").concat(elements(doc, "link"))) {
    expect(attr(a, "href")).toMatch(/^https:\/\//);
  }
  expect(elements(doc, "style")).toHaveLength(1);
}

describe("hostile text on the archive pages", () => {
  const page = renderMonthPage(
    hostileDoc(),
    { ...ctx, siteName: `Site ${QUOTE} ${IMG}`, lang: `en${QUOTE}` },
    {
      previous: { period: "2026-06", label: `June ${IMG}`, linkCount: 1, firstTitles: [SCRIPT] },
      next: null,
    },
  );

  it("makes no element or attribute and no script link from notes, titles, names or URLs", () => {
    const doc = parsePage(page);
    assertNoInjectedMarkup(doc);
    expect(elements(one(doc, "main"), "a").map((a) => attr(a, "href"))).toEqual([
      "https://example.com/x?%22%20onmouseover=%22x",
    ]);
  });

  it("shows the hostile text as written, and the refused URLs as text", () => {
    const text = visibleText(one(parsePage(page), "main"));
    for (const written of [
      `Roundup ${SCRIPT}`,
      `Intro ${IMG}`,
      `Title ${IMG}`,
      `by Author ${SCRIPT}`,
      `Mallory ${QUOTE}`,
      `Also recommended by Other ${IMG}: Also ${SCRIPT}`,
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      `Quoted ${QUOTE}`,
    ]) {
      expect(text).toContain(written);
    }
  });

  it("drops control characters and an open bidi override", () => {
    expect(page).not.toMatch(/[^\P{Cc}\t\n]/u);
    expect(page).not.toContain(RLO);
    expect(visibleText(one(parsePage(page), "main"))).toContain("Note reversed[2J");
  });

  it("keeps the index as safe", () => {
    const months = [
      summarizeMonth(hostileDoc()),
      { period: "2026-06", label: IMG, linkCount: 1, firstTitles: [QUOTE] },
    ];
    const doc = parsePage(renderArchiveIndex(months, { ...ctx, siteName: `Site ${SCRIPT}` }));
    assertNoInjectedMarkup(doc);
    expect(visibleText(one(doc, "h1"))).toBe(`Site ${SCRIPT}: monthly roundups`);
    expect(visibleText(one(doc, "main"))).toContain(`Title ${IMG}`);
  });
});
