/**
 * The "floor": raw better-sqlite3 on the same file settings and the same SQL text as the store, so
 * the ratio to it is what the project's own code costs on top of SQLite itself.
 */
import Database from "better-sqlite3";
import { SqliteLinkStore } from "../src/storage/linkStore.js";

/**
 * The SQL text `SqliteLinkStore` (src/storage/linkStore.ts) generates from schema.ts, written out here
 * as raw SQL. `checkFloorSql` verifies the copies at run time.
 */
const LINK_COLUMNS = `workspace_key AS workspace, number AS id, url, normalized_url AS normalizedUrl, title, author,
  description, site_name AS siteName, note, category_id AS categoryId, shared_by_id AS sharedById,
  shared_by_name AS sharedByName, shared_at AS sharedAt, source, recommendations, canonical_url AS canonicalUrl,
  votes, picked, dropped`;

export const INSERT_SQL = `INSERT INTO links (workspace_key, number, url, normalized_url, title, author, description, site_name,
         note, category_id, shared_by_id, shared_by_name, shared_at, source, canonical_url)
       VALUES (@workspace, (SELECT last_link_number + 1 FROM workspaces WHERE key = @workspace), @url,
         @normalizedUrl, @title, @author, @description, @siteName, @note, @categoryId, @sharedById,
         @sharedByName, @sharedAt, @source, @canonicalUrl)
       ON CONFLICT (workspace_key, normalized_url) DO NOTHING
       RETURNING number`;

/** The duplicate check `insertOrGet` runs before its insert. */
export const FIND_SQL = `SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = @workspace AND normalized_url = @key
       UNION ALL
       SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = @workspace AND canonical_url = @key
       LIMIT 1`;

/** What `links.list(workspace, { from, to })` prepares. */
export const MONTH_SQL = `SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = @workspace AND shared_at >= @from AND shared_at < @to ORDER BY shared_at, links.id`;

/** What `categories.list(workspace, { includeArchived: true })` runs (Drizzle's prepared query). */
export const CATEGORIES_SQL = `select "id", "workspace_key", "name", "slug", "emoji", "position", "archived", "created_at" from "categories"
     where "categories"."workspace_key" = ? order by "categories"."position" asc, "categories"."id" asc`;

/** The pragmas `openDatabase` (src/storage/database.ts) sets, in the same order. */
export function openFloor(path: string): Database.Database {
  const client = new Database(path);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = NORMAL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  return client;
}

const SETTINGS = [
  "journal_mode",
  "synchronous",
  "foreign_keys",
  "busy_timeout",
  "cache_size",
  "page_size",
  "mmap_size",
  "temp_store",
];

/** The connection settings that differ between two connections, as `name: a != b`; empty when alike. */
export function settingsDiff(a: Database.Database, b: Database.Database): string[] {
  const diff: string[] = [];
  for (const name of SETTINGS) {
    const x = a.pragma(name, { simple: true });
    const y = b.pragma(name, { simple: true });
    if (x !== y) diff.push(`${name}: ${String(x)} != ${String(y)}`);
  }
  return diff;
}

export const squash = (sql: string) => sql.replace(/\s+/g, " ").trim();

/**
 * Builds a throwaway `SqliteLinkStore` on `client` while recording what it prepares, and compares
 * the insert and month-query SQL with the copies above. Returns the problems found, empty when alike.
 */
export function checkFloorSql(client: Database.Database): string[] {
  const prepared: string[] = [];
  const original = client.prepare;
  const recording = function (this: Database.Database, source: string) {
    prepared.push(source);
    return original.call(this, source);
  };
  Object.defineProperty(client, "prepare", { value: recording, configurable: true, writable: true });
  try {
    const links = new SqliteLinkStore(client);
    links.list("local:sql-check", { from: 0, to: 1 });
  } finally {
    Reflect.deleteProperty(client, "prepare");
  }
  const problems: string[] = [];
  const insert = prepared.find((sql) => /^\s*INSERT INTO links\b/.test(sql));
  if (insert === undefined) problems.push("the store prepared no INSERT INTO links");
  else if (squash(insert) !== squash(INSERT_SQL)) problems.push(`store insert SQL differs:\n${insert}`);
  const find = prepared.find((sql) =>
    /\bWHERE workspace_key = @workspace AND normalized_url = @key/.test(sql),
  );
  if (find === undefined) problems.push("the store prepared no duplicate check");
  else if (squash(find) !== squash(FIND_SQL)) problems.push(`store duplicate-check SQL differs:\n${find}`);
  const month = prepared.find((sql) => /^\s*SELECT\b.*\bFROM links WHERE\b.*\bshared_at >= /s.test(sql));
  if (month === undefined) problems.push("the store prepared no month query");
  else if (squash(month) !== squash(MONTH_SQL)) problems.push(`store month SQL differs:\n${month}`);
  return problems;
}
