import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { archiveCategory } from "../../src/core/categories/manageCategories.js";
import { addLink, categoryOrNote } from "../../src/core/links/addLink.js";
import type { Category } from "../../src/core/types.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

const category = (id: number, name: string, slug: string, archived = false): Category => ({
  id,
  workspace: "slack:T1",
  name,
  slug,
  emoji: null,
  position: id,
  archived,
});
const categories = [
  category(1, "Articles & Learning", "articles-learning"),
  category(2, "Tools", "tools"),
  category(3, "Talks", "talks"),
  category(4, "Podcasts", "podcasts", true),
];

describe("categoryOrNote", () => {
  it("takes a word that names an open category as the category, the rest as the note", () => {
    expect(
      categoryOrNote(categories, {
        word: "tools",
        noteAfter: "great for grep",
        noteWithWord: "tools great for grep",
      }),
    ).toEqual({ category: categories[1], note: "great for grep" });
  });

  it("reads a word that names no category as the start of the note", () => {
    expect(
      categoryOrNote(categories, { word: "Great", noteAfter: "read", noteWithWord: "Great read" }),
    ).toEqual({ category: null, note: "Great read" });
  });

  it("reads a word that could be several categories as the start of the note", () => {
    expect(categoryOrNote(categories, { word: "t", noteAfter: null, noteWithWord: "t" })).toEqual({
      category: null,
      note: "t",
    });
  });

  it("refuses a word that names an archived category, saying how to restore it", () => {
    expect(() =>
      categoryOrNote(categories, { word: "podcasts", noteAfter: null, noteWithWord: "podcasts" }),
    ).toThrow(/"Podcasts" is archived/);
  });
});

describe("addLink with the words after the URL", () => {
  let store: SqliteStore;
  let cleanup: () => Promise<void>;
  const clock = fixedClock("2026-07-15T12:00:00Z");
  const workspace = "slack:T1";
  beforeEach(() => {
    ({ store, cleanup } = tempStore());
  });
  afterEach(() => cleanup());

  const share = (url: string, word: string, noteAfter: string | null, noteWithWord: string | null) =>
    addLink(
      { store, clock },
      {
        workspace,
        url,
        userId: "U1",
        userName: "Ada",
        source: "slack",
        categoryOrNote: { word, noteAfter, noteWithWord },
      },
    );

  it("files the link under a default category a new workspace gets, or keeps every word as the note", async () => {
    const filed = await share("https://example.com/a", "tools", "fast", "tools fast");
    expect(filed).toMatchObject({ status: "added", category: { name: "Tools" }, link: { note: "fast" } });
    const noted = await share("https://example.com/b", "Loved", "it", "Loved it");
    expect(noted).toMatchObject({
      status: "added",
      category: null,
      link: { note: "Loved it", categoryId: null },
    });
  });

  it("refuses an archived category's name and stores nothing", async () => {
    await share("https://example.com/a", "tools", null, "tools");
    await archiveCategory({ store, clock }, { workspace, category: "tools", archived: true });
    await expect(share("https://example.com/b", "tools", null, "tools")).rejects.toMatchObject({
      code: "category.archived",
    });
    expect(await store.links.list(workspace, {})).toHaveLength(1);
  });
});
