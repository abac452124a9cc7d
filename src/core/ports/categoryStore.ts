import type { Category, WorkspaceKey } from "../types.js";

export interface NewCategory {
  name: string;
  slug: string;
  emoji: string | null;
}

export interface CategoryStore {
  /** Ordered by position; archived ones only when asked. */
  list(workspace: WorkspaceKey, options?: { includeArchived?: boolean }): Promise<Category[]>;
  /** Appends at the end. Throws `UserError("category.exists")` when the slug is taken. */
  insert(workspace: WorkspaceKey, category: NewCategory): Promise<Category>;
  update(
    workspace: WorkspaceKey,
    id: number,
    patch: Partial<NewCategory & { archived: boolean }>,
  ): Promise<Category>;
  /** Deletes the category; its links become uncategorized ("Other"). Returns how many links moved. */
  remove(workspace: WorkspaceKey, id: number): Promise<number>;
  /** Saves the given order: `ids[0]` first. */
  reorder(workspace: WorkspaceKey, ids: number[]): Promise<void>;
}
