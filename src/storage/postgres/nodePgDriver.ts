import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { newestMigrationMillis } from "../newestMigration.js";
import { pgErrorCode, UNDEFINED_TABLE } from "./pgErrors.js";
import type { PgDriver, PgResult, PgSession } from "./session.js";

/**
 * One key for every Roundup process: replicas starting together on an empty database take turns to
 * migrate it, and those that come after find it done. (A number of our own; any two programs sharing
 * a database must simply not pick the same one.)
 */
export const MIGRATION_LOCK_KEY = 7_460_104_912;

/** PostgreSQL's type ids whose text node-postgres would leave as strings. */
const INT8 = 20;

/**
 * Epoch-millisecond times are `bigint` columns; node-postgres gives int8 as strings (it cannot know
 * the value fits), but ours are far below 2^53, so numbers, as the ports expect.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface NodePgOptions {
  /** At most this many connections (DATABASE_POOL_MAX). */
  max: number;
  /** How long to wait for a connection before failing, ms. */
  connectionTimeoutMillis?: number;
}

function asResult<Row>(result: pg.QueryResult): PgResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
}

/** node-postgres prepares a named statement on a connection the first time, then only binds it. */
const statement = (text: string, params: readonly unknown[] | undefined, name: string | undefined) =>
  name === undefined
    ? { text, values: params as unknown[] | undefined }
    : { name, text, values: params as unknown[] | undefined };

/**
 * PostgreSQL through node-postgres's pool. The URL is handed to node-postgres as it is, so TLS
 * follows its `sslmode` (and `sslrootcert`, ...) the way node-postgres reads them.
 */
export class NodePgDriver implements PgDriver {
  readonly pool: pg.Pool;

  constructor(connectionString: string, options: NodePgOptions) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
      types,
    });
    // A connection that breaks while idle in the pool is dropped and replaced; without a listener
    // node-postgres would turn its error into an uncaught exception.
    this.pool.on("error", () => {});
  }

  async query<Row>(text: string, params?: readonly unknown[], name?: string): Promise<PgResult<Row>> {
    return asResult<Row>(await this.pool.query(statement(text, params, name)));
  }

  async transaction<T>(work: (session: PgSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const session: PgSession = {
      query: async <Row>(text: string, params?: readonly unknown[], name?: string) =>
        asResult<Row>(await client.query(statement(text, params, name))),
    };
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(session);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackError) {
        // The connection itself failed: it must not go back to the pool.
        broken = rollbackError as Error;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async migrate(folder: string): Promise<void> {
    // The common start (every CLI command, every replica after the first) finds nothing to do: one
    // read, no lock, no DDL.
    if (await this.isMigrated(folder)) return;
    const client = await this.pool.connect();
    try {
      // A session lock, held on this one connection until unlocked (or the connection dies).
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        await migrate(drizzle({ client }), { migrationsFolder: folder });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  /** Whether drizzle's ledger already holds the newest migration in `folder`, judged as its migrator does. */
  private async isMigrated(folder: string): Promise<boolean> {
    const latest = newestMigrationMillis(folder);
    try {
      const { rows } = await this.pool.query<{ applied: string | null }>(
        "SELECT max(created_at)::text AS applied FROM drizzle.__drizzle_migrations",
      );
      return Number(rows[0]?.applied ?? 0) >= latest;
    } catch (error) {
      // No ledger yet: a new database.
      if (pgErrorCode(error) === UNDEFINED_TABLE) return false;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
