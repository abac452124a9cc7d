import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { UserError } from "../core/errors.js";
import { newestMigrationMillis } from "./newestMigration.js";
import * as schema from "./schema.js";
import { explainDatabaseError, sqliteErrorCode } from "./sqliteErrors.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * For drizzle's `db.transaction` around synchronous work inside one store method: take the write lock
 * up front. A deferred transaction that reads and then writes cannot wait for another connection's
 * write lock (SQLite refuses it at once, "database is locked"); an immediate one waits for busy_timeout.
 */
export const IMMEDIATE = { behavior: "immediate" } as const;

/** How long a write waits for another connection's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Where the database is, and whether DATABASE_URL asks to only read it (`file:...?mode=ro`). */
export interface DatabaseLocation {
  path: string;
  readonly: boolean;
}

/**
 * `./data/roundup.db`, `file:./data/roundup.db`, `file:///abs/path.db?mode=ro` or `:memory:` -> the
 * path SQLite opens and how. Config has already refused URLs of other schemes.
 */
export function parseDatabaseUrl(databaseUrl: string): DatabaseLocation {
  if (!databaseUrl.startsWith("file:")) return { path: databaseUrl, readonly: false };
  const [target = "", query = ""] = databaseUrl.slice("file:".length).split("?", 2);
  const readonly = new URLSearchParams(query).get("mode") === "ro";
  if (target === ":memory:") return { path: ":memory:", readonly: false };
  const path = target.startsWith("//") ? fileURLToPath(`file:${target}`) : target;
  return { path, readonly };
}

export function databasePath(databaseUrl: string): string {
  return parseDatabaseUrl(databaseUrl).path;
}

/** `mkdir -p` by hand: Node's recursive mkdir never returns where a folder cannot be made (e.g. under /proc). */
function createFolder(folder: string): void {
  if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return;
  const parent = dirname(folder);
  if (parent !== folder && !existsSync(parent)) createFolder(parent);
  try {
    mkdirSync(folder);
  } catch (error) {
    // Another process may have made it meanwhile; anything else is for the caller to explain.
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw error;
  }
}

/** Whether every committed migration has been applied, judged as drizzle's migrator does. */
function isMigrated(client: Database.Database): boolean {
  const table = client.prepare("SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'").get();
  if (!table) return false;
  const applied = Number(client.prepare("SELECT max(created_at) FROM __drizzle_migrations").pluck().get());
  return applied >= newestMigrationMillis(MIGRATIONS_FOLDER);
}

function openClient({ path, readonly }: DatabaseLocation): Database.Database {
  if (!readonly) {
    if (path !== ":memory:") createFolder(dirname(path));
    return new Database(path);
  }
  if (!existsSync(path)) {
    throw new UserError(
      "database.missing",
      `DATABASE_URL opens ${path} read-only (mode=ro), but there is no such file: check the path, or remove ?mode=ro to create it.`,
      { path },
    );
  }
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** A SQLite file whose tables the migrations cannot build on, e.g. another program's database. */
function otherProgramsDatabase(error: unknown, path: string): string | null {
  if (sqliteErrorCode(error) === null) return null;
  // Drizzle wraps SQLite's error in one that quotes the whole statement; SQLite's own says it shortly.
  const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
  return `DATABASE_URL points to ${path}, which Roundup cannot set up (${reason}): is it another program's database? Point DATABASE_URL at a new file.`;
}

/**
 * Opens the database (creating its folder on first run) and brings it up to date; read-only
 * (`mode=ro`) it is only checked to be up to date. WAL lets the bot read while a post is being
 * recorded; NORMAL sync is durable across process crashes, which is what we need. Anything that
 * keeps the file from being used is a UserError that names DATABASE_URL, the path and what to do.
 */
export function openDatabase(databaseUrl: string): Db {
  const location = parseDatabaseUrl(databaseUrl);
  let client: Database.Database | undefined;
  try {
    client = openClient(location);
    client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const db = drizzle({ client, schema });
    if (!location.readonly) {
      client.pragma("journal_mode = WAL");
      client.pragma("synchronous = NORMAL");
      client.pragma("foreign_keys = ON");
      migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } else if (!isMigrated(client)) {
      throw new UserError(
        "database.outdated",
        `DATABASE_URL opens ${location.path} read-only (mode=ro), but it is not an up-to-date Roundup database: open it once without ?mode=ro so Roundup can update it.`,
        { path: location.path },
      );
    }
    return db as Db;
  } catch (error) {
    client?.close();
    const explained = explainDatabaseError(error, location) ?? otherProgramsDatabase(error, location.path);
    throw explained ? new UserError("database.unusable", explained, { path: location.path }) : error;
  }
}
