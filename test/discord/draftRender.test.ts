/**
 * The review draft's messages and a link's private controls keep Discord's limits whatever the links
 * hold (long hostile titles, notes and addresses, a hundred categories), and never let text ping.
 */
import { describe, expect, it } from "vitest";
import { linkControls, noteModal } from "../../src/adapters/discord/draft/linkControls.js";
import { DRAFT_PAGE_SIZE, renderDraftPage } from "../../src/adapters/discord/draft/renderDraft.js";
import { type DraftEntry, pagesOf, type ReviewDraft } from "../../src/core/review/reviewDraft.js";
import { expectWithinLimits, visibleText } from "./limits.js";

const HOSTILE = "@everyone <@&1> **bold** [x](https://evil.example) `code` ";

function entry(id: number, over: Partial<DraftEntry> = {}): DraftEntry {
  return {
    id,
    title: `${HOSTILE}${"Title ".repeat(60)}`,
    url: `https://example.com/${"(a b)[c]".repeat(50)}/${id}`,
    section: `${HOSTILE}${"Section ".repeat(20)}`,
    categoryId: 1,
    note: `${HOSTILE}${"note ".repeat(300)}`,
    sharedBy: `${HOSTILE}Sam`,
    votes: id % 3,
    picked: id % 4 === 0,
    dropped: id % 5 === 0,
    ...over,
  };
}

function draft(count: number, over: Partial<ReviewDraft> = {}): ReviewDraft {
  return {
    workspace: "discord:110000000000000001",
    period: "2026-06",
    periodLabel: "June 2026",
    title: `${HOSTILE}${"What we read ".repeat(20)}`,
    dueAt: Date.parse("2026-07-01T09:00:00Z"),
    timeZone: "Europe/Berlin",
    status: "held",
    heldBy: `${HOSTILE}${"Bob ".repeat(40)}`,
    entries: Array.from({ length: count }, (_, i) => entry(9_000_000 + i)),
    categories: Array.from({ length: 120 }, (_, i) => ({
      id: i + 1,
      name: `${HOSTILE}${"Category ".repeat(12)}${i}`,
      emoji: i % 2 ? "📚" : null,
    })),
    version: 1,
    ...over,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: components as Discord's API takes them
function expectComponentsWithinLimits(components: any[]): void {
  expect(components.length).toBeLessThanOrEqual(5);
  for (const row of components) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThanOrEqual(1);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const component of row.components) {
      expect(component.custom_id.length).toBeLessThanOrEqual(100);
      if (component.type === 2) expect(component.label.length).toBeLessThanOrEqual(80);
      if (component.type === 3) {
        expect(row.components).toHaveLength(1);
        expect(component.options.length).toBeGreaterThanOrEqual(1);
        expect(component.options.length).toBeLessThanOrEqual(25);
        expect((component.placeholder ?? "").length).toBeLessThanOrEqual(150);
        for (const option of component.options) {
          expect(option.label.length).toBeGreaterThanOrEqual(1);
          expect(option.label.length).toBeLessThanOrEqual(100);
          expect(option.value.length).toBeLessThanOrEqual(100);
          expect((option.description ?? "").length).toBeLessThanOrEqual(100);
        }
      }
    }
  }
  const ids = components.flatMap((row) => row.components.map((c: { custom_id: string }) => c.custom_id));
  expect(new Set(ids).size).toBe(ids.length);
}

describe("a draft page on Discord", () => {
  it("fits Discord's limits with a full page of the longest, most hostile links", () => {
    const pages = pagesOf(draft(25), DRAFT_PAGE_SIZE);
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      const message = renderDraftPage(page);
      expectWithinLimits(message);
      expectComponentsWithinLimits(message.components);
      const text = visibleText([message]);
      expect(text).not.toMatch(/(^|[^\\])@everyone/);
      expect(text).not.toMatch(/(^|[^\\])<@&/);
      // Every link of the page is listed by its number and offered in the menu.
      const menu = message.components[0]?.components[0] as { options: { value: string }[] };
      expect(menu.options.map((o) => Number(o.value))).toEqual(page.entries.map((e) => e.id));
      for (const e of page.entries) expect(text).toContain(`**${e.id}.**`);
    }
  });

  it("shows each link's place, votes and pick, and the draft's status and due time", () => {
    const [page] = pagesOf(
      draft(0, {
        status: "open",
        heldBy: null,
        entries: [
          entry(1, {
            title: "Picked",
            url: "https://a.example/1",
            section: "⭐ Picks of the month",
            note: "Read it",
            picked: true,
            dropped: false,
            votes: 2,
          }),
          entry(2, {
            title: "Dropped",
            url: "https://a.example/2",
            section: null,
            note: null,
            picked: false,
            dropped: true,
            votes: 0,
          }),
        ],
      }),
      DRAFT_PAGE_SIZE,
    );
    const message = renderDraftPage(page as NonNullable<typeof page>);
    const text = visibleText([message]);
    expect(text).toContain("**1.** [Picked](<https://a.example/1>)");
    expect(text).toContain("⭐ Picks of the month · 👍 2 · ⭐ pick");
    expect(text).toContain("> Read it");
    expect(text).toContain("**2.** [Dropped](<https://a.example/2>)\n-# ~~dropped~~");
    expect(text).toContain("Open**: posts 2026-07-01 11:00 (Europe/Berlin)");
    const buttons = message.components[1]?.components.map((c) => ("label" in c ? c.label : ""));
    expect(buttons).toEqual(["Post now", "Hold"]);
  });

  it("is one page saying so for a month without links, with Post now and Hold only", () => {
    const pages = pagesOf(draft(0), DRAFT_PAGE_SIZE);
    expect(pages).toHaveLength(1);
    const message = renderDraftPage(pages[0] as NonNullable<(typeof pages)[0]>);
    expectWithinLimits(message);
    expect(visibleText([message])).toContain("No links shared in June 2026 yet.");
    expect(message.components).toHaveLength(1);
    expect(message.components[0]?.components.map((c) => ("label" in c ? c.label : ""))).toEqual([
      "Post now",
      "Release hold",
    ]);
  });
});

describe("a link's private controls", () => {
  it("fit Discord's limits with a hundred and twenty categories, and offer every action", () => {
    const answer = linkControls(draft(0), entry(1), "🗑️ Dropped.");
    expectWithinLimits(answer);
    expectComponentsWithinLimits(answer.components ?? []);
    const labels = answer.components?.[0]?.components.map((c) => ("label" in c ? c.label : ""));
    expect(labels).toEqual(["Drop", "⭐ Pick", "Edit note"]);
    // Four menus of sections (Discord's five rows): a hundred of them and "Other" can't all show.
    expect(answer.components).toHaveLength(5);
  });

  it("offer Restore and Unpick for a dropped pick, and the note form filled in", () => {
    const d = draft(0);
    const e = entry(7, { dropped: true, picked: true, note: "Keep this" });
    const labels = linkControls(d, e).components?.[0]?.components.map((c) => ("label" in c ? c.label : ""));
    expect(labels).toEqual(["Restore", "Unpick", "Edit note"]);
    const modal = noteModal("2026-06", e);
    expect(modal.custom_id).toBe("rv:note:2026-06:7");
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(JSON.stringify(modal.components)).toContain('"value":"Keep this"');
  });
});
