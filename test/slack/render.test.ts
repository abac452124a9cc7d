import { describe, expect, it } from "vitest";
import { escapeMrkdwn, mrkdwnLink } from "../../src/adapters/slack/escape.js";
import {
  type Block,
  chunkMrkdwn,
  renderRoundup,
  SLACK_LIMITS,
  type SlackMessage,
} from "../../src/adapters/slack/render.js";
import type { RoundupDoc, RoundupItem, RoundupSection } from "../../src/core/roundup/roundupDoc.js";
import { DROPPED_TITLE, picksDoc } from "../fixtures/picksDoc.js";

function item(id: number, overrides: Partial<RoundupItem> = {}): RoundupItem {
  return {
    id,
    url: `https://example.com/post/${id}`,
    title: `Post number ${id}`,
    author: null,
    description: null,
    siteName: null,
    note: null,
    sharedBy: "Amy",
    sharedAt: 0,
    alsoRecommendedBy: [],
    picked: false,
    votes: 0,
    ...overrides,
  };
}

function doc(sections: RoundupSection[], overrides: Partial<RoundupDoc> = {}): RoundupDoc {
  return {
    workspace: "slack:T1",
    period: "2026-07",
    periodLabel: "July 2026",
    title: "What we've been reading in July 2026",
    intro: null,
    sections,
    linkCount: sections.reduce((n, s) => n + s.items.length, 0),
    dropped: [],
    ...overrides,
  };
}

/** Checks every Slack limit on every message. */
function expectWithinLimits(messages: SlackMessage[]): void {
  for (const message of messages) {
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    let chars = 0;
    for (const block of message.blocks) {
      if (block.type === "header")
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (block.type === "section") {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        chars += block.text?.text.length ?? 0;
      }
    }
    expect(chars).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
  }
}

const sectionTexts = (messages: SlackMessage[]) =>
  messages.flatMap((m) => m.blocks).flatMap((b: Block) => (b.type === "section" ? [b.text?.text ?? ""] : []));

