import type { WorkspaceKey } from "../types.js";
import type { NewCategory } from "./categoryStore.js";

export interface WorkspaceStore {
  /**
   * Makes sure the workspace exists; the first time, seeds it with `defaultCategories`
   * in one transaction. Returns true when it was created by this call.
   */
  ensure(workspace: WorkspaceKey, defaultCategories: NewCategory[]): Promise<boolean>;
  /** Whether the workspace was ever created (by a link, a category or a setting). */
  exists(workspace: WorkspaceKey): Promise<boolean>;
}
