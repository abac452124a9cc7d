import type { NewCategory } from "../ports/categoryStore.js";

/** The sections of the roundup we model ours on, plus "Tools". */
export const DEFAULT_CATEGORIES: NewCategory[] = [
  { name: "Articles & Learning", slug: "articles-learning", emoji: "📚" },
  { name: "Neat Open Source Projects", slug: "neat-open-source-projects", emoji: "🧩" },
  { name: "Tools", slug: "tools", emoji: "🛠️" },
];

/** Where links without a category, or whose category was removed, are listed. */
export const OTHER_SECTION_NAME = "Other";
