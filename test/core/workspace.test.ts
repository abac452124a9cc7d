import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCategories } from "../../src/core/categories/manageCategories.js";
import { addLink } from "../../src/core/links/addLink.js";
import { listLinks } from "../../src/core/links/manageLinks.js";
import { buildRoundup } from "../../src/core/roundup/buildRoundup.js";
import { configSummary, getSettings } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
// Years away from the machine's own clock, so a stray Date.now() cannot pass for it.
const clock = fixedClock("2031-03-10T12:00:00Z");

beforeEach(() => {
  ({ store, cleanup } = tempStore());
  clock.set("2031-03-10T12:00:00Z");
});
afterEach(() => cleanup());

async function share(workspace: string) {
  await addLink(
    { store, clock },
    { workspace, url: "https://example.com/a", userId: "u", userName: "U", source: "slack" },
  );
}

describe("a new workspace", () => {
  it("plans its first roundup from the injected clock", async () => {
    await share("slack:T1");
    expect((await getSettings({ store }, { workspace: "slack:T1" })).nextDue).toEqual({
      period: "2031-03",
      at: Date.parse("2031-04-01T09:00:00Z"),
    });
  });

  it("plans none when it is local: no chat to post it to", async () => {
    await share("local:notes");
    expect((await getSettings({ store }, { workspace: "local:notes" })).nextDue).toBeNull();
  });

  it("is not created by reading it, which shows what it would start with", async () => {
    const workspace = "discord:123";
    expect(await listLinks({ store }, { workspace })).toEqual([]);
    expect(await listLinks({ store }, { workspace, search: "x" })).toEqual([]);
    expect((await listCategories({ store }, { workspace })).map((c) => c.name)).toEqual([
      "Articles & Learning",
      "Neat Open Source Projects",
      "Tools",
    ]);
    expect((await getSettings({ store }, { workspace })).channelId).toBeNull();
    expect(await configSummary({ store, clock }, { workspace })).toMatchObject({
      lastRun: null,
      waiting: null,
    });
    expect(await buildRoundup({ store, clock }, { workspace })).toMatchObject({
      period: "2031-02",
      linkCount: 0,
    });
    expect(await store.workspaces.exists(workspace)).toBe(false);
    expect(store.db.$client.prepare("SELECT count(*) AS n FROM categories").get()).toEqual({ n: 0 });
  });
});

describe("buildRoundup", () => {
  it("defaults to last month by the injected clock", async () => {
    await share("slack:T1");
    clock.set("2031-04-02T00:00:00Z");
    expect(await buildRoundup({ store, clock }, { workspace: "slack:T1" })).toMatchObject({
      period: "2031-03",
      linkCount: 1,
    });
  });
});
