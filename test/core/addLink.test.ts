import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCategory, archiveCategory, listCategories } from "../../src/core/categories/manageCategories.js";
import { UserError } from "../../src/core/errors.js";
import { type AddLinkInput, addLink } from "../../src/core/links/addLink.js";
import { editLinkAs, listLinks, removeLinkAs } from "../../src/core/links/manageLinks.js";
import { setSchedule } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const clock = fixedClock("2026-07-10T12:00:00Z");

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

const base: AddLinkInput = {
  workspace: "local:team",
  url: "https://example.com/post",
  userId: "u-alice",
  userName: "Alice",
  source: "cli",
};

async function add(input: Partial<AddLinkInput>) {
  return await addLink({ store, clock }, { ...base, ...input });
}

async function all(workspace = "local:team") {
  return await listLinks({ store }, { workspace });
}

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof UserError) return error.code;
    throw error;
  }
  return "accepted";
}

describe("addLink", () => {
  it("stores the link as given, with its category, note and sharer", async () => {
    const result = await add({
      url: "https://www.example.com/post?utm_source=x",
      category: "articles",
      note: "Read it",
    });
    expect(result.status).toBe("added");
    const [link] = await all();
    expect(link).toMatchObject({
      url: "https://www.example.com/post?utm_source=x",
      normalizedUrl: "https://example.com/post",
      note: "Read it",
      categoryName: "Articles & Learning",
      sharedByName: "Alice",
      sharedAt: Date.parse("2026-07-10T12:00:00Z"),
    });
  });

  it("stores nothing when the URL, note or category is refused", async () => {
    expect(await codeOf(() => add({ url: "javascript:alert(1)" }))).toBe("url.scheme");
    expect(await codeOf(() => add({ note: "x".repeat(1001) }))).toBe("note.tooLong");
    expect(await codeOf(() => add({ category: "no-such-thing" }))).toBe("category.unknown");
    expect(await all()).toHaveLength(0);
  });

  it("accepts a note of exactly 1,000 characters, counting emoji as one", async () => {
    await add({ note: "📚".repeat(1000) });
    expect((await all())[0]?.note).toHaveLength(2000); // UTF-16 length; 1,000 characters to a person
  });

  it("tells a second sharer who shared the link first and keeps their note as a recommendation", async () => {
    await add({ note: "First!" });
    const again = await add({
      url: "https://example.com/post/#intro",
      userId: "u-bob",
      userName: "Bob",
      note: "So good",
    });
    expect(again.status).toBe("duplicate");
    expect(again.link.sharedByName).toBe("Alice");
    expect(again.link.sharedAt).toBe(Date.parse("2026-07-10T12:00:00Z"));
    const links = await all();
    expect(links).toHaveLength(1);
    expect(links[0]?.note).toBe("First!");
    expect(links[0]?.recommendations).toEqual([
      { userId: "u-bob", userName: "Bob", note: "So good", sharedAt: Date.parse("2026-07-10T12:00:00Z") },
    ]);
  });

  it("spots a share whose percent-encoding differs as a duplicate, and posts the first as it was shared", async () => {
    await add({ url: "https://example.com/%7eada/a%2fb" });
    const again = await add({ url: "https://example.com/~ada/a%2Fb", userId: "u-bob", userName: "Bob" });
    expect(again.status).toBe("duplicate");
    expect((await all()).map((l) => l.url)).toEqual(["https://example.com/%7eada/a%2fb"]);
    expect(
      (await add({ url: "https://example.com/~ada/a/b", userId: "u-bob", userName: "Bob" })).status,
    ).toBe("added");
  });

  it("stores a link with an international host name as shared, and knows its punycode form as the same link", async () => {
    expect((await add({ url: "https://bücher.example/neu" })).status).toBe("added");
    const again = await add({ url: "https://xn--bcher-kva.example/neu", userId: "u-bob", userName: "Bob" });
    expect(again.status).toBe("duplicate");
    expect((await all()).map((l) => l.url)).toEqual(["https://bücher.example/neu"]);
  });

  it("numbers links without gaps, even after a duplicate share", async () => {
    const first = await add({ url: "https://a.example/1" });
    await add({ url: "https://a.example/1", userId: "u-bob", userName: "Bob" });
    const second = await add({ url: "https://a.example/2" });
    expect(second.link.id).toBe(first.link.id + 1);
  });

  it("counts a repeat share without a note once per person", async () => {
    await add({});
    await add({ userId: "u-bob", userName: "Bob" });
    await add({ userId: "u-bob", userName: "Bob" });
    expect((await all())[0]?.recommendations.map((r) => r.userName)).toEqual(["Bob"]);
  });

  it("lets the first sharer fill in a note they left out, and nothing else", async () => {
    await add({});
    const again = await add({ note: "Now with a note" });
    expect(again).toMatchObject({ status: "duplicate", noteKept: true });
    await add({ note: "A different note" });
    expect((await all())[0]).toMatchObject({ note: "Now with a note", recommendations: [] });
  });

  it("keeps workspaces apart: the same link in two teams is two entries", async () => {
    await add({});
    const other = await add({ workspace: "local:other" });
    expect(other.status).toBe("added");
    expect(await all()).toHaveLength(1);
    expect(await all("local:other")).toHaveLength(1);
  });

  it("does not let a new link go into an archived category, and says how to restore it", async () => {
    await archiveCategory({ store, clock }, { workspace: "local:team", category: "tools", archived: true });
    await expect(add({ category: "tools" })).rejects.toThrow(
      '"Tools" is archived, so new links can\'t go there. An admin can restore it: /read category unarchive tools (CLI: category unarchive tools).',
    );
    const tools = (await listCategories({ store }, { workspace: "local:team", includeArchived: true }))[2];
    expect(await codeOf(() => add({ categoryId: tools?.id ?? 0 }))).toBe("category.archived");
    // Only the full name says so: in Slack a word that is no category starts the note instead.
    expect(await codeOf(() => add({ category: "too" }))).toBe("category.unknown");
    expect(await all()).toHaveLength(0);
  });

  it("files a link picked by category id there, even when another category is named that id", async () => {
    const first = await addCategory({ store, clock }, { workspace: "local:team", name: "First" });
    const tools = (await listCategories({ store }, { workspace: "local:team" })).find(
      (c) => c.name === "Tools",
    );
    if (!tools) throw new Error("no Tools");
    // Named after Tools' id, and first in order, where a lookup that also matched ids would find it.
    const named = await store.categories.update("local:team", first.id, {
      name: String(tools.id),
      slug: String(tools.id),
    });
    const rest = (await store.categories.list("local:team")).filter((c) => c.id !== named.id);
    await store.categories.reorder("local:team", [named.id, ...rest.map((c) => c.id)]);
    await add({ categoryId: tools.id });
    expect((await all())[0]?.categoryName).toBe("Tools");
    expect(await codeOf(() => add({ url: "https://example.com/gone", categoryId: 9999 }))).toBe(
      "category.unknown",
    );
  });
});

