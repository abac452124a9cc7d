import { DEFAULT_CATEGORIES } from "./categories/defaultCategories.js";
import { UserError } from "./errors.js";
import type { Store } from "./ports.js";
import type { WorkspaceKey } from "./types.js";

const WORKSPACE_KEY = /^(discord|slack|local):[A-Za-z0-9._-]{1,100}$/;

export function assertWorkspaceKey(key: string): WorkspaceKey {
  if (!WORKSPACE_KEY.test(key)) {
    throw new UserError(
      "workspace.invalid",
      `"${key}" isn't a workspace key. Use discord:<guildId>, slack:<teamId> or local:<name>.`,
    );
  }
  return key;
}

/** Every use case starts here: a workspace seen for the first time gets the default categories. */
export function ensureWorkspace(store: Store, key: string): WorkspaceKey {
  const workspace = assertWorkspaceKey(key);
  store.workspaces.ensure(workspace, DEFAULT_CATEGORIES);
  return workspace;
}
