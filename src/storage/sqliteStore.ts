import type Database from "better-sqlite3";
import { UserError } from "../core/errors.js";
import type { NewCategory } from "../core/ports/categoryStore.js";
import type { Store } from "../core/ports/store.js";
import type { WorkspaceStore } from "../core/ports/workspaceStore.js";
import type { WorkspaceKey } from "../core/types.js";
import { SqliteCategoryStore } from "./categoryStore.js";
import { BUSY_TIMEOUT_MS, type DatabaseLocation, type Db, IMMEDIATE, openDatabase } from "./database.js";
import { SqliteLinkStore } from "./linkStore.js";
import { SqliteRequestLogStore } from "./requestLogStore.js";
import { SqliteRunStore } from "./runStore.js";
import { workspacesTable } from "./schema.js";
import { SqliteSettingsStore } from "./settingsStore.js";
import { explainDatabaseError, refusingWrites, sqliteErrorCode } from "./sqliteErrors.js";

class SqliteWorkspaceStore implements WorkspaceStore {
  /** Workspaces known to exist, so the common case costs no write. */
  private readonly known = new Set<WorkspaceKey>();
  private readonly lookup: Database.Statement<[WorkspaceKey]>;

  constructor(
    private readonly db: Db,
    private readonly categories: SqliteCategoryStore,
  ) {
    this.lookup = db.$client.prepare("SELECT 1 FROM workspaces WHERE key = ?");
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
    this.known.add(workspace);
    return created;
  }

  exists(workspace: WorkspaceKey): boolean {
    if (this.known.has(workspace)) return true;
    const found = this.lookup.get(workspace) !== undefined;
    if (found) this.known.add(workspace);
    return found;
  }
}

/**
 * Throws unless this connection can write. BEGIN IMMEDIATE alone succeeds on a read-only file; a
 * statement that writes (nothing) does not.
 */
function probeWrite(client: Database.Database): void {
  client.exec("BEGIN IMMEDIATE");
  try {
    client.exec("DELETE FROM workspaces WHERE 0");
  } finally {
    if (client.inTransaction) client.exec("ROLLBACK");
  }
}

export class SqliteStore implements Store {
  readonly links: SqliteLinkStore;
  readonly categories: SqliteCategoryStore;
  readonly settings: SqliteSettingsStore;
  readonly workspaces: SqliteWorkspaceStore;
  readonly runs: SqliteRunStore;
  readonly requestLog: SqliteRequestLogStore;
  private readonly location: DatabaseLocation;

  constructor(readonly db: Db) {
    const client = db.$client;
    this.location = { path: client.name, readonly: client.readonly };
    // Opened read-only on purpose: a command that writes says so instead of failing as a bug.
    const guard = <T extends object>(store: T): T =>
      client.readonly ? refusingWrites(store, this.location) : store;
    this.links = guard(new SqliteLinkStore(client));
    this.categories = guard(new SqliteCategoryStore(db));
    this.settings = guard(new SqliteSettingsStore(db));
    this.workspaces = guard(new SqliteWorkspaceStore(db, this.categories));
    this.runs = guard(new SqliteRunStore(client));
    this.requestLog = guard(new SqliteRequestLogStore(client));
  }

  static open(databaseUrl: string): SqliteStore {
    return new SqliteStore(openDatabase(databaseUrl));
  }

  /**
   * Starts with BEGIN IMMEDIATE: a deferred transaction that reads and then writes cannot wait for
   * another connection's write lock (SQLite refuses it at once, "database is locked"), whereas
   * taking the lock up front lets busy_timeout queue it behind the other writer.
   */
  transaction<T>(work: () => T): T {
    return this.db.$client.transaction(work).immediate();
  }

  /**
   * Throws a UserError that says why unless the database can be written: a bot checks at start,
   * since one that cannot write would apologise for every command.
   */
  assertWritable(): void {
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

  close(): void {
    if (this.db.$client.open) this.db.$client.close();
  }
}
