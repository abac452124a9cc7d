import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import {
  adminsTable,
  categoriesTable,
  linksTable,
  roundupReviewsTable,
  roundupRunsTable,
  settingsTable,
  workspacesTable,
} from "../postgres/schema.js";

/**
 * How a column's values differ between the two databases: flags are 0/1 on SQLite and booleans on
 * PostgreSQL; the JSON arrays are TEXT on SQLite and jsonb on PostgreSQL. Everything else (text,
 * integers, epoch-millisecond times) reads and writes the same on both.
 */
export type ColumnKind = "plain" | "boolean" | "json";

export interface CopiedTable {
  name: string;
  /** SQL names, in the schema's order: a row is an array of values in this order. */
  columns: readonly string[];
  kinds: readonly ColumnKind[];
  /** The primary key's columns: rows are read in this order, so a copy reads the same way each time. */
  key: readonly string[];
  /** Whether the table numbers its rows itself (`id`): the target's counter must end past the copied ids. */
  numbered: boolean;
}

/**
 * A row in neither database's form: flags as booleans, JSON as parsed values, times as numbers. Each
 * side converts from and to its own.
 */
export type Row = unknown[];

export interface TableRows {
  table: CopiedTable;
  rows: Row[];
}

/** Everything a copy carries, table by table in `COPIED_TABLES`' order. */
export type Snapshot = TableRows[];

function kindOf(dataType: string): ColumnKind {
  if (dataType === "boolean") return "boolean";
  if (dataType === "json") return "json";
  return "plain";
}

/**
 * Read from the PostgreSQL schema, whose column types say what SQLite's cannot (jsonb, boolean);
 * the names are SQLite's too (test/storage/postgres/schemaParity.test.ts keeps them so).
 */
function copied(table: PgTable): CopiedTable {
  const config = getTableConfig(table);
  const columns = Object.values(getTableColumns(table));
  const key =
    config.primaryKeys[0]?.columns.map((c) => c.name) ?? columns.filter((c) => c.primary).map((c) => c.name);
  return {
    name: config.name,
    columns: columns.map((c) => c.name),
    kinds: columns.map((c) => kindOf(c.dataType)),
    key,
    numbered: columns.some((c) => c.name === "id" && c.primary),
  };
}

/**
 * What a copy carries, each table after those it refers to. Not `slack_requests`: Slack's replay log
 * holds each request only for the minutes Slack may resend it, so there is nothing in it worth moving.
 */
export const COPIED_TABLES: readonly CopiedTable[] = [
  workspacesTable,
  categoriesTable,
  linksTable,
  settingsTable,
  adminsTable,
  roundupRunsTable,
  roundupReviewsTable,
].map(copied);

/** A table's or column's name in SQL, as both databases take it. */
export function quoted(name: string): string {
  return `"${name}"`;
}

/** The query for every row of `table`, its columns in order, by its key: the same text on both databases. */
export function selectRows(table: CopiedTable): string {
  return `SELECT ${table.columns.map(quoted).join(", ")} FROM ${quoted(table.name)} ORDER BY ${table.key.map(quoted).join(", ")}`;
}

export const WORKSPACES = "workspaces";
export const LINKS = "links";
/** The per-workspace counter of link numbers, which the target must end with as the source had it. */
export const LAST_LINK_NUMBER = "last_link_number";

/** The column's position in `table`'s rows; throws if the schema lost it (a bug, not a user's mistake). */
export function columnIndex(table: CopiedTable, column: string): number {
  const index = table.columns.indexOf(column);
  if (index < 0) throw new Error(`${table.name} has no column ${column}`);
  return index;
}

/**
 * Rows per INSERT: hundreds, and never more parameters than either database binds in one statement
 * (SQLite 32,766, PostgreSQL 65,535).
 */
export function rowsPerInsert(table: CopiedTable): number {
  return Math.max(1, Math.min(500, Math.floor(30_000 / table.columns.length)));
}

/** `rows` in slices of `size`. */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
