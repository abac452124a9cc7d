/** The draft page's Block Kit, and the control values that must still mean the same after a restart. */
import { describe, expect, it } from "vitest";
import { controlValue, type DraftControl, parseControl } from "../../src/adapters/slack/draftControls.js";
import { DRAFT_PAGE_SIZE, renderDraftPage } from "../../src/adapters/slack/draftMessage.js";
import { type DraftEntry, pagesOf, type ReviewDraft } from "../../src/core/review/reviewDraft.js";
import { allText } from "./harness.js";

const entry = (id: number, over: Partial<DraftEntry> = {}): DraftEntry => ({
  id,
  title: `Link ${id}`,
  url: `https://page.example/${id}`,
  section: "Tools",
  categoryId: 1,
  note: null,
  sharedBy: "Amy",
  votes: 0,
  picked: false,
  dropped: false,
  ...over,
});

const draft = (entries: DraftEntry[], over: Partial<ReviewDraft> = {}): ReviewDraft => ({
  workspace: "slack:T1",
  period: "2026-07",
  periodLabel: "July 2026",
  title: "What we've been reading in July 2026",
  dueAt: Date.parse("2026-08-01T09:00:00Z"),
  timeZone: "Europe/Berlin",
  status: "open",
  heldBy: null,
  entries,
  categories: [{ id: 1, name: "Tools", emoji: null }],
  version: 1,
  ...over,
});

/** The draft's first page as Slack gets it. */
function firstPage(d: ReviewDraft) {
  const [page] = pagesOf(d, DRAFT_PAGE_SIZE);
  if (!page) throw new Error("no page");
  return renderDraftPage(page);
}

describe("draft controls", () => {
  it("read back what they wrote, and nothing else", () => {
    const controls: DraftControl[] = [
      { kind: "curate", action: "drop", period: "2026-07", id: 12 },
      { kind: "curate", action: "unpick", period: "2026-07", id: 999_999_999_999 },
      { kind: "move", period: "2026-07", id: 3 },
      { kind: "note", period: "2026-07", id: 3 },
      { kind: "post", period: "2026-07" },
      { kind: "hold", period: "2026-07" },
      { kind: "release", period: "2026-07" },
    ];
    for (const control of controls) {
      expect(controlValue(control).length).toBeLessThanOrEqual(75);
      expect(parseControl(controlValue(control))).toEqual(control);
    }
    expect(controlValue(controls[0] as DraftControl)).toBe("drop:2026-07:12");
    for (const bad of [
      "",
      "drop:2026-07",
      "post:2026-7",
      "drop:2026-07:0",
      "nuke:2026-07:1",
      "drop:2026-07:1:x",
    ])
      expect(parseControl(bad)).toBeNull();
  });
});

describe("renderDraftPage", () => {
  it("shows the status, each link's marks and votes, and hostile text as text", () => {
    const page = firstPage(
      draft(
        [
          entry(1, { picked: true, section: "⭐ Picks of the month", votes: 3, note: "<!here> *look*" }),
          entry(2, { title: "<@U123> & <!subteam^S1>", sharedBy: "<!channel>" }),
          entry(3, { dropped: true, section: null }),
        ],
        { status: "held", heldBy: "Ada <!everyone>" },
      ),
    );
    const text = allText(page);
    expect(text).toContain("Held by Ada &lt;!everyone&gt;");
    expect(text).toContain("2026-08-01 11:00 (Europe/Berlin)");
    expect(text).toContain("⭐ picked");
    expect(text).toContain("👍 3");
    expect(text).toContain(":no_entry_sign: _dropped_");
    expect(text).toContain("&lt;@U123&gt; &amp; &lt;!subteam^S1&gt;");
    expect(text).not.toMatch(/<!(here|channel|everyone|subteam)|<@U/);
    expect(text).toContain("Release hold");
  });

  it("says a month without links has none, and a posted draft has no buttons", () => {
    const page = firstPage(draft([], { status: "posted" }));
    expect(allText(page)).toContain("No links were shared in July 2026 yet.");
    expect(page.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("keeps a full page of the longest links within Slack's limits", () => {
    const huge = (id: number) =>
      entry(id, {
        title: "&".repeat(300),
        url: `https://page.example/${id}?${"a=<b>&".repeat(300)}`,
        note: "&<>".repeat(333),
        section: "&".repeat(80),
        sharedBy: "&".repeat(80),
      });
    const page = firstPage(draft(Array.from({ length: DRAFT_PAGE_SIZE }, (_, i) => huge(i + 1))));
    expect(page.blocks.length).toBeLessThanOrEqual(50);
    let chars = 0;
    for (const block of page.blocks) {
      const text = "text" in block && typeof block.text === "object" ? block.text.text : "";
      expect(text.length).toBeLessThanOrEqual(block.type === "header" ? 150 : 3000);
      chars += text.length;
    }
    expect(chars).toBeLessThanOrEqual(12_000);
  });
});
