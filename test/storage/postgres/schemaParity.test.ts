/**
 * The PostgreSQL schema mirrors SQLite's (src/storage/schema.ts): the same tables under the same
 * exported names, the same columns by the same names and nullability, the same indexes. A column added
 * to one and not the other fails here rather than in a store. In process, no database.
 */
import { getTableColumns } from "drizzle-orm";
import { type PgTable, getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { type SQLiteTable, getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as postgresSchema from "../../../src/storage/postgres/schema.js";
import * as sqliteSchema from "../../../src/storage/schema.js";

/** Both schemas as plain records of their exported tables. */
const postgres: Record<string, PgTable> = { ...postgresSchema };
const sqlite: Record<string, SQLiteTable> = { ...sqliteSchema };

type Config = {
  name: string;
  columns: { name: string; notNull: boolean }[];
  indexes: { config: { name?: string } }[];
};

function shape(config: Config) {
  return {
    name: config.name,
    columns: Object.fromEntries(config.columns.map((c) => [c.name, { notNull: c.notNull }])),
    indexes: config.indexes.map((i) => i.config.name).sort(),
  };
}

describe("the PostgreSQL schema", () => {
  it("exports the same tables as SQLite's", () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
  });

  for (const [key, table] of Object.entries(sqlite)) {
    it(`has ${key} as SQLite has it: its name, columns and indexes`, () => {
      const pg = postgres[key];
      if (!pg) throw new Error(`no ${key} in the PostgreSQL schema`);
      expect(shape(pgTableConfig(pg))).toEqual(shape(sqliteTableConfig(table)));
      // The same property names too, so rows map to the same domain fields.
      expect(Object.keys(getTableColumns(pg)).sort()).toEqual(Object.keys(getTableColumns(table)).sort());
    });
  }
});
