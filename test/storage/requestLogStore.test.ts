import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { tempStore } from "../helpers/tempStore.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function open() {
  const temp = tempStore();
  cleanups.push(temp.cleanup);
  return temp;
}

const count = (store: SqliteStore) =>
  store.db.$client.prepare("SELECT count(*) FROM slack_requests").pluck().get();

describe("the request log", () => {
  it("is shared by two stores on one database file", async () => {
    const { store, path } = open();
    const other = SqliteStore.open(path);
    cleanups.unshift(() => other.close());
    expect(await store.requestLog.remember("v0=a", 10_000, 1_000)).toBe(true);
    expect(await other.requestLog.remember("v0=a", 10_000, 2_000)).toBe(false);
  });

  it("forgets expired signatures now and then", async () => {
    const { store } = open();
    await store.requestLog.remember("v0=old", 5_000, 1_000);
    await store.requestLog.remember("v0=newer", 100_000, 2_000);
    expect(count(store)).toBe(2);
    // Within a minute of the last sweep nothing is deleted; after it, what expired goes.
    await store.requestLog.remember("v0=c", 100_000, 30_000);
    expect(count(store)).toBe(3);
    await store.requestLog.remember("v0=d", 200_000, 61_000);
    expect(count(store)).toBe(3);
    expect(await store.requestLog.remember("v0=newer", 100_000, 62_000)).toBe(false);
  });
});
