/**
 * A page of links, as a face lists them: which month (this month by default, in the workspace's time
 * zone), which category (by name as typed, or by id as a pager sends it; null for Other), and whether
 * there is more after this page.
 */
import { findCategoryById, meansNoCategory, resolveCategory } from "../categories/categoryName.js";
import { OTHER_SECTION_NAME } from "../categories/defaultCategories.js";
import { type LinkView, listLinks } from "../links/manageLinks.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import { type Period, parsePeriod, periodLabel, periodOf } from "../time/period.js";
import { assertWorkspaceKey } from "../workspace.js";

export interface LinkPageInput {
  workspace: string;
  /** "YYYY-MM"; with `allMonths` unset, this month when left out. */
  month?: string | null;
  /** Every month (a search). */
  allMonths?: boolean;
  /** A category as a person typed it; "none" or "other" means links without one. */
  category?: string | null;
  /** A category id, as a pager sends it; null for links without one. Wins over `category`. */
  categoryId?: number | null;
  sharedById?: string;
  /** Who shared them, by the name the roundup credits. */
  sharedByName?: string;
  search?: string;
  offset?: number;
  /** At most this many links; all of them when unset. */
  pageSize?: number;
}

export interface LinkPage {
  links: LinkView[];
  /** Links follow this page. */
  more: boolean;
  offset: number;
  /** The month listed, or null for every month. */
  month: Period | null;
  monthLabel: string | null;
  /** The category the links are in: an id, null for Other, undefined for all. */
  categoryId: number | null | undefined;
  /** Its name ("Other" for none); null for all, or a category removed since the page was shown. */
  categoryName: string | null;
  /** The workspace's time zone, for the dates. */
  timeZone: string;
}

export async function linkPage(
  deps: { store: Store; clock: Clock },
  input: LinkPageInput,
): Promise<LinkPage> {
  const workspace = assertWorkspaceKey(input.workspace);
  const { store, clock } = deps;
  const { timeZone } = (await store.settings.get(workspace)).schedule;
  const month = input.allMonths
    ? null
    : input.month == null
      ? periodOf(clock.now(), timeZone)
      : parsePeriod(input.month);
  let categoryId = input.categoryId;
  let categoryName: string | null = null;
  if (categoryId === undefined && input.category != null) {
    if (meansNoCategory(input.category)) categoryId = null;
    else {
      const all = await store.categories.list(workspace, { includeArchived: true });
      categoryId = resolveCategory(all, input.category).id;
    }
  }
  if (categoryId === null) categoryName = OTHER_SECTION_NAME;
  else if (categoryId !== undefined) {
    const all = await store.categories.list(workspace, { includeArchived: true });
    categoryName = findCategoryById(all, categoryId)?.name ?? null;
  }
  const offset = input.offset ?? 0;
  const links = await listLinks(deps, {
    workspace,
    ...(month !== null ? { month } : {}),
    ...(categoryId !== undefined ? { categoryId } : {}),
    ...(input.sharedById !== undefined ? { sharedById: input.sharedById } : {}),
    ...(input.sharedByName !== undefined ? { sharedByName: input.sharedByName } : {}),
    ...(input.search !== undefined ? { search: input.search } : {}),
    ...(input.pageSize !== undefined ? { limit: input.pageSize + 1 } : {}),
    ...(offset > 0 ? { offset } : {}),
  });
  const more = input.pageSize !== undefined && links.length > input.pageSize;
  return {
    links: more ? links.slice(0, input.pageSize) : links,
    more,
    offset,
    month,
    monthLabel: month === null ? null : periodLabel(month),
    categoryId,
    categoryName,
    timeZone,
  };
}