describe("editLink and removeLink", () => {
  it("let members change their own links and admins anyone's", async () => {
    const { link } = await add({});
    const bob = { userId: "u-bob", isAdmin: async () => false };
    expect(
      await codeOf(() =>
        editLinkAs({ store }, { workspace: "local:team", id: link.id, actor: bob, note: "mine now" }),
      ),
    ).toBe("link.notYours");
    expect(
      await codeOf(() => removeLinkAs({ store }, { workspace: "local:team", id: link.id, actor: bob })),
    ).toBe("link.notYours");
    const edited = await editLinkAs(
      { store },
      {
        workspace: "local:team",
        id: link.id,
        actor: { userId: "u-alice", isAdmin: async () => false },
        category: "tools",
        title: "Post",
      },
    );
    expect(edited).toMatchObject({ title: "Post", categoryName: "Tools" });
    await removeLinkAs(
      { store },
      { workspace: "local:team", id: link.id, actor: { userId: "u-admin", isAdmin: async () => true } },
    );
    expect(await all()).toHaveLength(0);
  });

  it("never reach another workspace's link by id", async () => {
    const { link } = await add({ workspace: "local:other" });
    const admin = { userId: "u-admin", isAdmin: async () => true };
    expect(
      await codeOf(() => removeLinkAs({ store }, { workspace: "local:team", id: link.id, actor: admin })),
    ).toBe("link.unknown");
    expect(await all("local:other")).toHaveLength(1);
  });

  it("refuses an edit that changes nothing or a note that is too long", async () => {
    const { link } = await add({ note: "kept" });
    const actor = { userId: "u-alice", isAdmin: async () => false };
    expect(await codeOf(() => editLinkAs({ store }, { workspace: "local:team", id: link.id, actor }))).toBe(
      "link.noChange",
    );
    expect(
      await codeOf(() =>
        editLinkAs({ store }, { workspace: "local:team", id: link.id, actor, note: "y".repeat(1001) }),
      ),
    ).toBe("note.tooLong");
    expect((await all())[0]?.note).toBe("kept");
  });
});

describe("listLinks", () => {
  it("filters by month in the workspace's time zone, by category and by words", async () => {
    await setSchedule(
      { store, clock },
      { workspace: "local:team", day: 1, time: "09:00", timeZone: "America/New_York" },
    );
    await add({
      url: "https://a.example/1",
      at: Date.parse("2026-08-01T02:00:00Z"),
      note: "late July in New York",
    });
    await add({
      url: "https://a.example/2",
      at: Date.parse("2026-08-01T05:00:00Z"),
      category: "tools",
      title: "Ripgrep",
    });
    expect(
      (await listLinks({ store }, { workspace: "local:team", month: "2026-07" })).map((l) => l.url),
    ).toEqual(["https://a.example/1"]);
    expect(
      (await listLinks({ store }, { workspace: "local:team", month: "2026-08" })).map((l) => l.url),
    ).toEqual(["https://a.example/2"]);
    expect(
      (await listLinks({ store }, { workspace: "local:team", category: "other" })).map((l) => l.url),
    ).toEqual(["https://a.example/1"]);
    expect(
      (await listLinks({ store }, { workspace: "local:team", search: "ripgrep" })).map((l) => l.url),
    ).toEqual(["https://a.example/2"]);
    expect(await listLinks({ store }, { workspace: "local:team", search: "100%" })).toEqual([]);
  });
});
