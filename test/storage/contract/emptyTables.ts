import { getTableConfig } from "drizzle-orm/pg-core";
import * as schema from "../../../src/storage/postgres/schema.js";
import type { PgSession } from "../../../src/storage/postgres/session.js";

const TABLES = Object.values(schema)
  .map((table) => `"${getTableConfig(table).name}"`)
  .join(", ");

/** Every Roundup table emptied and its ids restarted: a migrated database as new. */
export async function emptyTables(session: PgSession): Promise<void> {
  await session.query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
}
