import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actorOf } from "../../src/core/actor.js";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { MemoryPublisher } from "../schedule/fakePublisher.js";
import { MemoryBoard } from "./memoryBoard.js";

const workspace = "slack:T1";
const clock = fixedClock("2026-06-20T12:00:00Z");
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const ada = actorOf({ userId: "UADA", name: "Ada", isAdmin: async () => true });
const bea = actorOf({ userId: "UBEA", name: "Bea", isAdmin: async () => true });
const max = actorOf({ userId: "UMAX", name: "Max", isAdmin: async () => false });

let temp: ReturnType<typeof tempStore>;
let store: SqliteStore;
let publisher: MemoryPublisher;
let board: MemoryBoard;
let core: RoundupCore;

function coreOn(on: SqliteStore): RoundupCore {
  return createRoundupCore({
    store: on,
    clock,
    logger: quiet,
    owner: "bot-1",
    publishers: { slack: publisher },
    boards: { slack: board },
  });
}

function tick(owner = "bot-1", on: SqliteStore = store) {
  return schedulerTick(
    { store: on, clock, publishers: { slack: publisher }, boards: { slack: board }, sleep: async () => {} },
    { owner, retryDelaysMs: [0, 0, 0] },
  );
}

async function share(title: string, userId = "UANN", at = "2026-06-10T10:00:00Z") {
  clock.set(at);
  const result = await core.addLink({
    workspace,
    url: `https://example.com/${encodeURIComponent(title)}`,
    title,
    userId,
    userName: userId.slice(1),
    source: "slack",
  });
  await core.settle(5_000);
  return result.link.id;
}

const draft = () => board.shown("R1");
const draftLines = () => draft().flatMap((page) => page.lines);

beforeEach(async () => {
  temp = tempStore();
  store = temp.store;
  publisher = new MemoryPublisher(50);
  board = new MemoryBoard(3);
  core = coreOn(store);
  clock.set("2026-06-05T12:00:00Z");
  await core.setSchedule({ workspace, day: 1, time: "09:00", timeZone: "UTC" });
  await core.setChannel({ workspace, channelId: "C1" });
  await core.setReview({ workspace, days: 3, channelId: "R1" });
});
afterEach(() => temp.cleanup());

/** Three links in June, then the clock at the draft's time (3 days before July 1, 09:00) and a tick. */
async function draftOut(): Promise<number[]> {
  const ids = [await share("First"), await share("Second"), await share("Third")];
  clock.set("2026-06-28T09:00:00Z");
  await tick();
  return ids;
}

