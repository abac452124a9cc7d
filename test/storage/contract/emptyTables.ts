import { getTableConfig } from "drizzle-orm/pg-core";
import * as schema from "../../../src/storage/postgres/schema.js";
import type { PgSession } from "../../../src/storage/postgres/session.js";

const tables = Object.values(schema).map((table) => getTableConfig(table));

/** Children before parents, so no foreign key is in the way. */
const DELETES = tables
  .map((table) => table.name)
  .reverse()
  .map((name) => `DELETE FROM "${name}"`);

/** Every identity column's sequence back to 1. */
const RESTARTS = tables
  .flatMap((table) =>
    table.columns.filter((column) => column.generatedIdentity).map((column) => [table.name, column.name]),
  )
  .map(([table, column]) => `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), 1, false)`);

/**
 * Every Roundup table emptied and its ids restarted: a migrated database as new. DELETE rather than
 * TRUNCATE: on tables this small it is several times faster (TRUNCATE makes new files for each).
 */
export async function emptyTables(session: PgSession): Promise<void> {
  // One at a time: PGlite takes one statement per query.
  for (const statement of [...DELETES, ...RESTARTS]) await session.query(statement);
}
