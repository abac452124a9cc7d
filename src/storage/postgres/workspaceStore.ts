import type { NewCategory } from "../../core/ports/categoryStore.js";
import type { WorkspaceStore } from "../../core/ports/workspaceStore.js";
import type { WorkspaceKey } from "../../core/types.js";
import { sqlColumns } from "../sqlColumns.js";
import type { PgCategoryStore } from "./categoryStore.js";
import { workspacesTable } from "./schema.js";
import type { JoinedTransactions } from "./session.js";

const w = sqlColumns(workspacesTable);

const LOOKUP = `SELECT 1 FROM ${w.$table} WHERE ${w.key} = $1`;
/** A replica creating the same workspace at the same moment waits on the key, then inserts nothing. */
const CREATE = `INSERT INTO ${w.$table} (${w.key}) VALUES ($1) ON CONFLICT DO NOTHING`;

export class PgWorkspaceStore implements WorkspaceStore {
  /** Workspaces known to exist, so the common case costs no round trip. */
  private readonly known = new Set<WorkspaceKey>();

  constructor(
    private readonly db: JoinedTransactions,
    private readonly categories: PgCategoryStore,
  ) {}

  async ensure(workspace: WorkspaceKey, defaultCategories: NewCategory[]): Promise<boolean> {
    if (this.known.has(workspace)) return false;
    const created =
      (await this.db.query(LOOKUP, [workspace])).rowCount === 0 &&
      (await this.db.transaction(async () => {
        if ((await this.db.query(CREATE, [workspace])).rowCount === 0) return false;
        for (const category of defaultCategories) await this.categories.insert(workspace, category);
        return true;
      }));
    this.remember(workspace);
    return created;
  }

  async exists(workspace: WorkspaceKey): Promise<boolean> {
    if (this.known.has(workspace)) return true;
    const found = (await this.db.query(LOOKUP, [workspace])).rowCount > 0;
    if (found) this.remember(workspace);
    return found;
  }

  /** Seen inside a caller's transaction, a workspace may be one it created and will roll back. */
  private remember(workspace: WorkspaceKey): void {
    if (!this.db.inTransaction) this.known.add(workspace);
  }
}
