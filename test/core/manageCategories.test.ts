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
let cleanup: () => void;
const workspace = "local:team";
const clock = fixedClock("2026-07-01T10:00:00Z");
const names = () => listCategories({ store }, { workspace }).map((c) => c.name);

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

describe("categories", () => {
  it("start with the sections of the reference roundup, plus Tools", () => {
    expect(names()).toEqual(["Articles & Learning", "Neat Open Source Projects", "Tools"]);
  });

  it("are added at the end, and a name taken in any case or slug is refused", () => {
    addCategory({ store, clock }, { workspace, name: "Talks & Videos", emoji: "🎬" });
    expect(names()).toEqual(["Articles & Learning", "Neat Open Source Projects", "Tools", "Talks & Videos"]);
    expect(() => addCategory({ store, clock }, { workspace, name: "TOOLS" })).toThrow(
      'There is already a category called "Tools".',
    );
    expect(() => addCategory({ store, clock }, { workspace, name: "talks videos" })).toThrow(
      /already a category/,
    );
    expect(() => addCategory({ store, clock }, { workspace, name: "Fun", emoji: "not an emoji" })).toThrow(
      /isn't an emoji/,
    );
    expect(names()).toHaveLength(4);
  });

  it("rename keeps their links, and refuses a name another category has", () => {
    addLink(
      { store, clock },
      { workspace, url: "https://x.example", category: "tools", userId: "u", userName: "U", source: "cli" },
    );
    renameCategory({ store, clock }, { workspace, category: "tools", newName: "Utilities" });
    expect(listLinks({ store }, { workspace })[0]?.categoryName).toBe("Utilities");
    expect(() =>
      renameCategory({ store, clock }, { workspace, category: "utilities", newName: "articles & learning" }),
    ).toThrow(/already a category/);
    expect(names()).toContain("Utilities");
    renameCategory({ store, clock }, { workspace, category: "utilities", newName: "UTILITIES" });
    expect(names()).toContain("UTILITIES");
  });

  it("move to a position and the others shift", () => {
    moveCategory({ store, clock }, { workspace, category: "tools", position: 1 });
    expect(names()).toEqual(["Tools", "Articles & Learning", "Neat Open Source Projects"]);
    moveCategory({ store, clock }, { workspace, category: "tools", position: 3 });
    expect(names()).toEqual(["Articles & Learning", "Neat Open Source Projects", "Tools"]);
    expect(() => moveCategory({ store, clock }, { workspace, category: "tools", position: 4 })).toThrow(
      /from 1 to 3/,
    );
  });

  it("archived ones leave the list but come back when unarchived", () => {
    archiveCategory({ store, clock }, { workspace, category: "neat", archived: true });
    expect(names()).toEqual(["Articles & Learning", "Tools"]);
    expect(listCategories({ store }, { workspace, includeArchived: true })).toHaveLength(3);
    archiveCategory({ store, clock }, { workspace, category: "neat", archived: false });
    expect(names()).toHaveLength(3);
  });

  it("removal moves the category's links to Other instead of deleting them", () => {
    for (const url of ["https://a.example", "https://b.example"]) {
      addLink(
        { store, clock },
        { workspace, url, category: "tools", userId: "u", userName: "U", source: "cli" },
      );
    }
    const { linksMoved } = removeCategory({ store, clock }, { workspace, category: "Tools" });
    expect(linksMoved).toBe(2);
    expect(names()).not.toContain("Tools");
    expect(listLinks({ store }, { workspace }).map((l) => l.categoryName)).toEqual([null, null]);
  });

  it("belong to one workspace", () => {
    addCategory({ store, clock }, { workspace: "local:other", name: "Only there" });
    expect(names()).not.toContain("Only there");
    expect(() => removeCategory({ store, clock }, { workspace, category: "only there" })).toThrow(
      /no category/,
    );
  });
});
