/**
 * The PostgreSQL migrations (migrations/postgres) applied in process on PGlite through drizzle's own
 * driver and migrator: what a replica will run at start. One PGlite for the file, started from the run's
 * template (migrated once, test/setup/pgliteTemplate.ts); each test uses its own workspace, so they do
 * not depend on one another.
 */
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { getTableConfig } from "drizzle-orm/pg-core";
import { drizzle, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../../src/storage/postgres/schema.js";
import { migratedPglite } from "../../helpers/pglite.js";

const MIGRATIONS = fileURLToPath(new URL("../../../migrations/postgres", import.meta.url));

let client: PGlite;
let db: PgliteDatabase<typeof schema>;

beforeAll(async () => {
  // The run's template was migrated by the store's driver (test/setup/pgliteTemplate.ts); migrating
  // again must find nothing left to do.
  client = migratedPglite();
  db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
});

afterAll(async () => {
  await client?.close();
});

async function columnsOf(table: string): Promise<Map<string, { type: string; nullable: boolean }>> {
  const { rows } = await client.query<{ column_name: string; data_type: string; is_nullable: string }>(
    `SELECT column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  );
  return new Map(rows.map((r) => [r.column_name, { type: r.data_type, nullable: r.is_nullable === "YES" }]));
}

describe("PostgreSQL migrations", () => {
  it("create every table of the schema with every column, nullable where the schema says", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    const tables = Object.values(schema).map((t) => getTableConfig(t));
    expect(rows.map((r) => r.table_name)).toEqual(tables.map((t) => t.name).sort());
    for (const table of tables) {
      const columns = await columnsOf(table.name);
      expect([...columns.keys()].sort(), table.name).toEqual(table.columns.map((c) => c.name).sort());
      for (const column of table.columns) {
        expect(columns.get(column.name)?.nullable, `${table.name}.${column.name}`).toBe(!column.notNull);
      }
    }
  });

  it("give times as bigint, flags as boolean and the JSON arrays as jsonb", async () => {
    const links = await columnsOf("links");
    expect(links.get("shared_at")?.type).toBe("bigint");
    expect(links.get("recommendations")?.type).toBe("jsonb");
    const settings = await columnsOf("workspace_settings");
    expect(settings.get("quiet_month_note")?.type).toBe("boolean");
    expect(settings.get("next_due_at")?.type).toBe("bigint");
    expect((await columnsOf("categories")).get("archived")?.type).toBe("boolean");
    expect((await columnsOf("roundup_runs")).get("message_ids")?.type).toBe("jsonb");
    expect((await columnsOf("workspaces")).get("last_link_number")?.type).toBe("integer");
  });

  it("refuse a category name that differs from another of its workspace only in case", async () => {
    await db.insert(schema.workspacesTable).values([{ key: "test:ci" }, { key: "test:other" }]);
    const category = (workspaceKey: string, name: string, slug: string) => ({
      workspaceKey,
      name,
      slug,
      position: 0,
    });
    await db.insert(schema.categoriesTable).values(category("test:ci", "Tools", "tools"));
    const error = await db
      .insert(schema.categoriesTable)
      .values(category("test:ci", "tools", "tools-2"))
      .then(
        () => null,
        (e: unknown) => e as { cause?: { code?: string; constraint?: string } },
      );
    expect(error?.cause).toMatchObject({ code: "23505", constraint: "categories_workspace_name_unique" });
    // Another workspace may have its own "tools".
    await db.insert(schema.categoriesTable).values(category("test:other", "tools", "tools"));
  });

  it("give rows the defaults the ports read: epoch-ms numbers, false flags, empty message lists", async () => {
    const before = Date.now();
    const [workspace] = await db.insert(schema.workspacesTable).values({ key: "test:defaults" }).returning();
    expect(workspace?.lastLinkNumber).toBe(0);
    expect(typeof workspace?.createdAt).toBe("number");
    expect(workspace?.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(workspace?.createdAt).toBeLessThanOrEqual(Date.now() + 1000);
    const [run] = await db
      .insert(schema.roundupRunsTable)
      .values({ workspaceKey: "test:defaults", period: "2026-06", status: "posting" })
      .returning();
    expect(run?.messageIds).toEqual([]);
    const [settings] = await db
      .insert(schema.settingsTable)
      .values({ workspaceKey: "test:defaults" })
      .returning();
    expect(settings?.quietMonthNote).toBe(false);
  });
});
