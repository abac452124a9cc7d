/**
 * The review draft on Slack, end to end: the scheduler posts it to the review channel days ahead,
 * admins shape the roundup from its menus and forms (each change edits the draft in place), "Post now"
 * and "Hold", a restart in between, votes reordering it, a deleted draft posted again, long months paged.
 * Time is the injected clock; the scheduler's tick is run by the test.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getSettings } from "../../src/core/settings/manageSettings.js";
import {
  asAdmin,
  button,
  DRAFT_AT,
  DUE_AT,
  draftPages,
  entryBlock,
  entryIds,
  entryText,
  expectDraftWithinLimits,
  openedForm,
  pickFromMenu,
  pressButton,
  REVIEW_CHANNEL,
  ROUNDUP_CHANNEL,
  reviewedWorkspace,
  share,
  submitForm,
  T1,
} from "./draftKit.js";
import { allText, Harness, waitFor } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  await reviewedWorkspace(h);
});
afterEach(async () => {
  await h.stop();
});

/** Moves the bot's clock (the harness's default clock can be set). */
const at = (iso: string) => h.clock.set?.(iso);
const updates = () => h.api.callsTo("chat.update").length;
const roundupPosts = () =>
  h.api.callsTo("chat.postMessage").filter((c) => c.params.channel === ROUNDUP_CHANNEL);
const link = async (id: number) => (await h.links()).find((l) => l.id === id);

/** Shares three July links (#1 Articles, #2 Tools, #3 Tools) and opens the draft. */
async function openDraft() {
  await share(h, { url: "https://draft.example/one", category: "articles", note: "<!channel> read this" });
  await share(h, { url: "https://draft.example/two", category: "tools", user: "UBEN", name: "Ben" });
  await share(h, { url: "https://draft.example/three", category: "tools", note: "A good one" });
  at(DRAFT_AT);
  await h.tick();
  const [page] = draftPages(h);
  if (!page) throw new Error("no draft");
  // As a reviewer's Slack shows it then: later presses come from this copy, however it was redrawn.
  return structuredClone(page);
}

/** Waits until the draft's first page shows what `check` looks for. */
function draftShows(check: (page: NonNullable<ReturnType<typeof draftPages>[0]>) => boolean) {
  return waitFor(() => {
    const [page] = draftPages(h);
    return page && check(page) ? page : null;
  });
}

