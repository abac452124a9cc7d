import type Database from "better-sqlite3";
import { UserError } from "../core/errors.js";
import type { CategoryStore, NewCategory } from "../core/ports/categoryStore.js";
import type { LinkStore } from "../core/ports/linkStore.js";
import type { RequestLogStore } from "../core/ports/requestLogStore.js";
import type { ReviewStore } from "../core/ports/reviewStore.js";
import type { RoundupRunStore } from "../core/ports/runStore.js";
import type { SettingsStore } from "../core/ports/settingsStore.js";
import type { Store } from "../core/ports/store.js";
import type { WorkspaceStore } from "../core/ports/workspaceStore.js";
import type { WorkspaceKey } from "../core/types.js";
import { SqliteCategoryStore } from "./categoryStore.js";
import { BUSY_TIMEOUT_MS, type DatabaseLocation, type Db, IMMEDIATE, openDatabase } from "./database.js";
import { SqliteLinkStore } from "./linkStore.js";
import { SqliteRequestLogStore } from "./requestLogStore.js";
import { SqliteReviewStore } from "./reviewStore.js";
import { SqliteRunStore } from "./runStore.js";
import { workspacesTable } from "./schema.js";
import { SqliteSettingsStore } from "./settingsStore.js";
import { sqlColumns } from "./sqlColumns.js";
import { explainDatabaseError, refusingWrites, sqliteErrorCode } from "./sqliteErrors.js";
import { gated, type Immediate, TransactionGate } from "./transactionGate.js";

const w = sqlColumns(workspacesTable);

class SqliteWorkspaceStore implements Immediate<WorkspaceStore> {
  /** Workspaces known to exist, so the common case costs no write. */
  private readonly known = new Set<WorkspaceKey>();
  private readonly lookup: Database.Statement<[WorkspaceKey]>;

  constructor(
    private readonly db: Db,
    private readonly categories: SqliteCategoryStore,
  ) {
    this.lookup = db.$client.prepare(`SELECT 1 FROM ${w.$table} WHERE ${w.key} = ?`);
  }

  ensure(workspace: WorkspaceKey, defaultCategories: NewCategory[]): boolean {
    if (this.known.has(workspace)) return false;
    // Looking first takes no write lock for a workspace that exists, and works on a read-only database.
    const created =
      !this.lookup.get(workspace) &&
      this.db.transaction((tx) => {
        const inserted = tx
          .insert(workspacesTable)
          .values({ key: workspace })
          .onConflictDoNothing()
          .run().changes;
        if (inserted === 0) return false;
        for (const category of defaultCategories) this.categories.insert(workspace, category);
        return true;
      }, IMMEDIATE);
    this.remember(workspace);
    return created;
  }

  exists(workspace: WorkspaceKey): boolean {
    if (this.known.has(workspace)) return true;
    const found = this.lookup.get(workspace) !== undefined;
    if (found) this.remember(workspace);
    return found;
  }

  /** Seen inside a caller's transaction, a workspace may be one it created and will roll back. */
  private remember(workspace: WorkspaceKey): void {
    if (!this.db.$client.inTransaction) this.known.add(workspace);
  }
}

/**
 * Throws unless this connection can write. BEGIN IMMEDIATE alone succeeds on a read-only file; a
 * statement that writes (nothing) does not.
 */
function probeWrite(client: Database.Database): void {
  client.exec("BEGIN IMMEDIATE");
  try {
    client.exec(`DELETE FROM ${w.$table} WHERE 0`);
  } finally {
    if (client.inTransaction) client.exec("ROLLBACK");
  }
}

/**
 * The store on one SQLite file. Each sub-store does its work synchronously (better-sqlite3) and is
 * handed to the core through `gated`, so every method answers with a Promise and none runs inside
 * another caller's open transaction; `TransactionGate` explains how transactions stay correct across
 * awaits.
 */
export class SqliteStore implements Store {
  readonly links: LinkStore;
  readonly categories: CategoryStore;
  readonly settings: SettingsStore;
  readonly workspaces: WorkspaceStore;
  readonly runs: RoundupRunStore;
  readonly reviews: ReviewStore;
  readonly requestLog: RequestLogStore;
  private readonly location: DatabaseLocation;
  private readonly gate: TransactionGate;

  constructor(readonly db: Db) {
    const client = db.$client;
    this.location = { path: client.name, readonly: client.readonly };
    this.gate = new TransactionGate(client);
    // Opened read-only on purpose: a command that writes says so instead of failing as a bug.
    const port = <Port extends object>(store: Immediate<Port>): Port =>
      gated<Port>(client.readonly ? refusingWrites(store, this.location) : store, this.gate);
    const categories = new SqliteCategoryStore(db);
    this.links = port<LinkStore>(new SqliteLinkStore(client));
    this.categories = port<CategoryStore>(categories);
    this.settings = port<SettingsStore>(new SqliteSettingsStore(db));
    this.workspaces = port<WorkspaceStore>(new SqliteWorkspaceStore(db, categories));
    this.runs = port<RoundupRunStore>(new SqliteRunStore(client));
    this.reviews = port<ReviewStore>(new SqliteReviewStore(client));
    this.requestLog = port<RequestLogStore>(new SqliteRequestLogStore(client));
  }

  static open(databaseUrl: string): SqliteStore {
    return new SqliteStore(openDatabase(databaseUrl));
  }

  /**
   * `tx` is this store itself: on one connection, the async context `work` runs in is what tells its
   * statements from everyone else's (see `TransactionGate`).
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.gate.transaction(() => work(this));
  }

  /**
   * Throws a UserError that says why unless the database can be written: a bot checks at start,
   * since one that cannot write would apologise for every command.
   */
  assertWritable(): void {
    // A transaction of ours holds the write lock: the database takes writes, and probing would end it.
    if (this.gate.inTransaction) return;
    try {
      probeWrite(this.db.$client);
    } catch (error) {
      const explained = explainDatabaseError(error, this.location);
      throw explained ? new UserError("database.unwritable", explained, { path: this.location.path }) : error;
    }
  }

  /** Whether the database answers and takes writes right now, for /healthz; never waits on a lock. */
  healthy(): boolean {
    const client = this.db.$client;
    if (!client.open) return false;
    // Being written by this process right now: probing on the same connection would end that transaction.
    if (this.gate.inTransaction) return true;
    client.pragma("busy_timeout = 0");
    try {
      probeWrite(client);
      return true;
    } catch (error) {
      // Another connection holds the write lock: the database is being written, so it can be.
      return sqliteErrorCode(error) === "SQLITE_BUSY";
    } finally {
      client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  async close(): Promise<void> {
    await this.gate.drained();
    if (this.db.$client.open) this.db.$client.close();
  }
}
