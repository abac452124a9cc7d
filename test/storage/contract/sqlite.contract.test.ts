/** The store contract on SQLite: a migrated temp file per test, and a second connection to it on demand. */
import type { Store } from "../../../src/core/ports/store.js";
import { SqliteStore } from "../../../src/storage/sqliteStore.js";
import { tempStore } from "../../helpers/tempStore.js";
import { describeStoreContract } from "./storeContract.js";

describeStoreContract("SQLite", async () => {
  const { store, path, cleanup } = tempStore();
  const others: Store[] = [];
  return {
    store,
    connectAnother: async () => {
      const other = SqliteStore.open(path);
      others.push(other);
      return other;
    },
    close: async () => {
      for (const other of others.splice(0)) await other.close();
      await cleanup();
    },
  };
});