describe("the review draft", () => {
  it("goes out N days before the roundup, once, however many schedulers tick", async () => {
    await share("First");
    clock.set("2026-06-28T08:59:00Z");
    await tick();
    expect(board.posts).toBe(0);
    clock.set("2026-06-28T09:00:00Z");
    await Promise.all([tick("bot-1"), tick("bot-2")]);
    await tick("bot-3");
    expect(board.posts).toBe(1);
    expect(draft()).toEqual([{ status: "open", page: "1/1", lines: ["#1 First [Other]"] }]);
  });

  it("is not posted when review is off", async () => {
    await core.setReview({ workspace, days: 0 });
    await share("First");
    clock.set("2026-06-30T09:00:00Z");
    await tick();
    expect(board.posts).toBe(0);
  });

  it("shows an editor's drop, pick, move and note in place, and refuses a member without changing anything", async () => {
    const [first, second, third] = (await draftOut()) as [number, number, number];
    await core.curateLink({ workspace, id: first, action: "drop", actor: ada });
    await core.curateLink({ workspace, id: second, action: "pick", actor: ada });
    const tools = (await core.listCategories({ workspace })).find((c) => c.name === "Tools");
    await core.editLink({
      workspace,
      id: third,
      actor: ada,
      categoryId: tools?.id ?? null,
      note: "Read the end",
    });
    expect(board.posts).toBe(1);
    expect(draftLines()).toEqual([
      "#2 Second [⭐ Picks of the month] picked",
      '#3 Third [🛠️ Tools] "Read the end"',
      "#1 First [-] dropped",
    ]);

    await expect(
      core.curateLink({ workspace, id: first, action: "restore", actor: max }),
    ).rejects.toMatchObject({
      code: "review.notAdmin",
    });
    expect((await store.links.get(workspace, first))?.dropped).toBe(true);
    expect(draftLines()).toContain("#1 First [-] dropped");
  });

  it("takes in a link shared after it went out, and pages a long month", async () => {
    await draftOut();
    await share("Fourth", "UANN", "2026-06-28T10:00:00Z");
    expect(draft().map((page) => page.page)).toEqual(["1/2", "2/2"]);
    expect(draftLines()).toContain("#4 Fourth [Other]");
  });

  it("shows a page's title once it has been read", async () => {
    await draftOut();
    const reading = createRoundupCore({
      store,
      clock,
      logger: quiet,
      boards: { slack: board },
      fetcher: {
        fetchMetadata: async () => ({
          ok: true,
          metadata: {
            title: "What the page says",
            author: null,
            description: null,
            siteName: null,
            canonicalUrl: null,
          },
        }),
      },
    });
    clock.set("2026-06-28T11:00:00Z");
    const added = await reading.addLink({
      workspace,
      url: "https://example.com/untitled",
      userId: "UANN",
      userName: "Ann",
      source: "slack",
    });
    await reading.settle(5_000);
    expect(draftLines()).toContain(`#${added.link.id} https://example.com/untitled [Other]`);
    await reading.enrichLink({ workspace, linkId: added.link.id });
    await reading.settle(5_000);
    expect(draftLines()).toContain(`#${added.link.id} What the page says [Other]`);
  });

  it("loses a link removed from the list", async () => {
    const [first] = (await draftOut()) as [number];
    await core.removeLink({ workspace, id: first, actor: ada });
    expect(draftLines()).toEqual(["#2 Second [Other]", "#3 Third [Other]"]);
  });

  it("posts a deleted draft message again on the next change", async () => {
    const [first] = (await draftOut()) as [number];
    const [id] = (await store.reviews.get(workspace, "2026-06"))?.messageIds ?? [];
    board.messages.delete(id as string);
    await core.curateLink({ workspace, id: first, action: "pick", actor: ada });
    expect(board.posts).toBe(2);
    expect(draftLines()[0]).toBe("#1 First [⭐ Picks of the month] picked");
    expect((await store.reviews.get(workspace, "2026-06"))?.messageIds).not.toContain(id);
  });

  it("ends with one page when two redraws at once both find its message deleted", async () => {
    await draftOut();
    const [id] = (await store.reviews.get(workspace, "2026-06"))?.messageIds ?? [];
    board.messages.delete(id as string);
    await Promise.all([
      core.showDraft({ workspace, period: "2026-06" }),
      coreOn(store).showDraft({ workspace, period: "2026-06" }),
    ]);
    const recorded = (await store.reviews.get(workspace, "2026-06"))?.messageIds;
    expect(board.posts).toBe(3);
    expect([...board.messages.keys()]).toEqual(recorded);
    expect(draftLines()).toEqual(["#1 First [Other]", "#2 Second [Other]", "#3 Third [Other]"]);
  });

  it("keeps both changes when two editors act at once", async () => {
    const [first, second] = (await draftOut()) as [number, number];
    await Promise.all([
      core.curateLink({ workspace, id: first, action: "drop", actor: ada }),
      coreOn(store).curateLink({ workspace, id: second, action: "pick", actor: bea }),
    ]);
    expect((await store.links.get(workspace, first))?.dropped).toBe(true);
    expect((await store.links.get(workspace, second))?.picked).toBe(true);
    expect(draftLines()).toEqual([
      "#2 Second [⭐ Picks of the month] picked",
      "#3 Third [Other]",
      "#1 First [-] dropped",
    ]);
  });

  it("keeps working after a restart between the draft and the post", async () => {
    const [first] = (await draftOut()) as [number];
    // A new process on the same database: nothing of the first one's memory survives.
    const reopened = SqliteStore.open(temp.path);
    try {
      const after = coreOn(reopened);
      await after.curateLink({ workspace, id: first, action: "drop", actor: ada });
      expect(board.posts).toBe(1);
      expect(draftLines()).toContain("#1 First [-] dropped");
      clock.set("2026-07-01T09:00:00Z");
      await tick("bot-1", reopened);
      expect(publisher.posted("C1").flat()).toEqual([
        "# What we've been reading in June 2026",
        "Other: Second",
        "Other: Third",
      ]);
    } finally {
      await reopened.close();
    }
  });
});

