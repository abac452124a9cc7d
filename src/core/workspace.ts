import { DEFAULT_CATEGORIES } from "./categories/defaultCategories.js";
import { UserError } from "./errors.js";
import type { Store } from "./ports.js";
import { firstPeriodAfter } from "./schedule/dueTime.js";
import { DEFAULT_SCHEDULE, type WorkspaceKey } from "./types.js";

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

/**
 * Every use case starts here: a workspace seen for the first time gets the default categories and
 * its first roundup planned on the default schedule (posted once it has a channel).
 */
export function ensureWorkspace(store: Store, key: string): WorkspaceKey {
  const workspace = assertWorkspaceKey(key);
  if (store.workspaces.ensure(workspace, DEFAULT_CATEGORIES)) {
    store.settings.setNextDue(workspace, firstPeriodAfter(Date.now(), DEFAULT_SCHEDULE));
  }
  return workspace;
}
