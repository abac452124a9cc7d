import { describe, expect, it } from "vitest";
import { escapeDiscord, maskedLink } from "../../src/adapters/discord/escape.js";
import { linkTitle } from "../../src/adapters/discord/messages.js";
import { renderRoundup, splitLine } from "../../src/adapters/discord/render.js";
import type { RoundupDoc, RoundupItem } from "../../src/core/roundup/roundupDoc.js";
import { DROPPED_TITLE, picksDoc } from "../fixtures/picksDoc.js";
import { expectWithinLimits, visibleText } from "./limits.js";

const WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split(" ");

/** A note of about `length` characters, each word unique to its entry so a cut word would show. */
function longNote(entry: number, length: number): string {
  const words: string[] = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const word = `${WORDS[i % WORDS.length]}${entry}w${i}`;
    words.push(word);
    total += word.length + 1;
  }
  return words
    .join(" ")
    .slice(0, length)
    .replace(/\s+\S*$/, "");
}

function item(i: number, overrides: Partial<RoundupItem> = {}): RoundupItem {
  return {
    id: i,
    url: `https://example.com/articles/${i}?ref=${"x".repeat(i % 50)}`,
    title: `Article number ${i}: a fairly long title about something interesting`,
    author: `Author ${i}`,
    description: null,
    siteName: null,
    note: longNote(i, 990),
    sharedBy: `Sharer ${i % 7}`,
    sharedAt: 0,
    alsoRecommendedBy: [],
    picked: false,
    votes: 0,
    ...overrides,
  };
}

function doc(items: RoundupItem[], sections = 3): RoundupDoc {
  return {
    workspace: "discord:1",
    period: "2026-06",
    periodLabel: "June 2026",
    title: "What we've been reading in June 2026",
    intro: null,
    sections: Array.from({ length: sections }, (_, s) => ({
      kind: "category",
      categoryId: s + 1,
      name: `Section ${s + 1}`,
      emoji: s === 0 ? "📚" : null,
      items: items.filter((_, i) => i % sections === s),
    })),
    linkCount: items.length,
    dropped: [],
  };
}

describe("renderRoundup", () => {
  it("splits 300 links with long notes across messages within every limit, losing none", () => {
    const items = Array.from({ length: 300 }, (_, i) => item(i + 1));
    const messages = renderRoundup(doc(items));
    expect(messages.length).toBeGreaterThan(30);
    for (const message of messages) expectWithinLimits(message);
    const text = visibleText(messages);
    for (const [index, it] of items.entries()) {
      // Every entry whole: its link, its author, its note (plain words: nothing to escape) and who shared it.
      const i = index + 1;
      expect(text).toContain(
        [
          `**[Article number ${i}: a fairly long title about something interesting](<https://example.com/articles/${i}?ref=${"x".repeat(i % 50)}>)** by Author ${i}`,
          it.note,
          `*shared by Sharer ${i % 7}*`,
        ].join("\n"),
      );
    }
    expect(messages[0]?.content).toContain("What we've been reading in June 2026");
  });

  it("is deterministic, so a resumed post sends the same parts", () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i + 1));
    expect(renderRoundup(doc(items))).toEqual(renderRoundup(doc(items)));
  });

  it("splits one entry too long for an embed between lines, never inside a word", () => {
    const crowd = Array.from({ length: 12 }, (_, i) => ({
      name: `Friend ${i}`,
      note: longNote(1000 + i, 990),
    }));
    const big = item(1, { alsoRecommendedBy: crowd });
    const messages = renderRoundup(doc([big, item(2)], 1));
    for (const message of messages) expectWithinLimits(message);
    const text = visibleText(messages);
    // The notes are plain words: nothing in them is escaped, so each shows exactly as written.
    for (const other of crowd) expect(text).toContain(other.note);
    const shown = new Set(text.split(/\s+/));
    for (const word of crowd.flatMap((other) => other.note.split(" "))) expect(shown.has(word)).toBe(true);
    expect(text).toContain("Section 1 (continued)");
  });

  it("shows hostile titles and notes as plain text", () => {
    const hostile = "@everyone <@&1> [x](https://evil) # Heading\n- list";
    const messages = renderRoundup({
      ...doc([item(1, { title: hostile, note: hostile, author: "@here", sharedBy: "<@123>" })], 1),
      title: "# @everyone",
      intro: "<@&42> **bold**",
    });
    const text = visibleText(messages);
    expect(text).not.toMatch(/(^|[^\\])@(everyone|here)/);
    expect(text).not.toMatch(/(^|[^\\])<@/);
    expect(text).not.toContain("[x](https://evil)");
    expect(text).not.toMatch(/^# /m);
    expect(text).toContain("\\@everyone \\<\\@&1\\> \\[x\\]\\(https://evil\\)");
  });

  it("opens with the picks, says 👍 N after the sharer only when others recommend it, and shows no dropped link", () => {
    const messages = renderRoundup(picksDoc());
    for (const message of messages) expectWithinLimits(message);
    expect(messages.flatMap((m) => m.embeds.map((e) => e.title))).toEqual([
      "⭐ Picks of the month",
      "📚 Articles",
    ]);
    const text = visibleText(messages);
    expect(text).toContain(
      "**[Seastar](<https://example.com/1>)**\nShared-nothing done right.\n*shared by Alice* · 👍 3",
    );
    expect(text).toContain("Wait-free, finally.\n*shared by Bob* · 👍 1");
    expect(text).toMatch(/\*shared by Chen\*$/m);
    expect(text).not.toContain("👍 0");
    expect(text).not.toContain(DROPPED_TITLE);
  });

  it("says a month was quiet", () => {
    const messages = renderRoundup({ ...doc([], 0), intro: null });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toContain("No links were shared in June 2026");
  });
});

