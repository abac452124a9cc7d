import { UserError } from "../errors.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import type { Category, WorkspaceKey } from "../types.js";
import { assertWorkspaceKey, ensureWorkspace } from "../workspace.js";
import { checkCategoryName, resolveCategory } from "./categoryName.js";
import { DEFAULT_CATEGORIES } from "./defaultCategories.js";

export interface CategoryDeps {
  store: Store;
  /** Plans a new workspace's first roundup; see `ensureWorkspace`. */
  clock: Clock;
}

const MAX_CATEGORIES = 25;

function all(store: Store, workspace: string): Promise<Category[]> {
  return store.categories.list(workspace, { includeArchived: true });
}

/** Refuses a name that another category already has, in any case or by slug, naming that one. */
function assertNameFree(categories: Category[], name: string, slug: string, except?: number) {
  const clash = categories.find(
    (c) => c.id !== except && (c.slug === slug || c.name.toLowerCase() === name.toLowerCase()),
  );
  if (clash) {
    throw new UserError("category.exists", `There is already a category called "${clash.name}".`, {
      name: clash.name,
    });
  }
}

/**
 * What a workspace nobody has used yet reads as: the categories its first link or setting will create.
 * Their ids are negative, which no stored category has, so nothing can be filed under them.
 */
function categoriesToCome(workspace: WorkspaceKey): Category[] {
  return DEFAULT_CATEGORIES.map((c, i) => ({ ...c, id: -(i + 1), workspace, position: i, archived: false }));
}

/** Categories in roundup order; archived ones only when asked for. Reading creates nothing. */
export async function listCategories(
  { store }: Pick<CategoryDeps, "store">,
  input: { workspace: string; includeArchived?: boolean },
): Promise<Category[]> {
  const workspace = assertWorkspaceKey(input.workspace);
  const categories = await store.categories.list(workspace, {
    includeArchived: input.includeArchived ?? false,
  });
  if (categories.length === 0 && !(await store.workspaces.exists(workspace))) {
    return categoriesToCome(workspace);
  }
  return categories;
}

/** The open categories, for a form that is about to add a link: their ids are real, so it may create the workspace. */
export async function categoriesForNewLink(
  deps: CategoryDeps,
  input: { workspace: string },
): Promise<Category[]> {
  const workspace = await ensureWorkspace(deps, input.workspace);
  return deps.store.categories.list(workspace);
}

/** Adds a category at the end of the roundup. */
export async function addCategory(
  deps: CategoryDeps,
  input: { workspace: string; name: string; emoji?: string | null },
): Promise<Category> {
  const { store } = deps;
  const workspace = await ensureWorkspace(deps, input.workspace);
  const { name, slug } = checkCategoryName(input.name);
  const categories = await all(store, workspace);
  assertNameFree(categories, name, slug);
  if (categories.length >= MAX_CATEGORIES) {
    throw new UserError(
      "category.tooMany",
      `A workspace can have up to ${MAX_CATEGORIES} categories; remove one first.`,
    );
  }
  return store.categories.insert(workspace, { name, slug, emoji: checkEmoji(input.emoji) });
}

export async function renameCategory(
  deps: CategoryDeps,
  input: { workspace: string; category: string; newName: string },
): Promise<{ before: Category; after: Category }> {
  const { store } = deps;
  const workspace = await ensureWorkspace(deps, input.workspace);
  const categories = await all(store, workspace);
  const before = resolveCategory(categories, input.category);
  const { name, slug } = checkCategoryName(input.newName);
  assertNameFree(categories, name, slug, before.id);
  const after = await store.categories.update(workspace, before.id, { name, slug });
  return { before, after };
}

/** Moves a category to `position` (1 = first in the roundup), shifting the others. */
export async function moveCategory(
  deps: CategoryDeps,
  input: { workspace: string; category: string; position: number },
): Promise<Category[]> {
  const { store } = deps;
  const workspace = await ensureWorkspace(deps, input.workspace);
  const categories = await all(store, workspace);
  const target = resolveCategory(categories, input.category);
  if (!Number.isInteger(input.position) || input.position < 1 || input.position > categories.length) {
    throw new UserError(
      "category.position",
      `The position must be a whole number from 1 to ${categories.length}.`,
    );
  }
  const order = categories.filter((c) => c.id !== target.id);
  order.splice(input.position - 1, 0, target);
  await store.categories.reorder(
    workspace,
    order.map((c) => c.id),
  );
  return store.categories.list(workspace, { includeArchived: true });
}

/** Hides a category from pickers and new links; its links still appear in the roundup. */
export async function archiveCategory(
  deps: CategoryDeps,
  input: { workspace: string; category: string; archived: boolean },
): Promise<Category> {
  const { store } = deps;
  const workspace = await ensureWorkspace(deps, input.workspace);
  const category = resolveCategory(await all(store, workspace), input.category);
  return store.categories.update(workspace, category.id, { archived: input.archived });
}

/** Removes a category; its links move to "Other" rather than vanish. */
export async function removeCategory(
  deps: CategoryDeps,
  input: { workspace: string; category: string },
): Promise<{ removed: Category; linksMoved: number }> {
  const { store } = deps;
  const workspace = await ensureWorkspace(deps, input.workspace);
  const removed = resolveCategory(await all(store, workspace), input.category);
  const linksMoved = await store.categories.remove(workspace, removed.id);
  return { removed, linksMoved };
}

function checkEmoji(emoji: string | null | undefined): string | null {
  const value = emoji?.trim() ?? "";
  if (value === "") return null;
  // One emoji, or a platform's custom-emoji code like :books: -- never free text.
  if (
    /^:[a-z0-9_+-]{1,32}:$/i.test(value) ||
    /^(\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f|\p{M})+$/u.test(value)
  ) {
    if (value.length > 32) throw new UserError("category.emoji", "That emoji is too long.");
    return value;
  }
  throw new UserError("category.emoji", `"${value}" isn't an emoji. Use one like 📚 or :books:.`);
}