describe("renderRoundup", () => {
  it("renders a header, a heading per category and a linked entry per link", () => {
    const messages = renderRoundup(
      doc([
        {
          kind: "category",
          categoryId: 1,
          name: "Tools",
          emoji: "🛠️",
          items: [
            item(1, {
              author: "Ann Author",
              note: "Use it daily",
              alsoRecommendedBy: [{ name: "Ben", note: "+1" }],
            }),
          ],
        },
        { kind: "other", categoryId: null, name: "Other", emoji: null, items: [item(2)] },
      ]),
    );
    expect(messages).toHaveLength(1);
    const [message] = messages as [SlackMessage];
    expect(message.text).toBe("What we've been reading in July 2026: 2 links");
    expect(message.blocks.map((b) => b.type)).toEqual(["header", "header", "section", "header", "section"]);
    const [tools, other] = sectionTexts(messages);
    expect(tools).toBe(
      "• *<https://example.com/post/1|Post number 1>* by Ann Author\nUse it daily\n_shared by Amy_\n_also recommended by Ben_: +1",
    );
    expect(other).toContain("<https://example.com/post/2|Post number 2>");
  });

  it("opens with the picks, says 👍 N after the sharer only when others recommend it, and shows no dropped link", () => {
    const messages = renderRoundup(picksDoc());
    expectWithinLimits(messages);
    const headers = messages
      .flatMap((m) => m.blocks)
      .flatMap((b) => (b.type === "header" ? [b.text.text] : []));
    expect(headers).toEqual(["What we've been reading in July 2026", "⭐ Picks of the month", "📚 Articles"]);
    const [picks, articles] = sectionTexts(messages);
    expect(picks).toBe(
      "• *<https://example.com/1|Seastar>*\nShared-nothing done right.\n_shared by Alice_ · 👍 3",
    );
    expect(articles).toContain("Wait-free, finally.\n_shared by Bob_ · 👍 1");
    expect(articles).toMatch(/_shared by Chen_$/);
    expect(JSON.stringify(messages)).not.toContain("👍 0");
    expect(JSON.stringify(messages)).not.toContain(DROPPED_TITLE);
    expect(messages[0]?.text).toBe("What we've been reading in July 2026: 3 links");
  });

  it("says so when nothing was shared", () => {
    const [message] = renderRoundup(doc([]));
    expect(JSON.stringify(message)).toContain("No links were shared in July 2026.");
  });

  it("splits 300 long entries within every limit, each link once, headings repeated when continued", () => {
    const hostileNote = "&".repeat(400) + " <!channel> ".repeat(40);
    const sections: RoundupSection[] = [0, 1, 2].map((s) => ({
      kind: "category",
      categoryId: s + 1,
      name: `Category ${s}`,
      emoji: null,
      items: Array.from({ length: 100 }, (_, i) =>
        item(s * 100 + i + 1, {
          title: `${"Long title ".repeat(25)}${s * 100 + i + 1}`,
          note:
            i % 10 === 0 ? hostileNote : "A note of ordinary length that says why this one is worth reading.",
        }),
      ),
    }));
    const messages = renderRoundup(doc(sections, { intro: "Intro & <b>more</b> ".repeat(120) }));
    expect(messages.length).toBeGreaterThan(3);
    expectWithinLimits(messages);
    const all = sectionTexts(messages).join("\n");
    for (let id = 1; id <= 300; id++) {
      expect(all.split(`<https://example.com/post/${id}|`).length - 1).toBe(1);
    }
    expect(all).not.toMatch(/<!|<@|<#/);
    const headers = messages.flatMap((m) => m.blocks).filter((b) => b.type === "header");
    expect(headers.some((h) => h.type === "header" && h.text.text.endsWith("(continued)"))).toBe(true);
    // Every message but the first opens with a heading, so a reader always knows the category.
    for (const message of messages.slice(1)) expect(message.blocks[0]?.type).toBe("header");
    for (const [i, m] of messages.entries()) expect(m.text).toContain(`part ${i + 1} of ${messages.length}`);
  });

  it("cuts a single huge entry across sections without losing a character", () => {
    const note = Array.from({ length: 900 }, (_, i) => `word${i}&`).join(" ");
    const messages = renderRoundup(
      doc([{ kind: "category", categoryId: 1, name: "Tools", emoji: null, items: [item(1, { note })] }]),
    );
    expectWithinLimits(messages);
    const joined = sectionTexts(messages).join(" ").replace(/\s+/g, " ");
    expect(joined).toContain(Array.from({ length: 900 }, (_, i) => `word${i}&amp;`).join(" "));
  });

  it("keeps a header under 150 characters and the full title in the body", () => {
    const title = `Reading ${"x".repeat(200)}`;
    const messages = renderRoundup(doc([], { title }));
    expectWithinLimits(messages);
    expect(JSON.stringify(messages)).toContain(title);
  });
});

describe("escapeMrkdwn", () => {
  it("drops control characters and an open right-to-left override from text stored before notes were cleaned", () => {
    expect(escapeMrkdwn("red\u001b[31m bell\u0007 <b> \u202eevil")).toBe("red[31m bell &lt;b&gt; evil");
  });
});

describe("chunkMrkdwn", () => {
  it("never cuts inside a link or an entity", () => {
    const link = mrkdwnLink("https://example.com/?a=1&b=2", "A & B");
    const text = Array.from({ length: 50 }, () => `${link} &amp;&lt;&gt;`).join(" ");
    for (const chunk of chunkMrkdwn(text, 200)) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(chunk).not.toMatch(/<[^>]*$|^[^<]*>|&[a-z]*$/);
    }
  });

  it("writes out a link too long for any section as label and address", () => {
    const url = `https://example.com/?${"a=1&".repeat(700)}`;
    const chunks = chunkMrkdwn(`see ${mrkdwnLink(url, "the page")}`, 3000);
    expect(chunks.every((c) => c.length <= 3000 && !c.includes("<"))).toBe(true);
    expect(chunks.join("")).toContain("the page");
  });
});
