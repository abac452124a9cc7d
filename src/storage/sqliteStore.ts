import { eq } from "drizzle-orm";
import type { NewCategory, Store, WorkspaceStore } from "../core/ports.js";
import type { WorkspaceKey } from "../core/types.js";
import { SqliteCategoryStore } from "./categoryStore.js";
import { type Db, openDatabase } from "./database.js";
import { SqliteLinkStore } from "./linkStore.js";
import { SqliteRunStore } from "./runStore.js";
import { workspacesTable } from "./schema.js";
import { SqliteSettingsStore } from "./settingsStore.js";

class SqliteWorkspaceStore implements WorkspaceStore {
  /** Workspaces known to exist, so the common case costs no write. */
  private readonly known = new Set<WorkspaceKey>();

  constructor(
    private readonly db: Db,
    private readonly categories: SqliteCategoryStore,
  ) {}

  ensure(workspace: WorkspaceKey, defaultCategories: NewCategory[]): boolean {
    if (this.known.has(workspace)) return false;
    const created = this.db.transaction((tx) => {
      const inserted = tx
        .insert(workspacesTable)
        .values({ key: workspace })
        .onConflictDoNothing()
        .run().changes;
      if (inserted === 0) return false;
      for (const category of defaultCategories) this.categories.insert(workspace, category);
      return true;
    });
    this.known.add(workspace);
    return created;
  }

  exists(workspace: WorkspaceKey): boolean {
    if (this.known.has(workspace)) return true;
    const row = this.db
      .select({ key: workspacesTable.key })
      .from(workspacesTable)
      .where(eq(workspacesTable.key, workspace))
      .get();
    if (row) this.known.add(workspace);
    return row !== undefined;
  }
}

export class SqliteStore implements Store {
  readonly links: SqliteLinkStore;
  readonly categories: SqliteCategoryStore;
  readonly settings: SqliteSettingsStore;
  readonly workspaces: SqliteWorkspaceStore;
  readonly runs: SqliteRunStore;

  constructor(readonly db: Db) {
    this.links = new SqliteLinkStore(db.$client);
    this.categories = new SqliteCategoryStore(db);
    this.settings = new SqliteSettingsStore(db);
    this.workspaces = new SqliteWorkspaceStore(db, this.categories);
    this.runs = new SqliteRunStore(db.$client);
  }

  static open(databaseUrl: string): SqliteStore {
    return new SqliteStore(openDatabase(databaseUrl));
  }

  transaction<T>(work: () => T): T {
    return this.db.$client.transaction(work)();
  }

  close(): void {
    if (this.db.$client.open) this.db.$client.close();
  }
}
