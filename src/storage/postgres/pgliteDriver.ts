import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { PgDriver, PgResult, PgSession } from "./session.js";

/**
 * The part of PGlite (`@electric-sql/pglite`, PostgreSQL compiled to WebAssembly, in process) the
 * store uses, written out so src/ does not depend on the package: tests and benches bring their own.
 */
export interface PgliteLike {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  transaction<T>(
    work: (tx: {
      query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
    }) => Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
  readonly closed: boolean;
}

type Query = PgliteLike["query"];

async function run<Row>(query: Query, text: string, params?: readonly unknown[]): Promise<PgResult<Row>> {
  const result = await query<Row>(text, params as unknown[] | undefined);
  // PGlite counts rows written; for a SELECT, the rows read.
  return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
}

/**
 * PostgreSQL in process. PGlite is one connection: a statement from outside an open transaction
 * waits for it to end, so concurrent work is serialized as on SQLite. Used by the tests (the store
 * contract on PostgreSQL with no server) and the benches.
 */
export class PgliteDriver implements PgDriver {
  constructor(readonly client: PgliteLike) {}

  query<Row>(text: string, params?: readonly unknown[]): Promise<PgResult<Row>> {
    return run<Row>((t, p) => this.client.query(t, p), text, params);
  }

  transaction<T>(work: (session: PgSession) => Promise<T>): Promise<T> {
    return this.client.transaction((tx) =>
      work({
        query: <Row>(text: string, params?: readonly unknown[]) =>
          run<Row>((t, p) => tx.query(t, p), text, params),
      }),
    );
  }

  async migrate(folder: string): Promise<void> {
    // One connection, one process: nobody to take turns with.
    await migrate(drizzle({ client: this.client as never }), { migrationsFolder: folder });
  }

  async close(): Promise<void> {
    if (!this.client.closed) await this.client.close();
  }
}
