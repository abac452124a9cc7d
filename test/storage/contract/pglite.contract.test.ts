/**
 * The store contract on PostgreSQL in process (PGlite): the PostgreSQL store's SQL, run by `npm test`
 * on any machine, no server needed. One PGlite for the file, started from the run's migrated template;
 * each test starts from empty tables, as a fresh database would.
 */
import type { PGlite } from "@electric-sql/pglite";
import { afterAll } from "vitest";
import { PgliteDriver } from "../../../src/storage/postgres/pgliteDriver.js";
import { PostgresStore } from "../../../src/storage/postgres/postgresStore.js";
import { migratedPglite } from "../../helpers/pglite.js";
import { emptyTables } from "./emptyTables.js";
import { describeStoreContract } from "./storeContract.js";

let pglite: PGlite | undefined;
afterAll(async () => {
  await pglite?.close();
});

/** A driver on the file's PGlite whose close leaves it open for the next test. */
function sharedDriver(client: PGlite): PgliteDriver {
  const driver = new PgliteDriver(client);
  driver.close = async () => {};
  return driver;
}

describeStoreContract("PGlite", async () => {
  pglite ??= migratedPglite();
  const client = pglite;
  const store = await PostgresStore.open(sharedDriver(client));
  await emptyTables(store.driver);
  // No second connection: PGlite is one, so a read from "another process" would wait for the open
  // transaction it is meant to look into. The server's run (postgres.contract.test.ts) has one.
  return { store, close: () => store.close() };
});
