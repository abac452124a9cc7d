/**
 * Replicas starting at the same moment on an empty database: each opens the store, which migrates
 * under PostgreSQL's advisory lock, so all of them come up and every migration runs once. In process,
 * with a pool each (as separate processes would have); the spawned version is in test/replicas.
 */
import { readMigrationFiles } from "drizzle-orm/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodePgDriver } from "../../../src/storage/postgres/nodePgDriver.js";
import { POSTGRES_MIGRATIONS_FOLDER, PostgresStore } from "../../../src/storage/postgres/postgresStore.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../../helpers/postgresServer.js";

describe.skipIf(NO_SERVER)(
  `migrations at start on a PostgreSQL server${NO_SERVER ? `: ${NO_SERVER}` : ""}`,
  () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase("migrate");
    });
    afterAll(async () => {
      await database?.drop();
    });

    it("run once when five stores open an empty database at the same moment, and all five work", async () => {
      const stores = await Promise.all(
        Array.from({ length: 5 }, () => PostgresStore.open(new NodePgDriver(database.url, { max: 2 }))),
      );
      try {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query<{ hash: string }>(
          "SELECT hash FROM drizzle.__drizzle_migrations",
        );
        await client.end();
        const committed = readMigrationFiles({ migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
        expect(rows.map((r) => r.hash).sort()).toEqual(committed.map((m) => m.hash).sort());

        const created = await Promise.all(stores.map((store) => store.workspaces.ensure("local:a", [])));
        expect(created.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });
  },
);
