import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCategories } from "../../src/core/categories/manageCategories.js";
import { addLink } from "../../src/core/links/addLink.js";
import { listLinks } from "../../src/core/links/manageLinks.js";
import { buildRoundup } from "../../src/core/roundup/buildRoundup.js";
import { setPicks, setReview } from "../../src/core/settings/editorialSettings.js";
import {
  addAdmin,
  configSummary,
  getSettings,
  removeAdmin,
  setIntro,
  setTitleTemplate,
} from "../../src/core/settings/manageSettings.js";
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

  it("is not created by a setting it refuses", async () => {
    const workspace = "slack:TNEW";
    const deps = { store, clock };
    const refusals: [Promise<unknown>, RegExp][] = [
      [setTitleTemplate(deps, { workspace, template: " " }), /^The roundup title must be/],
      [setIntro(deps, { workspace, intro: "x".repeat(1001) }), /^The intro can be up to/],
      [addAdmin(deps, { workspace, admin: { kind: "user", id: "not an id" } }), /isn't a user id/],
      [removeAdmin(deps, { workspace, admin: { kind: "user", id: "U1" } }), /isn't on the admin list/],
      [setPicks({ store, clock }, { workspace }), /^Say what to change/],
      [setPicks({ store, clock }, { workspace, title: " " }), /^Give the picks section a title/],
      [setPicks({ store, clock }, { workspace, emoji: "<@U1>" }), /isn't an emoji/],
      [setReview({ store, clock }, { workspace, days: 3 }), /^Say where the draft goes/],
    ];
    for (const [refused, message] of refusals) await expect(refused).rejects.toThrow(message);
    expect(await store.workspaces.exists(workspace)).toBe(false);
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
