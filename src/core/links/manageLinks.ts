import type { Actor } from "../actor.js";
import {
  findCategoryById,
  meansNoCategory,
  resolveCategory,
  resolveOpenCategory,
} from "../categories/categoryName.js";
import { listCategories } from "../categories/manageCategories.js";
import { UserError } from "../errors.js";
import type { LinkFilter, LinkPatch } from "../ports/linkStore.js";
import type { Store } from "../ports/store.js";
import { parsePeriod, periodBounds } from "../time/period.js";
import type { Category, Link } from "../types.js";
import { assertWorkspaceKey } from "../workspace.js";
import { checkLine, checkNote } from "./linkText.js";

export interface LinkDeps {
  store: Store;
}

export interface LinkView extends Link {
  categoryName: string | null;
}

function withCategoryNames(links: Link[], categories: Category[]): LinkView[] {
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return links.map((link) => ({
    ...link,
    categoryName: link.categoryId === null ? null : (names.get(link.categoryId) ?? null),
  }));
}

/**
 * The link, if the actor may change it: their own always; someone else's only if they are an admin,
 * which is asked then and only then (once: the face memoizes it).
 */
async function ownLink(
  store: Store,
  workspace: string,
  id: number,
  actor: Pick<Actor, "userId" | "isAdmin">,
): Promise<Link> {
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new UserError("link.id", "Link ids are whole numbers, like 42; `list` shows them.");
  }
  const link = await store.links.get(workspace, id);
  if (!link) throw new UserError("link.unknown", `There's no link #${id} here.`, { id });
  if (link.sharedById !== actor.userId && !(await actor.isAdmin())) {
    throw new UserError(
      "link.notYours",
      `Link #${id} was shared by ${link.sharedByName}; only they or an admin can change it.`,
    );
  }
  return link;
}

export interface EditLinkAsInput {
  workspace: string;
  id: number;
  actor: Pick<Actor, "userId" | "isAdmin">;
  note?: string | null;
  title?: string | null;
  author?: string | null;
  /** A category name or slug as a person typed it; "none" or "other" clears it. */
  category?: string | null;
  /** A category id, as a button or menu sends it; null clears it. */
  categoryId?: number | null;
}

/**
 * Edits a link as `actor`: their own, or anyone's if they are an admin (asked only for someone else's
 * link). It exists, so its workspace does, and nothing is created.
 */
export async function editLinkAs({ store }: LinkDeps, input: EditLinkAsInput): Promise<LinkView> {
  const workspace = assertWorkspaceKey(input.workspace);
  await ownLink(store, workspace, input.id, input.actor);
  const patch: LinkPatch = {};
  if (input.note !== undefined) patch.note = checkNote(input.note);
  if (input.title !== undefined) patch.title = checkLine(input.title, "title");
  if (input.author !== undefined) patch.author = checkLine(input.author, "author");
  const categories = await store.categories.list(workspace, { includeArchived: true });
  if (input.categoryId !== undefined) {
    patch.categoryId =
      input.categoryId === null ? null : resolveOpenCategory(categories, { id: input.categoryId }).id;
  } else if (input.category !== undefined && input.category !== null) {
    patch.categoryId = meansNoCategory(input.category)
      ? null
      : resolveOpenCategory(categories, { name: input.category }).id;
  }
  if (Object.keys(patch).length === 0) {
    throw new UserError("link.noChange", "Say what to change: a note, title, author or category.");
  }
  const updated = await store.links.update(workspace, input.id, patch);
  if (!updated) throw new UserError("link.unknown", `There's no link #${input.id} here.`);
  return withCategoryNames([updated], categories)[0] as LinkView;
}

/** Removes a link as `actor`: their own, or anyone's if they are an admin (asked only then). */
export async function removeLinkAs(
  { store }: LinkDeps,
  input: { workspace: string; id: number; actor: Pick<Actor, "userId" | "isAdmin"> },
): Promise<Link> {
  const workspace = assertWorkspaceKey(input.workspace);
  const link = await ownLink(store, workspace, input.id, input.actor);
  await store.links.remove(workspace, link.id);
  return link;
}

/** The store's filter as people give it: a month instead of bounds, and a category by name or id. */
export interface ListLinksInput
  extends Pick<LinkFilter, "sharedById" | "sharedByName" | "search" | "limit" | "offset"> {
  workspace: string;
  /** `YYYY-MM`; month boundaries are taken in the workspace's time zone. */
  month?: string;
  /** A category name as a person typed it; "none" or "other" lists links without one. */
  category?: string;
  /** A category id, as a pager sends it; null lists links without one. */
  categoryId?: number | null;
}

/** Links, oldest first; a workspace nobody has used yet has none, and reading it creates nothing. */
export async function listLinks({ store }: LinkDeps, input: ListLinksInput): Promise<LinkView[]> {
  const workspace = assertWorkspaceKey(input.workspace);
  const categories = await listCategories({ store }, { workspace, includeArchived: true });
  const filter: LinkFilter = {};
  if (input.month !== undefined) {
    const { timeZone } = (await store.settings.get(workspace)).schedule;
    const { start, end } = periodBounds(parsePeriod(input.month), timeZone);
    filter.from = start;
    filter.to = end;
  }
  if (input.categoryId !== undefined) {
    // A category removed since the page was shown lists nothing rather than everything.
    filter.categoryId =
      input.categoryId === null ? null : (findCategoryById(categories, input.categoryId)?.id ?? -1);
  } else if (input.category !== undefined) {
    filter.categoryId = meansNoCategory(input.category)
      ? null
      : resolveCategory(categories, input.category).id;
  }
  if (input.sharedById !== undefined) filter.sharedById = input.sharedById;
  if (input.sharedByName !== undefined) filter.sharedByName = input.sharedByName;
  if (input.search !== undefined) {
    if (input.search.trim() === "") throw new UserError("search.empty", "Give some words to search for.");
    filter.search = input.search;
  }
  if (input.limit !== undefined) filter.limit = input.limit;
  if (input.offset !== undefined) filter.offset = input.offset;
  return withCategoryNames(await store.links.list(workspace, filter), categories);
}
