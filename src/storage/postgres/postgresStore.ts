import { fileURLToPath } from "node:url";
import { UserError } from "../../core/errors.js";
import type { CategoryStore } from "../../core/ports/categoryStore.js";
import type { LinkStore } from "../../core/ports/linkStore.js";
import type { RequestLogStore } from "../../core/ports/requestLogStore.js";
import type { ReviewStore } from "../../core/ports/reviewStore.js";
import type { RoundupRunStore } from "../../core/ports/runStore.js";
import type { SettingsStore } from "../../core/ports/settingsStore.js";
import type { Store } from "../../core/ports/store.js";
import type { WorkspaceStore } from "../../core/ports/workspaceStore.js";
import { PgCategoryStore } from "./categoryStore.js";
import { PgLinkStore } from "./linkStore.js";
import { PgRequestLogStore } from "./requestLogStore.js";
import { PgReviewStore } from "./reviewStore.js";
import { PgRunStore } from "./runStore.js";
import { JoinedTransactions, type PgDriver } from "./session.js";
import { PgSettingsStore } from "./settingsStore.js";
import { PgWorkspaceStore } from "./workspaceStore.js";

export const POSTGRES_MIGRATIONS_FOLDER = fileURLToPath(
  new URL("../../../migrations/postgres", import.meta.url),
);

/** How long /healthz waits for the database before calling it unreachable. */
const HEALTH_TIMEOUT_MS = 2_000;

const WRITABLE = `SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AS "writable"`;

/**
 * The store on PostgreSQL, shared by any number of processes. Each port's SQL is in its own module
 * beside this one; what differs from SQLite (numbering, JSON, claims, case-insensitive names) is
 * written there, in this dialect, and the core sees the same ports.
 */
export class PostgresStore implements Store {
  readonly links: LinkStore;
  readonly categories: CategoryStore;
  readonly settings: SettingsStore;
  readonly workspaces: WorkspaceStore;
  readonly runs: RoundupRunStore;
  readonly reviews: ReviewStore;
  readonly requestLog: RequestLogStore;
  private readonly db: JoinedTransactions;
  private closed = false;

  private constructor(readonly driver: PgDriver) {
    this.db = new JoinedTransactions(driver);
    const categories = new PgCategoryStore(this.db);
    this.links = new PgLinkStore(this.db);
    this.categories = categories;
    this.settings = new PgSettingsStore(this.db);
    this.workspaces = new PgWorkspaceStore(this.db, categories);
    this.runs = new PgRunStore(this.db);
    this.reviews = new PgReviewStore(this.db);
    this.requestLog = new PgRequestLogStore(this.db);
  }

  /** A store on `driver`'s database, migrated first (under a lock, so replicas can start together). */
  static async open(driver: PgDriver): Promise<PostgresStore> {
    try {
      await driver.migrate(POSTGRES_MIGRATIONS_FOLDER);
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    return new PostgresStore(driver);
  }

  /**
   * `tx` is this store itself: statements issued from inside `work` (through any port) run on the
   * transaction's connection, and a nested call joins it (see `JoinedTransactions`).
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.db.transaction(() => work(this));
  }

  /** Throws a UserError that says why unless the database takes writes (a standby, a read-only user). */
  async assertWritable(): Promise<void> {
    const { rows } = await this.db.query<{ writable: boolean }>(WRITABLE);
    if (rows[0]?.writable) return;
    throw new UserError(
      "database.unwritable",
      "DATABASE_URL points to a PostgreSQL server that only reads (a standby, or default_transaction_read_only is on): point it at the primary.",
    );
  }

  /** Whether the database answers and takes writes right now, for /healthz; gives up after two seconds. */
  async healthy(): Promise<boolean> {
    if (this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
    });
    const probe = this.driver
      .query<{ writable: boolean }>(WRITABLE)
      .then(({ rows }) => rows[0]?.writable === true)
      .catch(() => false);
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.drained();
    await this.driver.close();
  }
}
