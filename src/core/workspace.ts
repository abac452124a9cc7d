import { DEFAULT_CATEGORIES } from "./categories/defaultCategories.js";
import { UserError } from "./errors.js";
import type { Clock } from "./ports/clock.js";
import type { Store } from "./ports/store.js";
import { firstPeriodAfter } from "./schedule/dueTime.js";
import { DEFAULT_SCHEDULE, type WorkspaceKey } from "./types.js";

const WORKSPACE_KEY = /^(discord|slack|local):[A-Za-z0-9._-]{1,100}$/;

/**
 * The workspace the CLI uses when none is named: a newcomer's first one, so reading it on a new
 * database shows an empty list rather than "no such workspace".
 */
export const DEFAULT_LOCAL_WORKSPACE = "local:default";

/** The variable a process needs to post a workspace's roundups; a local workspace has no chat. */
const POSTING_TOKENS: Record<string, string> = { discord: "DISCORD_TOKEN", slack: "SLACK_BOT_TOKEN" };

export function assertWorkspaceKey(key: string): WorkspaceKey {
  if (!WORKSPACE_KEY.test(key)) {
    throw new UserError(
      "workspace.invalid",
      `"${key}" isn't a workspace key. Use discord:<guildId>, slack:<teamId> or local:<name>.`,
    );
  }
  return key;
}

/** Where a workspace lives: a chat platform, or `local`, a workspace only this database knows. */
export type Platform = "discord" | "slack" | "local";

/** The part of the key before the colon. */
export function platformOf(workspace: WorkspaceKey): Platform {
  return workspace.slice(0, workspace.indexOf(":")) as Platform;
}

/** The environment variable a bot needs to post this workspace's roundups, or null for a local one. */
export function postingToken(workspace: WorkspaceKey): string | null {
  return POSTING_TOKENS[platformOf(workspace)] ?? null;
}

/**
 * Every writing use case starts here: a workspace seen for the first time gets the default categories
 * and, when it has a chat to post to, its first roundup planned on the default schedule (posted once
 * it has a channel). Reading use cases never call it, so a mistyped workspace is not created.
 */
export async function ensureWorkspace(
  { store, clock }: { store: Store; clock: Clock },
  key: string,
): Promise<WorkspaceKey> {
  const workspace = assertWorkspaceKey(key);
  if ((await store.workspaces.ensure(workspace, DEFAULT_CATEGORIES)) && postingToken(workspace) !== null) {
    await store.settings.setNextDue(workspace, firstPeriodAfter(clock.now(), DEFAULT_SCHEDULE));
  }
  return workspace;
}

/**
 * For the CLI's reading commands, where a workspace is typed: refuses one that does not exist yet
 * (except the default local one) instead of showing it as empty.
 */
export async function requireWorkspace(store: Store, key: string): Promise<WorkspaceKey> {
  const workspace = assertWorkspaceKey(key);
  if (workspace !== DEFAULT_LOCAL_WORKSPACE && !(await store.workspaces.exists(workspace))) {
    throw new UserError(
      "workspace.unknown",
      `There is no workspace ${workspace} yet. Check --workspace: a workspace starts with its first link or setting.`,
      { workspace },
    );
  }
  return workspace;
}