describe("the review draft", () => {
  it("is posted to the review channel the set number of days before the roundup, once", async () => {
    await share(h, { url: "https://draft.example/one", category: "articles", note: "<!channel> read this" });
    at("2026-07-29T08:59:00Z");
    await h.tick();
    expect(draftPages(h)).toHaveLength(0);

    at(DRAFT_AT);
    await h.tick();
    const pages = draftPages(h);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    if (!page) throw new Error("no draft");
    expectDraftWithinLimits(page);
    const text = allText({ text: page.text, blocks: page.blocks });
    expect(text).toContain("Draft: What we've been reading in July 2026");
    expect(text).toContain("Open for review");
    expect(text).toContain("2026-08-01 09:00 (UTC)");
    expect(entryText(page, 1)).toContain("draft.example/one");
    expect(entryText(page, 1)).toContain("&lt;!channel&gt; read this");
    expect(entryText(page, 1)).toContain("👍 0");
    expect(entryBlock(page, 1)?.accessory?.options.map((o) => o.text.text)).toEqual([
      "⭐ Pick",
      "Drop",
      "Move…",
      "Edit note…",
    ]);
    expect(button(page, "Post now").value).toBe("post:2026-07");
    expect(button(page, "Hold").value).toBe("hold:2026-07");

    at("2026-07-29T10:00:00Z");
    await h.tick();
    expect(draftPages(h)).toHaveLength(1);
    expect(h.api.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("shows a drop, a pick, a move and a note edit by an admin in the same message", async () => {
    const page = await openDraft();
    const before = updates();

    await pickFromMenu(h, page, 1, "Drop");
    let now = await draftShows((p) => entryText(p, 1).includes("dropped"));
    expect(now.ts).toBe(page.ts);
    expect((await link(1))?.dropped).toBe(true);
    expect(menuLabels(now, 1)).toContain("Restore");

    await pickFromMenu(h, now, 2, "Pick");
    now = await draftShows((p) => entryText(p, 2).includes("⭐ picked"));
    expect(entryText(now, 2)).toContain("Picks of the month");
    // Picks open the roundup; dropped links come last.
    expect(entryIds(now)).toEqual([2, 3, 1]);

    await pickFromMenu(h, now, 3, "Move…");
    const move = await openedForm(h, 0);
    expect(move.callback_id).toBe("read_draft_move");
    const select = move.blocks.find((b) => b.block_id === "value")?.element;
    const tools = select?.options?.find((o) => o.text.text.includes("Tools"));
    const articles = select?.options?.find((o) => o.text.text.includes("Articles"));
    expect(select?.initial_option?.value).toBe(tools?.value);
    expect(select?.options?.at(-1)?.text.text).toBe("Other");
    const moved = await submitForm(h, move, articles?.value ?? "");
    expect(moved.raw).toBe("");
    now = await draftShows((p) => entryText(p, 3).includes("Articles"));
    expect((await link(3))?.categoryName).toContain("Articles");

    await pickFromMenu(h, now, 3, "Edit note…");
    const note = await openedForm(h, 1);
    expect(note.callback_id).toBe("read_draft_note");
    expect(note.blocks.find((b) => b.block_id === "value")?.element?.initial_value).toBe("A good one");
    expect((await submitForm(h, note, "Better said <!here>")).raw).toBe("");
    now = await draftShows((p) => entryText(p, 3).includes("Better said &lt;!here&gt;"));
    expect((await link(3))?.note).toBe("Better said <!here>");

    expect(draftPages(h)).toHaveLength(1);
    expect(h.api.callsTo("chat.postMessage").filter((c) => c.params.channel === REVIEW_CHANNEL)).toHaveLength(
      1,
    );
    expect(updates()).toBeGreaterThanOrEqual(before + 4);
    expectDraftWithinLimits(now);
  });

  it("refuses a member's press privately and changes nothing", async () => {
    const page = await openDraft();
    const before = updates();
    for (const press of [
      () => pickFromMenu(h, page, 1, "Drop", "UAMY"),
      () => pickFromMenu(h, page, 2, "Move…", "UAMY"),
      () => pressButton(h, page, "Post now", "UAMY"),
      () => pressButton(h, page, "Hold", "UAMY"),
    ]) {
      const responseId = await press();
      const [refusal] = await waitFor(() => {
        const posts = h.followUps(responseId);
        return posts.length > 0 ? posts : null;
      });
      expect(refusal?.text).toContain("Only admins can edit the draft.");
      expect(refusal?.response_type).toBe("ephemeral");
      expect(refusal?.replace_original).toBe(false);
    }
    expect((await link(1))?.dropped).toBe(false);
    expect(h.api.callsTo("views.open")).toHaveLength(0);
    expect(roundupPosts()).toHaveLength(0);
    expect((await h.store.reviews.get(T1, "2026-07"))?.heldBy).toBeNull();
    expect(updates()).toBe(before);

    // A form a member submits anyway is refused under its field.
    const refused = await submitForm(
      h,
      {
        callback_id: "read_draft_note",
        private_metadata: JSON.stringify({ period: "2026-07", id: 1 }),
        blocks: [],
      },
      "mine now",
      "UAMY",
    );
    expect(refused.body).toMatchObject({
      response_action: "errors",
      errors: { value: "Only admins can edit the draft." },
    });
    expect((await link(1))?.note).toBe("<!channel> read this");
  });

  it("posts the reviewed roundup once on Post now: picks first, dropped links left out", async () => {
    const page = await openDraft();
    await pickFromMenu(h, page, 1, "Drop");
    let now = await draftShows((p) => entryText(p, 1).includes("dropped"));
    await pickFromMenu(h, now, 3, "Pick");
    now = await draftShows((p) => entryText(p, 3).includes("⭐ picked"));

    const first = await pressButton(h, now, "Post now");
    const [answer] = await waitFor(() => h.followUps(first)[0] && h.followUps(first));
    expect(answer?.text).toContain(`Posted the July 2026 roundup`);
    expect(answer?.text).toContain(`<#${ROUNDUP_CHANNEL}>`);
    const posted = roundupPosts();
    expect(posted.length).toBeGreaterThan(0);
    const roundup = posted.map((c) => allText(c.params as { text?: string; blocks?: unknown[] })).join("\n");
    expect(roundup).not.toContain("draft.example/one");
    expect(roundup.indexOf("Picks of the month")).toBeGreaterThan(-1);
    expect(roundup.indexOf("draft.example/three")).toBeLessThan(roundup.indexOf("draft.example/two"));
    expect(roundup.indexOf("Picks of the month")).toBeLessThan(roundup.indexOf("draft.example/two"));

    now = await draftShows((p) => p.text.includes("posted"));
    expect(allText({ blocks: now.blocks })).toContain("Posted.");
    expect(() => button(now, "Post now")).toThrow();

    const second = await pressButton(h, page, "Post now");
    const [again] = await waitFor(() => h.followUps(second)[0] && h.followUps(second));
    expect(again?.text).toContain("was already posted");
    expect(roundupPosts()).toHaveLength(posted.length);

    // The schedule has moved on: its due time posts nothing more.
    at(DUE_AT);
    expect(await h.tick()).toEqual([]);
    expect(roundupPosts()).toHaveLength(posted.length);
  });

  it("holds the roundup past its due time on Hold, reminding daily, until the hold is released", async () => {
    const page = await openDraft();
    await pressButton(h, page, "Hold");
    const held = await draftShows((p) => p.text.includes("held"));
    expect(allText({ blocks: held.blocks })).toContain("Held by Ada Admin");
    expect(button(held, "Release hold").value).toBe("release:2026-07");

    at(DUE_AT);
    expect(await h.tick()).toEqual([{ workspace: T1, period: "2026-07", outcome: "held" }]);
    expect(roundupPosts()).toHaveLength(0);
    const reminders = () => h.api.messagesIn(REVIEW_CHANNEL).filter((m) => m.threadTs === held.ts);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.text).toContain("still held by Ada Admin");

    at("2026-08-01T15:00:00Z");
    expect(await h.tick()).toEqual([]);
    at("2026-08-02T09:00:00Z");
    expect(await h.tick()).toEqual([{ workspace: T1, period: "2026-07", outcome: "held" }]);
    expect(reminders()).toHaveLength(2);
    expect(roundupPosts()).toHaveLength(0);

    await pressButton(h, held, "Release hold");
    await draftShows((p) => p.text.includes("open"));
    expect(await h.tick()).toEqual([{ workspace: T1, period: "2026-07", outcome: "posted" }]);
    expect(roundupPosts().length).toBeGreaterThan(0);
    await draftShows((p) => p.text.includes("posted"));
  });

  it("keeps its controls working after the bot restarts between draft and post", async () => {
    const page = await openDraft();
    await h.restart();
    await pickFromMenu(h, page, 2, "Drop");
    const now = await draftShows((p) => entryText(p, 2).includes("dropped"));
    expect(now.ts).toBe(page.ts);

    const responseId = await pressButton(h, page, "Post now");
    const [answer] = await waitFor(() => h.followUps(responseId)[0] && h.followUps(responseId));
    expect(answer?.text).toContain("Posted the July 2026 roundup");
    const roundup = roundupPosts().map((c) => String(c.params.text) + JSON.stringify(c.params.blocks));
    expect(roundup.join("")).not.toContain("draft.example/two");
  });

  it("orders links by votes when the order is votes, and shows each change of count", async () => {
    await asAdmin(h, "config order votes");
    const page = await openDraft();
    expect(entryIds(page)).toEqual([1, 2, 3]);

    const vote = await h.command("vote 3", { user: "UBEN" });
    expect(vote.body?.text).toContain("Counted");
    expect(vote.body?.text).toContain("👍 1");
    let now = await draftShows((p) => entryText(p, 3).includes("👍 1"));
    // Tools: #3 (one vote) now comes before #2.
    expect(entryIds(now)).toEqual([1, 3, 2]);

    await h.command("vote 2", { user: "UCARL" });
    await h.command("vote 2", { user: "UAMY" });
    now = await draftShows((p) => entryText(p, 2).includes("👍 2"));
    expect(entryIds(now)).toEqual([1, 2, 3]);
    expect(now.ts).toBe(page.ts);
  });

  it("is posted again on the next change when someone deleted its message", async () => {
    const page = await openDraft();
    h.api.deleteMessage(page.ts);
    await pickFromMenu(h, page, 1, "Drop");
    const again = await draftShows((p) => entryText(p, 1).includes("dropped"));
    expect(again.ts).not.toBe(page.ts);
    await waitFor(async () => (await h.store.reviews.get(T1, "2026-07"))?.messageIds[0] === again.ts);

    await pickFromMenu(h, again, 1, "Restore");
    const restored = await draftShows((p) => !entryText(p, 1).includes("dropped"));
    expect(restored.ts).toBe(again.ts);
    expect(draftPages(h)).toHaveLength(1);
  });

  it("takes several messages for a month with more links than one holds, each within Slack's limits", async () => {
    const long = "A very long note about why to read this, with <!everyone> & <@U123> in it. ".repeat(13);
    for (let i = 1; i <= 20; i++) {
      await share(h, {
        url: `https://many.example/${i}?${"q=1&".repeat(i === 7 ? 400 : 1)}`,
        category: i % 2 ? "tools" : "articles",
        note: long,
      });
    }
    at(DRAFT_AT);
    await h.tick();
    const pages = draftPages(h);
    expect(pages).toHaveLength(2);
    for (const page of pages) expectDraftWithinLimits(page);
    expect(pages[0]?.text).toContain("(1 of 2)");
    expect(pages[1]?.text).toContain("(2 of 2)");
    const shown = pages.flatMap(entryIds);
    expect(shown.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    // A control on the second page redraws both in place.
    const second = pages[1];
    if (!second) throw new Error("no second page");
    const id = entryIds(second)[0] as number;
    await pickFromMenu(h, second, id, "Pick");
    const picked = await draftShows((p) => entryIds(p)[0] === id);
    expect(picked.ts).toBe(pages[0]?.ts);
    expect(draftPages(h).map((p) => p.ts)).toEqual(pages.map((p) => p.ts));
  });
});

function menuLabels(page: Parameters<typeof entryBlock>[0], id: number): string[] {
  return entryBlock(page, id)?.accessory?.options.map((o) => o.text.text) ?? [];
}

describe("the review settings", () => {
  it("say when the next draft goes out in config show", async () => {
    const shown = await asAdmin(h, "config show");
    expect(shown).toContain(`Review draft: in <#${REVIEW_CHANNEL}>, 3 days before each roundup`);
    expect(shown).toContain("Next draft: on 2026-07-29 09:00 (UTC)");
    expect((await getSettings({ store: h.store }, { workspace: T1 })).review).toEqual({
      days: 3,
      channelId: REVIEW_CHANNEL,
    });
  });
});
