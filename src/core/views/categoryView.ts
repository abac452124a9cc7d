import type { Category } from "../types.js";

/**
 * A category with its place in the roundup: `number` is the 1-based position `category move` takes
 * (the stored `position` is only an order, with gaps).
 */
export interface NumberedCategory extends Category {
  number: number;
}

/**
 * Numbers categories in the whole roundup order, archived ones counted (as moving counts them); pass
 * the full list, archived included, and filter after.
 */
export function numberCategories(categories: readonly Category[]): NumberedCategory[] {
  return categories.map((category, index) => ({ ...category, number: index + 1 }));
}
