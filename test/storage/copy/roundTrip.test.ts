/**
 * SQLite -> PostgreSQL -> SQLite with nothing lost: every table's rows come back as they were, and
 * both copies go on numbering links and ids where the original would have. PostgreSQL is PGlite (in
 * process, always) and the real server when TEST_DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyBetween, describeCopy } from "../../../src/storage/copy/copyDatabase.js";
import { postgresEnd } from "../../../src/storage/copy/postgresEnd.js";
import { openSqliteEnd } from "../../../src/storage/copy/sqliteEnd.js";
import { NodePgDriver } from "../../../src/storage/postgres/nodePgDriver.js";
import { PgliteDriver } from "../../../src/storage/postgres/pgliteDriver.js";
import { PostgresStore } from "../../../src/storage/postgres/postgresStore.js";
import type { PgDriver } from "../../../src/storage/postgres/session.js";
import { SqliteStore } from "../../../src/storage/sqliteStore.js";
import { migratedPglite } from "../../helpers/pglite.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../../helpers/postgresServer.js";
import { fillHistory, GAPPED, GAPPED_NEXT_NUMBER, postgresTables, sqliteTables } from "./history.js";

let dir: string;
let original: string;
let originalTables: ReturnType<typeof sqliteTables>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "roundup-copy-"));
  original = join(dir, "original.db");
  const store = SqliteStore.open(original);
  await fillHistory(store);
  originalTables = sqliteTables(store.db.$client);
  await store.close();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What a person would see next: the link they add gets a number never given before, and new rows new ids. */
async function expectNumberingGoesOn(store: SqliteStore | PostgresStore): Promise<void> {
  const { link, created } = await store.links.insertOrGet({
    workspace: GAPPED,
    url: "https://example.com/after-the-copy",
    normalizedUrl: "https://example.com/after-the-copy",
    title: null,
    author: null,
    description: null,
    siteName: null,
    note: null,
    categoryId: null,
    sharedById: "U1",
    sharedByName: "Ada",
    sharedAt: Date.parse("2026-06-01T00:00:00Z"),
    source: "slack",
    canonicalUrl: null,
  });
  expect(created).toBe(true);
  expect(link.id).toBe(GAPPED_NEXT_NUMBER);
  const category = await store.categories.insert(GAPPED, { name: "New", slug: "new", emoji: null });
  const highest = Math.max(...(originalTables.categories ?? []).map((c) => c.id as number));
  expect(category.id).toBeGreaterThan(highest);
}

/** Copies the original into `driver`'s database, checks it there, then copies that into a new SQLite file. */
async function roundTrip(name: string, openDriver: () => Promise<PgDriver>): Promise<void> {
  const pg = await postgresEnd(await openDriver(), name);
  const sqliteSource = openSqliteEnd(original, "source", original);
  const there = await copyBetween(sqliteSource, pg, false);
  await sqliteSource.close("done");
  expect(describeCopy(there)).toBe(
    `Copied 4 workspaces, 10 categories, 1,108 links (2 recommendations, 3 votes), 2 settings, 3 admins, 3 roundups and 2 reviews from ${original} to ${name}.`,
  );

  const back = join(dir, `back-from-${name}.db`);
  const sqliteTarget = openSqliteEnd(back, "target", back);
  await copyBetween(pg, sqliteTarget, false);
  await sqliteTarget.close("done");
  await pg.close("done");

  const onPostgres = await PostgresStore.open(await openDriver());
  try {
    expect(await postgresTables(onPostgres.driver)).toEqual(originalTables);
    await expectNumberingGoesOn(onPostgres);
  } finally {
    await onPostgres.close();
  }
  const copied = SqliteStore.open(back);
  try {
    expect(sqliteTables(copied.db.$client)).toEqual(originalTables);
    await expectNumberingGoesOn(copied);
  } finally {
    await copied.close();
  }
}

describe("a copy SQLite -> PostgreSQL -> SQLite", () => {
  // PGlite where no server is named; with one (always in CI), the server alone: the same SQL, and
  // one PGlite fewer to start.
  it.skipIf(!NO_SERVER)(
    "keeps every row of every table, and the next link gets the next number on both (PGlite)",
    async () => {
      const pglite = migratedPglite();
      // The driver closes PGlite with the copy; the check after reopens the same one.
      const driver = () => {
        const d = new PgliteDriver(pglite);
        d.close = async () => {};
        return Promise.resolve(d);
      };
      try {
        await roundTrip("pglite", driver);
      } finally {
        await pglite.close();
      }
    },
  );

  describe.skipIf(NO_SERVER)(`on a PostgreSQL server${NO_SERVER ? ` (skipped: ${NO_SERVER})` : ""}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase("copy_round_trip");
    });
    afterAll(async () => {
      await database?.drop();
    });

    it("keeps every row of every table, and the next link gets the next number on both", async () => {
      await roundTrip("server", () => Promise.resolve(new NodePgDriver(database.url, { max: 2 })));
    });
  });
});
