/**
 * The PostgreSQL server the tests may use: TEST_DATABASE_URL names it (`.ci/run` sets it when a
 * server answers on 127.0.0.1:5432). Each caller gets a database of its own, created empty and
 * dropped after, so test files and runs never see one another's rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Why the server's tests are skipped, for the test's name; null when they run. */
export const NO_SERVER = TEST_DATABASE_URL
  ? null
  : "TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)";

export interface TestDatabase {
  /** A URL like TEST_DATABASE_URL's, naming the new database. */
  url: string;
  name: string;
  /** Drops the database, closing whatever connections are left to it. */
  drop(): Promise<void>;
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_DATABASE_URL) throw new Error(NO_SERVER ?? "no server");
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server; `label` says which test made it, should one be left behind. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `roundup_test_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
