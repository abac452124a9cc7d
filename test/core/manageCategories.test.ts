import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addCategory,
  archiveCategory,
  listCategories,
  moveCategory,
  removeCategory,
  renameCategory,
} from "../../src/core/categories/manageCategories.js";
import { addLink } from "../../src/core/links/addLink.js";
import { listLinks } from "../../src/core/links/manageLinks.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const workspace = "local:team";
const clock = fixedClock("2026-07-01T10:00:00Z");
const names = async () => (await listCategories({ store }, { workspace })).map((c) => c.name);

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

describe("categories", () => {
  it("start with the sections of the reference roundup, plus Tools", async () => {
    expect(await names()).toEqual(["Articles & Learning", "Neat Open Source Projects", "Tools"]);
  });

  it("are added at the end, and a name taken in any case or slug is refused", async () => {
    await addCategory({ store, clock }, { workspace, name: "Talks & Videos", emoji: "🎬" });
    expect(await names()).toEqual([
      "Articles & Learning",
      "Neat Open Source Projects",
      "Tools",
      "Talks & Videos",
    ]);
    await expect(addCategory({ store, clock }, { workspace, name: "TOOLS" })).rejects.toThrow(
      'There is already a category called "Tools".',
    );
    await expect(addCategory({ store, clock }, { workspace, name: "talks videos" })).rejects.toThrow(
      /already a category/,
    );
    await expect(
      addCategory({ store, clock }, { workspace, name: "Fun", emoji: "not an emoji" }),
    ).rejects.toThrow(/isn't an emoji/);
    expect(await names()).toHaveLength(4);
  });

  it("rename keeps their links, and refuses a name another category has", async () => {
    await addLink(
      { store, clock },
      { workspace, url: "https://x.example", category: "tools", userId: "u", userName: "U", source: "cli" },
    );
    await renameCategory({ store, clock }, { workspace, category: "tools", newName: "Utilities" });
    expect((await listLinks({ store }, { workspace }))[0]?.categoryName).toBe("Utilities");
    await expect(
      renameCategory({ store, clock }, { workspace, category: "utilities", newName: "articles & learning" }),
    ).rejects.toThrow(/already a category/);
    expect(await names()).toContain("Utilities");
    await renameCategory({ store, clock }, { workspace, category: "utilities", newName: "UTILITIES" });
    expect(await names()).toContain("UTILITIES");
  });

  it("move to a position and the others shift", async () => {
    await moveCategory({ store, clock }, { workspace, category: "tools", position: 1 });
    expect(await names()).toEqual(["Tools", "Articles & Learning", "Neat Open Source Projects"]);
    await moveCategory({ store, clock }, { workspace, category: "tools", position: 3 });
    expect(await names()).toEqual(["Articles & Learning", "Neat Open Source Projects", "Tools"]);
    await expect(
      moveCategory({ store, clock }, { workspace, category: "tools", position: 4 }),
    ).rejects.toThrow(/from 1 to 3/);
  });

  it("archived ones leave the list but come back when unarchived", async () => {
    await archiveCategory({ store, clock }, { workspace, category: "neat", archived: true });
    expect(await names()).toEqual(["Articles & Learning", "Tools"]);
    expect(await listCategories({ store }, { workspace, includeArchived: true })).toHaveLength(3);
    await archiveCategory({ store, clock }, { workspace, category: "neat", archived: false });
    expect(await names()).toHaveLength(3);
  });

  it("removal moves the category's links to Other instead of deleting them", async () => {
    for (const url of ["https://a.example", "https://b.example"]) {
      await addLink(
        { store, clock },
        { workspace, url, category: "tools", userId: "u", userName: "U", source: "cli" },
      );
    }
    const { linksMoved } = await removeCategory({ store, clock }, { workspace, category: "Tools" });
    expect(linksMoved).toBe(2);
    expect(await names()).not.toContain("Tools");
    expect((await listLinks({ store }, { workspace })).map((l) => l.categoryName)).toEqual([null, null]);
  });

  it("belong to one workspace", async () => {
    await addCategory({ store, clock }, { workspace: "local:other", name: "Only there" });
    expect(await names()).not.toContain("Only there");
    await expect(removeCategory({ store, clock }, { workspace, category: "only there" })).rejects.toThrow(
      /no category/,
    );
  });
});
