import { UserError } from "../errors.js";
import { sanitizeText } from "../text/sanitizeText.js";
import type { Category } from "../types.js";
import { OTHER_SECTION_NAME } from "./defaultCategories.js";

export const MAX_CATEGORY_NAME_LENGTH = 50;

/** What people type for "no category" (as do "Other"'s name and slug): never a category's name. */
export const NO_CATEGORY = "none";

/** "Articles & Learning" -> "articles-learning": what people type to pick a category. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Trims and checks a category name; returns it with its slug. */
export function checkCategoryName(input: string): { name: string; slug: string } {
  const name = sanitizeText(input).trim().replace(/\s+/g, " ");
  if (name.length === 0) throw new UserError("category.nameEmpty", "A category needs a name.");
  if (name.length > MAX_CATEGORY_NAME_LENGTH) {
    throw new UserError(
      "category.nameTooLong",
      `Category names can be up to ${MAX_CATEGORY_NAME_LENGTH} characters; that one has ${name.length}.`,
    );
  }
  if (/[@#<>`*_~|[\]\\]/.test(name)) {
    throw new UserError(
      "category.nameInvalid",
      "Category names can't contain @ # < > ` * _ ~ | [ ] or \\, since they appear as headings in the roundup.",
    );
  }
  const slug = slugify(name);
  if (slug.length === 0) {
    throw new UserError("category.nameInvalid", "A category name needs at least one letter or digit.");
  }
  if (slug === slugify(OTHER_SECTION_NAME)) {
    throw new UserError(
      "category.reserved",
      `"${OTHER_SECTION_NAME}" is where links without a category go already; pick another name.`,
    );
  }
  if (slug === NO_CATEGORY) {
    throw new UserError(
      "category.reserved",
      `"${NO_CATEGORY}" is reserved: it means no category when you file or list links. Pick another name.`,
    );
  }
  return { name, slug };
}

/** Whether a typed category means "no category": `none` or `other`. */
export function meansNoCategory(query: string): boolean {
  const wanted = query.trim().toLowerCase();
  return wanted === NO_CATEGORY || wanted === slugify(OTHER_SECTION_NAME);
}

/**
 * The categories a person may have meant: the one with that slug or name (any case), else every one
 * whose slug or name starts with it, so `articles` finds "Articles & Learning". What is typed is
 * always a name: ids come from buttons and menus, through `findCategoryById`.
 */
function candidates(categories: Category[], query: string): Category[] {
  const wanted = query.trim().toLowerCase();
  const wantedSlug = slugify(query);
  const exact = findExactCategory(categories, query);
  if (exact) return [exact];
  if (wantedSlug.length === 0) return [];
  return categories.filter((c) => c.slug.startsWith(wantedSlug) || c.name.toLowerCase().startsWith(wanted));
}

/** The category with exactly this name or slug, any case. */
function findExactCategory(categories: Category[], query: string): Category | undefined {
  const wanted = query.trim().toLowerCase();
  const wantedSlug = slugify(query);
  if (wanted.length === 0) return undefined;
  return categories.find((c) => c.slug === wantedSlug || c.name.toLowerCase() === wanted);
}

/** The category a person meant, when exactly one fits what they typed. */
export function findCategory(categories: Category[], query: string): Category | undefined {
  const found = candidates(categories, query);
  return found.length === 1 ? found[0] : undefined;
}

export function findCategoryById(categories: Category[], id: number): Category | undefined {
  return categories.find((c) => c.id === id);
}

/** "Tools", "Tools or Talks", "Tools, Talks or Tutorials". */
function either(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** The category a person named, or a `UserError` saying which ones there are or which ones it could be. */
export function resolveCategory(categories: Category[], query: string): Category {
  const found = candidates(categories, query);
  if (found.length === 1) return found[0] as Category;
  const typed = query.trim();
  if (found.length > 1) {
    // Kept as "unknown": Slack's `/read add <url> <word>` then reads the word as the start of the note.
    throw new UserError(
      "category.unknown",
      `"${typed}" could be ${either(found.map((c) => c.name))}: type more of the name.`,
      { query, matches: found.map((c) => c.name) },
    );
  }
  const names = categories.map((c) => c.name);
  const hint = names.length > 0 ? ` Try one of: ${names.join(", ")}.` : " There are no categories yet.";
  throw new UserError("category.unknown", `There's no category "${typed}".${hint}`, { query });
}

/**
 * The open category a new link goes in, by the name a person typed or the id a menu sent. An archived
 * one is refused with how to restore it; `categories` includes archived ones for that. Only its full
 * name or slug finds an archived one: in Slack a word that fits none starts the note instead.
 */
export function resolveOpenCategory(
  categories: Category[],
  wanted: { name: string } | { id: number },
): Category {
  const open = categories.filter((c) => !c.archived);
  let category: Category | undefined;
  if ("id" in wanted) {
    category = findCategoryById(categories, wanted.id);
    if (!category) throw new UserError("category.unknown", "That category no longer exists.", wanted);
  } else {
    category = findCategory(open, wanted.name) ?? findExactCategory(categories, wanted.name);
    if (!category) return resolveCategory(open, wanted.name);
  }
  if (category.archived) {
    throw new UserError(
      "category.archived",
      `"${category.name}" is archived, so new links can't go there. An admin can restore it: /read category unarchive ${category.slug} (CLI: category unarchive ${category.slug}).`,
      { name: category.name },
    );
  }
  return category;
}