describe("escape", () => {
  it("escapes markdown, mentions, masked links and headings", () => {
    expect(escapeDiscord("# Title")).toBe("\\# Title");
    expect(escapeDiscord("-# small")).toBe("\\-\\# small");
    expect(escapeDiscord("> quote")).toBe("\\> quote");
    expect(escapeDiscord("1. item")).toBe("1\\. item");
    expect(escapeDiscord("**b** __u__ ~~s~~ ||spoiler|| `code`")).toBe(
      "\\*\\*b\\*\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`",
    );
    expect(escapeDiscord("line one\n# line two")).toBe("line one \\# line two");
  });

  it("drops control characters and an open right-to-left override from text stored before notes were cleaned", () => {
    expect(escapeDiscord("red\u001b[31m bell\u0007 nul\u0000 \u202eevil")).toBe("red\\[31m bell nul evil");
  });

  it("links titles but never behind an address, and keeps the destination whole", () => {
    expect(maskedLink("A (good) read", "https://x.y/a_(b)")).toBe(
      "[A \\(good\\) read](<https://x.y/a_%28b%29>)",
    );
    expect(maskedLink("https://x.y/a", "https://x.y/a")).toBe("<https://x.y/a>");
    expect(maskedLink("https://evil.example", "https://x.y/a")).toBe("<https://x.y/a>");
  });

  it("splits long lines at spaces", () => {
    const parts = splitLine("aaaa bbbb cccc dddd", 9);
    expect(parts).toEqual(["aaaa bbbb", "cccc dddd"]);
    expect(splitLine("a\\*bcdef", 2).every((p) => !/(^|[^\\])\\$/.test(p))).toBe(true);
  });
});

describe("linkTitle", () => {
  it("shows an absurdly long link by its host as it was shared, an international name in Unicode", () => {
    const url = `https://bücher.example/${"a".repeat(500)}`;
    expect(linkTitle({ url, title: "Neue Bücher" })).toBe("Neue Bücher (bücher.example)");
    expect(
      linkTitle({ url: `https://xn--bcher-kva.example:8080/${"a".repeat(500)}`, title: null }),
    ).toContain("(xn--bcher-kva.example:8080)");
  });
});
