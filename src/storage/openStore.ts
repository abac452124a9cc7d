import { UserError } from "../core/errors.js";
import type { Store } from "../core/ports/store.js";
import { parseDatabaseUrl } from "./database.js";
import { databaseKind } from "./databaseUrl.js";
import { explainPostgresError } from "./postgres/explainPostgresError.js";
import { explainDatabaseError } from "./sqliteErrors.js";

/** A store with what an entry point needs around it: checks at start and for /healthz. */
export interface DatabaseStore extends Store {
  /** Throws a UserError that says why unless the database takes writes. */
  assertWritable(): void | Promise<void>;
  /** Whether the database answers and takes writes right now, for /healthz; never waits long. */
  healthy(): boolean | Promise<boolean>;
}

export interface StoreOptions {
  /** The most connections to PostgreSQL (DATABASE_POOL_MAX); SQLite has one. */
  poolMax: number;
}

/** Whether DATABASE_URL names a PostgreSQL database rather than a SQLite file. */
function isPostgresUrl(databaseUrl: string): boolean {
  return databaseKind(databaseUrl) === "postgres";
}

/**
 * Why the database cannot be used, in one line that names DATABASE_URL and what to do; null when
 * `error` is not about the database. Never shows a password.
 */
export function explainStoreError(error: unknown, databaseUrl: string): string | null {
  return isPostgresUrl(databaseUrl)
    ? explainPostgresError(error, databaseUrl)
    : explainDatabaseError(error, parseDatabaseUrl(databaseUrl));
}

/**
 * Opens the store DATABASE_URL names, migrated: PostgreSQL (node-postgres's pool) for a postgres://
 * or postgresql:// URL, SQLite for anything else. Each database's code is loaded only when used, so
 * a SQLite install never loads pg and the reverse. Failures that the person running Roundup can fix
 * come as a UserError saying how.
 */
export async function openStore(databaseUrl: string, options: StoreOptions): Promise<DatabaseStore> {
  try {
    if (isPostgresUrl(databaseUrl)) {
      const [{ NodePgDriver }, { PostgresStore }] = await Promise.all([
        import("./postgres/nodePgDriver.js"),
        import("./postgres/postgresStore.js"),
      ]);
      return await PostgresStore.open(new NodePgDriver(databaseUrl, { max: options.poolMax }));
    }
    const { SqliteStore } = await import("./sqliteStore.js");
    return SqliteStore.open(databaseUrl);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const explained = explainStoreError(error, databaseUrl);
    if (explained) throw new UserError("database.unusable", explained, {});
    throw error;
  }
}
