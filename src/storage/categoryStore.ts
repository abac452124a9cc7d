import { and, asc, eq, sql } from "drizzle-orm";
import { UserError } from "../core/errors.js";
import type { CategoryStore, NewCategory } from "../core/ports/categoryStore.js";
import type { Category, WorkspaceKey } from "../core/types.js";
import { type Db, IMMEDIATE } from "./database.js";
import { categoriesTable, linksTable } from "./schema.js";
import { withUniqueConstraint } from "./sqliteErrors.js";
import type { Immediate } from "./transactionGate.js";

type CategoryRow = typeof categoriesTable.$inferSelect;

function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    workspace: row.workspaceKey,
    name: row.name,
    slug: row.slug,
    emoji: row.emoji,
    position: row.position,
    archived: row.archived,
  };
}

const taken = (name: string) =>
  new UserError("category.exists", `There is already a category called "${name}".`, { name });

export class SqliteCategoryStore implements Immediate<CategoryStore> {
  // Prepared once: every /read command reads the categories, and re-preparing costs more than the query.
  private readonly listAll;
  private readonly listActive;

  constructor(private readonly db: Db) {
    const byWorkspace = eq(categoriesTable.workspaceKey, sql.placeholder("workspace"));
    const order = [asc(categoriesTable.position), asc(categoriesTable.id)];
    this.listAll = db
      .select()
      .from(categoriesTable)
      .where(byWorkspace)
      .orderBy(...order)
      .prepare();
    this.listActive = db
      .select()
      .from(categoriesTable)
      .where(and(byWorkspace, eq(categoriesTable.archived, false)))
      .orderBy(...order)
      .prepare();
  }

  list(workspace: WorkspaceKey, options: { includeArchived?: boolean } = {}): Category[] {
    const query = options.includeArchived ? this.listAll : this.listActive;
    return query.all({ workspace }).map(toCategory);
  }

  insert(workspace: WorkspaceKey, category: NewCategory): Category {
    return withUniqueConstraint(
      () => {
        const row = this.db
          .insert(categoriesTable)
          .values({
            workspaceKey: workspace,
            ...category,
            position: sql`(SELECT coalesce(max(${categoriesTable.position}), -1) + 1 FROM ${categoriesTable}
              WHERE ${categoriesTable.workspaceKey} = ${workspace})`,
          })
          .returning()
          .get();
        return toCategory(row);
      },
      () => taken(category.name),
    );
  }

  update(workspace: WorkspaceKey, id: number, patch: Partial<NewCategory & { archived: boolean }>): Category {
    return withUniqueConstraint(
      () => {
        const row = this.db
          .update(categoriesTable)
          .set(patch)
          .where(and(eq(categoriesTable.workspaceKey, workspace), eq(categoriesTable.id, id)))
          .returning()
          .get();
        if (!row) throw new UserError("category.unknown", "That category no longer exists.");
        return toCategory(row);
      },
      () => taken(patch.name ?? ""),
    );
  }

  remove(workspace: WorkspaceKey, id: number): number {
    return this.db.transaction((tx) => {
      const moved = tx
        .update(linksTable)
        .set({ categoryId: null })
        .where(and(eq(linksTable.workspaceKey, workspace), eq(linksTable.categoryId, id)))
        .run().changes;
      tx.delete(categoriesTable)
        .where(and(eq(categoriesTable.workspaceKey, workspace), eq(categoriesTable.id, id)))
        .run();
      return moved;
    }, IMMEDIATE);
  }

  reorder(workspace: WorkspaceKey, ids: number[]): void {
    this.db.transaction((tx) => {
      ids.forEach((id, position) => {
        tx.update(categoriesTable)
          .set({ position })
          .where(and(eq(categoriesTable.workspaceKey, workspace), eq(categoriesTable.id, id)))
          .run();
      });
    }, IMMEDIATE);
  }
}
