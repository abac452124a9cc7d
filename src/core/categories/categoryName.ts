import { UserError } from "../errors.js";
import { sanitizeText } from "../text/sanitizeText.js";
import type { Category } from "../types.js";
import { OTHER_SECTION_NAME } from "./defaultCategories.js";

export const MAX_CATEGORY_NAME_LENGTH = 50;

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
  return { name, slug };
}

/**
 * Finds the category a person meant: by slug or name (any case), then by an unambiguous prefix of
 * either, so `articles` picks "Articles & Learning".
 */
export function findCategory(categories: Category[], query: string): Category | undefined {
  const wanted = query.trim().toLowerCase();
  const wantedSlug = slugify(query);
  if (wanted.length === 0) return undefined;
  const exact = categories.find(
    (c) => c.slug === wantedSlug || c.name.toLowerCase() === wanted || String(c.id) === wanted,
  );
  if (exact) return exact;
  if (wantedSlug.length === 0) return undefined;
  const prefixed = categories.filter(
    (c) => c.slug.startsWith(wantedSlug) || c.name.toLowerCase().startsWith(wanted),
  );
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export function resolveCategory(categories: Category[], query: string): Category {
  const found = findCategory(categories, query);
  if (found) return found;
  const names = categories.map((c) => c.name);
  const hint = names.length > 0 ? ` Try one of: ${names.join(", ")}.` : " There are no categories yet.";
  throw new UserError("category.unknown", `There's no category "${query.trim()}".${hint}`, {
    query,
  });
}
