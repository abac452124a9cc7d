import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCategory, archiveCategory } from "../../src/core/categories/manageCategories.js";
import { addLink } from "../../src/core/links/addLink.js";
import { setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import { numberCategories } from "../../src/core/views/categoryView.js";
import { linkPage } from "../../src/core/views/linkPage.js";
import { settingsView } from "../../src/core/views/settingsView.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const workspace = "discord:g1";
const clock = fixedClock("2026-07-15T12:00:00Z");

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

async function share(url: string, at: string, category: string | null = null) {
  await addLink(
    { store, clock },
    { workspace, url, category, userId: "u1", userName: "Ada", source: "discord", at: Date.parse(at) },
  );
}

describe("settingsView", () => {
  it("shows an unused workspace's defaults, nothing planned and no run", async () => {
    expect(await settingsView({ store, clock }, { workspace })).toMatchObject({
      workspace,
      channelId: null,
      next: null,
      lastRun: null,
      waiting: null,
      admins: [],
      quietMonthNote: false,
    });
  });

  it("words the next roundup's time in the workspace's zone once a channel is set", async () => {
    await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "Europe/Berlin" });
    await setChannel({ store, clock }, { workspace, channelId: "c1" });
    const view = await settingsView({ store, clock }, { workspace });
    expect(view.channelId).toBe("c1");
    expect(view.next).toEqual({
      period: "2026-07",
      periodLabel: "July 2026",
      at: Date.parse("2026-08-01T07:00:00Z"),
      localTime: "2026-08-01 09:00",
    });
  });
});

describe("numberCategories", () => {
  it("numbers every category in roundup order, archived ones counted, as moving takes them", async () => {
    await addCategory({ store, clock }, { workspace, name: "Talks" });
    await archiveCategory({ store, clock }, { workspace, category: "Tools", archived: true });
    const all = await store.categories.list(workspace, { includeArchived: true });
    expect(numberCategories(all).map((c) => [c.number, c.name, c.archived])).toEqual([
      [1, "Articles & Learning", false],
      [2, "Neat Open Source Projects", false],
      [3, "Tools", true],
      [4, "Talks", false],
    ]);
  });
});

describe("linkPage", () => {
  it("lists this month by default, a page at a time, saying when more follow", async () => {
    for (const day of ["01", "02", "03"])
      await share(`https://example.com/${day}`, `2026-07-${day}T12:00:00Z`);
    await share("https://example.com/june", "2026-06-20T12:00:00Z");
    const first = await linkPage({ store, clock }, { workspace, pageSize: 2 });
    expect(first).toMatchObject({
      month: "2026-07",
      monthLabel: "July 2026",
      more: true,
      offset: 0,
      categoryId: undefined,
      categoryName: null,
      timeZone: "UTC",
    });
    expect(first.links.map((l) => l.url)).toEqual(["https://example.com/01", "https://example.com/02"]);
    const second = await linkPage({ store, clock }, { workspace, pageSize: 2, offset: 2 });
    expect(second.more).toBe(false);
    expect(second.links.map((l) => l.url)).toEqual(["https://example.com/03"]);
    const everything = await linkPage({ store, clock }, { workspace, allMonths: true });
    expect(everything).toMatchObject({ month: null, monthLabel: null, more: false });
    expect(everything.links).toHaveLength(4);
  });

  it("settles a typed category to its id and name, and Other to null", async () => {
    await share("https://example.com/tool", "2026-07-02T12:00:00Z", "tools");
    await share("https://example.com/loose", "2026-07-03T12:00:00Z");
    const tools = await linkPage({ store, clock }, { workspace, category: "tools" });
    expect(tools.categoryName).toBe("Tools");
    expect(typeof tools.categoryId).toBe("number");
    expect(tools.links.map((l) => [l.url, l.categoryName])).toEqual([["https://example.com/tool", "Tools"]]);
    const other = await linkPage({ store, clock }, { workspace, category: "other" });
    expect(other).toMatchObject({ categoryId: null, categoryName: "Other" });
    expect(other.links.map((l) => l.url)).toEqual(["https://example.com/loose"]);
    const gone = await linkPage({ store, clock }, { workspace, categoryId: 9_999 });
    expect(gone).toMatchObject({ categoryName: null, links: [] });
  });
});