describe("holding the roundup", () => {
  it("passes the due time without posting, reminds the reviewers daily, and Post now posts the reviewed roundup once", async () => {
    const [first, second] = (await draftOut()) as [number, number];
    await core.curateLink({ workspace, id: first, action: "drop", actor: ada });
    await core.curateLink({ workspace, id: second, action: "pick", actor: ada });
    expect((await core.holdRoundup({ workspace, period: "2026-06", actor: bea, hold: true })).kind).toBe(
      "held",
    );
    expect(draft()[0]?.status).toBe("held by Bea");

    clock.set("2026-07-01T09:00:30Z");
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "held" }]);
    clock.set("2026-07-01T15:00:00Z");
    await tick();
    expect(publisher.posted("C1")).toEqual([]);
    expect(board.reminders.map((r) => r.reminder.heldBy)).toEqual(["Bea"]);
    clock.set("2026-07-02T09:01:00Z");
    await tick();
    expect(board.reminders).toHaveLength(2);
    expect(publisher.posted("C1")).toEqual([]);

    expect((await core.postReviewedNow({ workspace, period: "2026-06", actor: ada })).kind).toBe("posted");
    expect(publisher.posted("C1").flat()).toEqual([
      "# What we've been reading in June 2026",
      "Picks of the month: Second",
      "Other: Third",
    ]);
    expect((await core.postReviewedNow({ workspace, period: "2026-06", actor: ada })).kind).toBe(
      "already-posted",
    );
    clock.set("2026-07-03T09:01:00Z");
    await tick();
    expect(publisher.posted("C1")).toHaveLength(1);
    expect(draft()[0]?.status).toBe("posted");
    expect((await core.getSettings({ workspace })).nextDue?.period).toBe("2026-07");
  });

  it("goes out on the next tick once released after its due time", async () => {
    await draftOut();
    await core.holdRoundup({ workspace, period: "2026-06", actor: ada, hold: true });
    clock.set("2026-07-01T09:00:30Z");
    await tick();
    clock.set("2026-07-01T10:00:00Z");
    expect((await core.holdRoundup({ workspace, period: "2026-06", actor: ada, hold: false })).kind).toBe(
      "released",
    );
    expect(await tick()).toEqual([{ workspace, period: "2026-06", outcome: "posted" }]);
  });

  it("refuses a member's Hold and Post now", async () => {
    await draftOut();
    await expect(
      core.holdRoundup({ workspace, period: "2026-06", actor: max, hold: true }),
    ).rejects.toMatchObject({
      code: "review.notAdmin",
    });
    await expect(core.postReviewedNow({ workspace, period: "2026-06", actor: max })).rejects.toMatchObject({
      code: "review.notAdmin",
    });
    expect(publisher.posted("C1")).toEqual([]);
    expect(draft()[0]?.status).toBe("open");
  });
});

describe("votes", () => {
  it("count each person once, a repeat share as a vote, never the sharer, and order the roundup when asked", async () => {
    const [first, second, third] = [await share("First"), await share("Second"), await share("Third")];
    const cy = { userId: "UCY", name: "Cy" };
    expect(await core.voteLink({ workspace, id: third, actor: cy })).toMatchObject({
      kind: "voted",
      votes: 1,
    });
    expect(await core.voteLink({ workspace, id: third, actor: cy })).toMatchObject({
      kind: "already",
      votes: 1,
    });
    expect(
      await core.voteLink({ workspace, id: third, actor: { userId: "UANN", name: "Ann" } }),
    ).toMatchObject({
      kind: "own",
    });
    await core.addLink({
      workspace,
      url: "https://example.com/Third",
      userId: "UDEE",
      userName: "Dee",
      source: "slack",
    });
    expect(
      await core.voteLink({ workspace, id: third, actor: { userId: "UDEE", name: "Dee" } }),
    ).toMatchObject({
      kind: "already",
      votes: 2,
    });
    await core.voteLink({ workspace, id: second, actor: cy });

    const titles = async () =>
      (await core.buildRoundup({ workspace, period: "2026-06" })).sections.flatMap((s) =>
        s.items.map((i) => i.title),
      );
    expect(await titles()).toEqual(["First", "Second", "Third"]);
    await core.setOrder({ workspace, order: "votes" });
    expect(await titles()).toEqual(["Third", "Second", "First"]);
    expect(first).toBe(1);
  });
});
