import { getTableColumns, getTableName, type Table } from "drizzle-orm";

type ColumnKey<T extends Table> = keyof T["_"]["columns"] & string;

/**
 * The SQL names of a table and its columns, read from schema.ts: for statements prepared on
 * better-sqlite3 directly (the hot paths, where Drizzle's per-row mapping costs too much), so their
 * text is written from the schema once and never spells a column again.
 */
export function sqlColumns<T extends Table>(table: T): { [K in ColumnKey<T>]: string } & { $table: string } {
  const names: Record<string, string> = { $table: getTableName(table) };
  for (const [key, column] of Object.entries(getTableColumns(table))) names[key] = column.name;
  return names as { [K in ColumnKey<T>]: string } & { $table: string };
}

/**
 * `column AS field, ...`: every column of `table` in the schema's order, but those in `omit`, each
 * under its key in schema.ts or the name `rename` gives it, so a row comes out in the domain's names.
 * `quote` double-quotes the names given (PostgreSQL folds unquoted ones to lower case).
 */
export function selectColumns<T extends Table>(
  table: T,
  options: {
    rename?: Partial<Record<ColumnKey<T>, string>>;
    omit?: readonly ColumnKey<T>[];
    quote?: boolean;
  } = {},
): string {
  const rename: Partial<Record<string, string>> = options.rename ?? {};
  const omit = new Set<string>(options.omit ?? []);
  return Object.entries(getTableColumns(table))
    .filter(([key]) => !omit.has(key))
    .map(([key, column]) => {
      const field = rename[key] ?? key;
      if (field === column.name) return field;
      return options.quote ? `${column.name} AS "${field}"` : `${column.name} AS ${field}`;
    })
    .join(", ");
}
