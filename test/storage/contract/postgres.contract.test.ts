/**
 * The store contract on a PostgreSQL server (TEST_DATABASE_URL; CI always has one): node-postgres's
 * pool as Roundup runs it, and a second store with its own pool as another replica. One database for
 * the file, emptied before each test.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Store } from "../../../src/core/ports/store.js";
import { NodePgDriver } from "../../../src/storage/postgres/nodePgDriver.js";
import { PostgresStore } from "../../../src/storage/postgres/postgresStore.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../../helpers/postgresServer.js";
import { emptyTables } from "./emptyTables.js";
import { describeStoreContract } from "./storeContract.js";

if (NO_SERVER) {
  describe.skip(`the store contract on a PostgreSQL server: ${NO_SERVER}`, () => {
    it("runs", () => {});
  });
} else {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("contract");
  });
  afterAll(async () => {
    await database?.drop();
  });

  const open = () => PostgresStore.open(new NodePgDriver(database.url, { max: 4 }));

  describeStoreContract("a PostgreSQL server", async () => {
    const store = await open();
    await emptyTables(store.driver);
    const others: Store[] = [];
    return {
      store,
      connectAnother: async () => {
        const other = await open();
        others.push(other);
        return other;
      },
      close: async () => {
        for (const other of others.splice(0)) await other.close();
        await store.close();
      },
    };
  });
}
