/**
 * The store contract on SQLite: a fresh database file per test, and a second connection to it on
 * demand. Each file is a copy of one migrated once, which spares running the migrations per test.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { Store } from "../../../src/core/ports/store.js";
import { SqliteStore } from "../../../src/storage/sqliteStore.js";
import { describeStoreContract } from "./storeContract.js";

const dir = mkdtempSync(join(tmpdir(), "roundup-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let template: string | undefined;
let count = 0;

describeStoreContract("SQLite", async () => {
  if (template === undefined) {
    template = join(dir, "template.db");
    await SqliteStore.open(template).close();
  }
  const path = join(dir, `store-${++count}.db`);
  copyFileSync(template, path);
  const store = SqliteStore.open(path);
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
      await store.close();
    },
  };
});
