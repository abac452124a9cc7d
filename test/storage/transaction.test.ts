/**
 * `Store.transaction(async (tx) => ...)` as only SQLite keeps it: a write lock held across awaits,
 * transactions of one process one after another, the store itself joining the open one. Commit,
 * rollback, nesting and isolation from outside statements are the store contract's
 * (test/storage/contract), run on every store.
 */
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewLink } from "../../src/core/types.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { tempStore } from "../helpers/tempStore.js";

const WORKSPACE = "local:team";
let store: SqliteStore;
let path: string;
let cleanup: () => Promise<void>;
/** Other connections to the file, as other processes have. */
const others: Database.Database[] = [];

beforeEach(async () => {
  ({ store, path, cleanup } = tempStore());
  await store.workspaces.ensure(WORKSPACE, []);
});
afterEach(async () => {
  for (const other of others.splice(0)) other.close();
  await cleanup();
});

function link(n: number): NewLink {
  const url = `https://example.com/${n}`;
  return {
    workspace: WORKSPACE,
    url,
    normalizedUrl: url,
    title: null,
    author: null,
    description: null,
    siteName: null,
    note: null,
    categoryId: null,
    sharedById: "u",
    sharedByName: "U",
    sharedAt: n,
    source: "cli",
    canonicalUrl: null,
  };
}

/** A promise the test settles when it chooses: where a transaction waits, mid-way. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** A second connection to the file, which reads only what was committed. */
function otherConnection(): Database.Database {
  const other = new Database(path);
  others.push(other);
  return other;
}

const committedUrls = (other: Database.Database) =>
  other.prepare("SELECT url FROM links ORDER BY shared_at").pluck().all() as string[];

describe("a transaction", () => {
  it("lets helpers given the store itself run inside it, instead of waiting for it to end", async () => {
    // A helper handed `store` rather than `tx` runs in the transaction's async context: it joins.
    const countLinks = async () => (await store.links.list(WORKSPACE)).length;
    const counted = await store.transaction(async (tx) => {
      await tx.links.insertOrGet(link(1));
      return countLinks();
    });
    expect(counted).toBe(1);
  });

  it("runs after another one of this process ends, never interleaved with it", async () => {
    const events: string[] = [];
    const aWaits = gate();
    const aStarted = gate();
    const a = store.transaction(async (tx) => {
      events.push("A begins");
      aStarted.open();
      await aWaits.opened;
      await tx.links.insertOrGet(link(1));
      events.push("A ends");
    });
    await aStarted.opened;
    const b = store.transaction(async (tx) => {
      events.push("B begins");
      // B sees what A committed.
      events.push(`B sees ${(await tx.links.list(WORKSPACE)).length}`);
      await tx.links.insertOrGet(link(2));
      events.push("B ends");
    });
    aWaits.open();
    await Promise.all([a, b]);
    expect(events).toEqual(["A begins", "A ends", "B begins", "B sees 1", "B ends"]);
    expect(committedUrls(otherConnection())).toEqual(["https://example.com/1", "https://example.com/2"]);
  });

  it("holds the database's write lock across its awaits, so another connection cannot write meanwhile", async () => {
    const other = otherConnection();
    other.pragma("busy_timeout = 0");
    const midway = gate();
    const reached = gate();
    const done = store.transaction(async (tx) => {
      await tx.links.insertOrGet(link(1));
      reached.open();
      await midway.opened;
    });
    await reached.opened;
    expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(/database is locked/);
    midway.open();
    await done;
    other.exec("BEGIN IMMEDIATE");
    other.exec("ROLLBACK");
  });

  it("that cannot get the write lock fails alone: the next one still runs", async () => {
    const other = otherConnection();
    other.exec("BEGIN IMMEDIATE");
    store.db.$client.pragma("busy_timeout = 0");
    await expect(
      store.transaction(async (tx) => {
        await tx.links.insertOrGet(link(1));
      }),
    ).rejects.toThrow(/database is locked/);
    other.exec("ROLLBACK");
    await store.transaction(async (tx) => {
      await tx.links.insertOrGet(link(2));
    });
    expect((await store.links.list(WORKSPACE)).map((l) => l.sharedAt)).toEqual([2]);
  });

  it("is waited for by close, which then closes the connection", async () => {
    const midway = gate();
    const reached = gate();
    const done = store.transaction(async (tx) => {
      reached.open();
      await midway.opened;
      await tx.links.insertOrGet(link(1));
    });
    await reached.opened;
    const closed = store.close();
    midway.open();
    await Promise.all([done, closed]);
    expect(store.db.$client.open).toBe(false);
    expect(committedUrls(otherConnection())).toEqual(["https://example.com/1"]);
  });
});
