import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/core/render/renderMarkdown.js";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";
import { renderMonthPage } from "../../src/web/html/index.js";
import { DROPPED_TITLE, picksDoc } from "../fixtures/picksDoc.js";
import { one, parsePage, visibleText } from "./htmlDom.js";
import { ctx, item, julyDoc } from "./htmlFixtures.js";

/** What the roundup says, in the order the Markdown says it, with the words that frame each piece. */
function pieces(doc: RoundupDoc): string[] {
  const said = [doc.title, ...(doc.intro ? [doc.intro] : [])];
  for (const section of doc.sections) {
    said.push(section.emoji ? `${section.emoji} ${section.name}` : section.name);
    for (const entry of section.items) {
      said.push(entry.title);
      if (entry.author) said.push(`by ${entry.author}`);
      const body = entry.note ?? entry.description;
      if (body) said.push(body);
      said.push(`shared by ${entry.sharedBy}`);
      if (entry.votes > 0) said.push(`👍 ${entry.votes}`);
      for (const other of entry.alsoRecommendedBy) {
        said.push(`Also recommended by ${other.name}${other.note ? `: ${other.note}` : ""}`);
      }
    }
  }
  return said;
}

/** Where each piece is found, each searched after the previous one; -1 when missing or out of order. */
function positions(text: string, said: string[]): number[] {
  const lower = text.toLowerCase();
  let from = 0;
  return said.map((piece) => {
    const at = lower.indexOf(piece.toLowerCase(), from);
    if (at >= 0) from = at + piece.length;
    return at;
  });
}

function markdownText(doc: RoundupDoc): string {
  return visibleText(parsePage(new MarkdownIt("commonmark").render(renderMarkdown(doc))));
}

function pageText(doc: RoundupDoc): string {
  return visibleText(one(parsePage(renderMonthPage(doc, ctx, { previous: null, next: null })), "main"));
}

describe("the month page and the Markdown", () => {
  const docs: [string, RoundupDoc][] = [
    ["a typical month", julyDoc()],
    ["picks, votes and a dropped link", picksDoc()],
    [
      "text that Markdown and HTML both escape",
      {
        ...julyDoc(),
        intro: "Intro with *stars*, <b>tags</b> & [brackets](x)",
        sections: [
          {
            kind: "other",
            categoryId: null,
            name: "Other",
            emoji: null,
            items: [
              item({
                id: 9,
                title: "# Not a heading <i>",
                author: "_Under_ & Co",
                note: "`code` and 1. not a list",
                sharedBy: "Zoë <z@example.com>",
                alsoRecommendedBy: [{ name: "Ömer", note: "> not a quote" }],
              }),
            ],
          },
        ],
      },
    ],
  ];

  it("leave the same dropped link out", () => {
    expect(markdownText(picksDoc())).not.toContain(DROPPED_TITLE);
    expect(pageText(picksDoc())).not.toContain(DROPPED_TITLE);
  });

  it.each(docs)("say the same things in the same order: %s", (_, doc) => {
    const said = pieces(doc);
    // The check is only as good as the Markdown side: it must find everything too.
    expect(positions(markdownText(doc), said)).not.toContain(-1);
    const found = positions(pageText(doc), said);
    expect(said.filter((_, i) => found[i] === -1)).toEqual([]);
  });
});
