import type { CategoryStore } from "./categoryStore.js";
import type { LinkStore } from "./linkStore.js";
import type { RequestLogStore } from "./requestLogStore.js";
import type { ReviewStore } from "./reviewStore.js";
import type { RoundupRunStore } from "./runStore.js";
import type { SettingsStore } from "./settingsStore.js";
import type { WorkspaceStore } from "./workspaceStore.js";

/**
 * Everything the core reads and writes. Every method answers with a Promise, so a store on a database
 * reached over the network (PostgreSQL) fits the same shape as the SQLite one.
 */
export interface Store {
  workspaces: WorkspaceStore;
  links: LinkStore;
  categories: CategoryStore;
  settings: SettingsStore;
  runs: RoundupRunStore;
  reviews: ReviewStore;
  requestLog: RequestLogStore;
  /**
   * Runs `work` atomically: everything it does through `tx` is committed when its Promise resolves and
   * rolled back when it rejects, and a statement issued outside a transaction never lands inside
   * another caller's. Whether transactions of one process also run one after another is the store's
   * own affair (SQLite's do; a pool's need not), so callers must not rely on it. Nested calls join the
   * outer transaction (no savepoint: an inner failure that the outer work catches is not undone alone).
   * Inside `work`, use `tx`, not the store it came from: on a database with a pool of connections
   * (PostgreSQL) only `tx` reaches the transaction's connection.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /** Waits for the transactions under way, then closes the connection. */
  close(): Promise<void>;
}
