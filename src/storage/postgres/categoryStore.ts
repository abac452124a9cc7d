import { UserError } from "../../core/errors.js";
import type { CategoryStore, NewCategory } from "../../core/ports/categoryStore.js";
import type { Category, WorkspaceKey } from "../../core/types.js";
import { selectColumns, sqlColumns } from "../sqlColumns.js";
import { withUniqueViolation } from "./pgErrors.js";
import { categoriesTable, linksTable } from "./schema.js";
import type { JoinedTransactions } from "./session.js";

const c = sqlColumns(categoriesTable);
const l = sqlColumns(linksTable);

const CATEGORY_COLUMNS = selectColumns(categoriesTable, {
  rename: { workspaceKey: "workspace" },
  omit: ["createdAt"],
  quote: true,
});

const ORDER = `ORDER BY ${c.position}, ${c.id}`;
const LIST_ALL = `SELECT ${CATEGORY_COLUMNS} FROM ${c.$table} WHERE ${c.workspaceKey} = $1 ${ORDER}`;
const LIST_ACTIVE = `SELECT ${CATEGORY_COLUMNS} FROM ${c.$table} WHERE ${c.workspaceKey} = $1 AND NOT ${c.archived} ${ORDER}`;

const INSERT = `INSERT INTO ${c.$table} (${c.workspaceKey}, ${c.name}, ${c.slug}, ${c.emoji}, ${c.position})
  VALUES ($1, $2, $3, $4, (SELECT coalesce(max(${c.position}), -1) + 1 FROM ${c.$table} WHERE ${c.workspaceKey} = $1))
  RETURNING ${CATEGORY_COLUMNS}`;

const UNCATEGORIZE = `UPDATE ${l.$table} SET ${l.categoryId} = NULL WHERE ${l.workspaceKey} = $1 AND ${l.categoryId} = $2`;
const DELETE = `DELETE FROM ${c.$table} WHERE ${c.workspaceKey} = $1 AND ${c.id} = $2`;

/** Every id gets its place in the list in one statement. */
const REORDER = `UPDATE ${c.$table} SET ${c.position} = given.position - 1
  FROM unnest($2::integer[]) WITH ORDINALITY AS given(id, position)
  WHERE ${c.workspaceKey} = $1 AND ${c.$table}.${c.id} = given.id`;

type Patch = Partial<NewCategory & { archived: boolean }>;
const PATCHABLE = ["name", "slug", "emoji", "archived"] as const satisfies readonly (keyof Patch)[];

const taken = (name: string) =>
  new UserError("category.exists", `There is already a category called "${name}".`, { name });

export class PgCategoryStore implements CategoryStore {
  constructor(private readonly db: JoinedTransactions) {}

  async list(workspace: WorkspaceKey, options: { includeArchived?: boolean } = {}): Promise<Category[]> {
    return (await this.db.query<Category>(options.includeArchived ? LIST_ALL : LIST_ACTIVE, [workspace]))
      .rows;
  }

  insert(workspace: WorkspaceKey, category: NewCategory): Promise<Category> {
    return withUniqueViolation(
      async () => {
        const { rows } = await this.db.query<Category>(INSERT, [
          workspace,
          category.name,
          category.slug,
          category.emoji,
        ]);
        return rows[0] as Category;
      },
      () => taken(category.name),
    );
  }

  update(workspace: WorkspaceKey, id: number, patch: Patch): Promise<Category> {
    return withUniqueViolation(
      async () => {
        const keys = PATCHABLE.filter((key) => patch[key] !== undefined);
        const assignments = keys.map((key, i) => `${c[key]} = $${i + 3}`);
        // Nothing to change still answers the category, and still fails for an unknown one.
        const set = assignments.length > 0 ? assignments.join(", ") : `${c.id} = ${c.id}`;
        const { rows } = await this.db.query<Category>(
          `UPDATE ${c.$table} SET ${set} WHERE ${c.workspaceKey} = $1 AND ${c.id} = $2 RETURNING ${CATEGORY_COLUMNS}`,
          [workspace, id, ...keys.map((key) => patch[key])],
        );
        const row = rows[0];
        if (!row) throw new UserError("category.unknown", "That category no longer exists.");
        return row;
      },
      () => taken(patch.name ?? ""),
    );
  }

  remove(workspace: WorkspaceKey, id: number): Promise<number> {
    return this.db.transaction(async () => {
      const moved = await this.db.query(UNCATEGORIZE, [workspace, id]);
      await this.db.query(DELETE, [workspace, id]);
      return moved.rowCount;
    });
  }

  async reorder(workspace: WorkspaceKey, ids: number[]): Promise<void> {
    await this.db.query(REORDER, [workspace, ids]);
  }
}
