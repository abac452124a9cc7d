import type { CategoryStore } from "./categoryStore.js";
import type { LinkStore } from "./linkStore.js";
import type { RequestLogStore } from "./requestLogStore.js";
import type { RoundupRunStore } from "./runStore.js";
import type { SettingsStore } from "./settingsStore.js";
import type { WorkspaceStore } from "./workspaceStore.js";

/** Everything the core reads and writes. */
export interface Store {
  workspaces: WorkspaceStore;
  links: LinkStore;
  categories: CategoryStore;
  settings: SettingsStore;
  runs: RoundupRunStore;
  requestLog: RequestLogStore;
  /** Runs `work` atomically; nested calls join the outer transaction. */
  transaction<T>(work: () => T): T;
  close(): void;
}
