import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** For drizzle's `db.transaction`: take the write lock up front, as `SqliteStore.transaction` explains. */
export const IMMEDIATE = { behavior: "immediate" } as const;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

/** `./data/roundup.db`, `file:./data/roundup.db`, `file:///abs/path.db` or `:memory:` -> a path SQLite opens. */
export function databasePath(databaseUrl: string): string {
  if (databaseUrl === ":memory:" || databaseUrl === "file::memory:") return ":memory:";
  if (databaseUrl.startsWith("file://")) return fileURLToPath(databaseUrl);
  if (databaseUrl.startsWith("file:")) return databaseUrl.slice("file:".length).replace(/\?.*$/, "");
  return databaseUrl;
}

/**
 * Opens (creating the folder on first run) and migrates the database. WAL lets the bot read while
 * a post is being recorded; NORMAL sync is durable across process crashes, which is what we need.
 */
export function openDatabase(databaseUrl: string): Db {
  const path = databasePath(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = NORMAL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  const db = drizzle({ client, schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db as Db;
}
