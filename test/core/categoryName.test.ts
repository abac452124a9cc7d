import { describe, expect, it } from "vitest";
import {
  checkCategoryName,
  findCategory,
  findCategoryById,
  resolveCategory,
  slugify,
} from "../../src/core/categories/categoryName.js";
import { checkSchedule } from "../../src/core/settings/manageSettings.js";
import type { Category } from "../../src/core/types.js";

const categories: Category[] = [
  {
    id: 1,
    workspace: "local:t",
    name: "Articles & Learning",
    slug: "articles-learning",
    emoji: null,
    position: 0,
    archived: false,
  },
  {
    id: 2,
    workspace: "local:t",
    name: "Neat Open Source Projects",
    slug: "neat-open-source-projects",
    emoji: null,
    position: 1,
    archived: false,
  },
  { id: 3, workspace: "local:t", name: "Tools", slug: "tools", emoji: null, position: 2, archived: false },
  { id: 4, workspace: "local:t", name: "Talks", slug: "talks", emoji: null, position: 3, archived: false },
];

describe("slugify", () => {
  it.each([
    ["Articles & Learning", "articles-learning"],
    ["  Neat   Open Source Projects ", "neat-open-source-projects"],
    ["Café Reads", "cafe-reads"],
    ["C++ / Rust", "c-rust"],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe("findCategory", () => {
  it("matches by name in any case, by slug, and by an unambiguous prefix", () => {
    expect(findCategory(categories, "articles & learning")?.id).toBe(1);
    expect(findCategory(categories, "ARTICLES-LEARNING")?.id).toBe(1);
    expect(findCategory(categories, "articles")?.id).toBe(1);
    expect(findCategory(categories, "neat")?.id).toBe(2);
    expect(findCategory(categories, "tools")?.id).toBe(3);
  });

  it("does not guess between two categories a prefix fits, and names them", () => {
    expect(findCategory(categories, "t")).toBeUndefined();
    expect(findCategory(categories, "ta")?.id).toBe(4);
    expect(() => resolveCategory(categories, "t")).toThrow(
      '"t" could be Tools or Talks: type more of the name.',
    );
    expect(() => resolveCategory(categories, "a")).not.toThrow();
  });

  it("takes what a person typed as a name, never as an id", () => {
    const named3 = { ...categories[0], id: 9, name: "3", slug: "3", position: -1 } as Category;
    expect(findCategory(categories, "3")).toBeUndefined();
    expect(findCategory([named3, ...categories], "3")?.id).toBe(9);
    expect(findCategoryById([named3, ...categories], 3)?.name).toBe("Tools");
    expect(findCategoryById(categories, 9)).toBeUndefined();
  });

  it("says which categories exist when none matches", () => {
    expect(() => resolveCategory(categories, "videos")).toThrow(
      'There\'s no category "videos". Try one of: Articles & Learning, Neat Open Source Projects, Tools, Talks.',
    );
  });
});

describe("checkCategoryName", () => {
  it("trims and folds spaces", () => {
    expect(checkCategoryName("  Talks   &  Videos ")).toEqual({
      name: "Talks & Videos",
      slug: "talks-videos",
    });
  });

  it.each([
    ["", /needs a name/],
    ["   ", /needs a name/],
    ["x".repeat(51), /up to 50 characters/],
    ["@everyone", /can't contain/],
    ["<script>", /can't contain/],
    ["!!!", /at least one letter or digit/],
    ["other", /where links without a category go/],
    ["Other", /where links without a category go/],
    ["none", /"none" is reserved/],
    [" NONE ", /"none" is reserved/],
  ])("refuses %j", (name, message) => {
    expect(() => checkCategoryName(name)).toThrow(message);
  });
});

describe("checkSchedule", () => {
  it("accepts day 1-28, H:MM or HH:MM and an IANA zone", () => {
    expect(checkSchedule({ day: "5", time: "9:30", timeZone: "europe/london" })).toEqual({
      day: 5,
      time: "09:30",
      timeZone: "Europe/London",
    });
  });

  it.each([
    [{ day: "0x5", time: "09:00", timeZone: "UTC" }, /day must be a whole number from 1 to 28/],
    [{ day: "1e1", time: "09:00", timeZone: "UTC" }, /day must be/],
    [{ day: 29, time: "09:00", timeZone: "UTC" }, /day must be/],
    [{ day: 1, time: "24:00", timeZone: "UTC" }, /isn't a time/],
    [{ day: 1, time: "9am", timeZone: "UTC" }, /isn't a time/],
    [{ day: 1, time: "09:00", timeZone: "Nowhere/City" }, /isn't a time zone/],
  ])("refuses %j", (input, message) => {
    expect(() => checkSchedule(input)).toThrow(message);
  });
});
