import { randomUUID } from "node:crypto";
import { existsSync, realpathSync, rmSync } from "node:fs";
import type Database from "better-sqlite3";
import { isUserError, UserError } from "../../core/errors.js";
import { openDatabase, parseDatabaseUrl } from "../database.js";
import {
  batches,
  COPIED_TABLES,
  type ColumnKind,
  type CopiedTable,
  columnIndex,
  LAST_LINK_NUMBER,
  quoted,
  type Row,
  rowsPerInsert,
  type Snapshot,
  selectRows,
  WORKSPACES,
} from "./copiedTables.js";
import type { CopyEnd } from "./copyEnd.js";

function fromSqlite(value: unknown, kind: ColumnKind): unknown {
  if (value === null) return null;
  if (kind === "boolean") return value !== 0;
  if (kind === "json") return JSON.parse(value as string);
  return value;
}

function toSqlite(value: unknown, kind: ColumnKind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === "boolean") return value ? 1 : 0;
  if (kind === "json") return JSON.stringify(value);
  return value;
}

function readTable(client: Database.Database, table: CopiedTable): Row[] {
  const rows = client.prepare(selectRows(table)).raw().all() as unknown[][];
  return rows.map((row) => row.map((value, i) => fromSqlite(value, table.kinds[i] ?? "plain")));
}

function insertRows(client: Database.Database, table: CopiedTable, rows: readonly Row[]): void {
  const statements = new Map<number, Database.Statement>();
  const tuple = `(${table.columns.map(() => "?").join(", ")})`;
  for (const batch of batches(rows, rowsPerInsert(table))) {
    let insert = statements.get(batch.length);
    if (!insert) {
      insert = client.prepare(
        `INSERT INTO ${quoted(table.name)} (${table.columns.map(quoted).join(", ")}) VALUES ${Array(batch.length).fill(tuple).join(", ")}`,
      );
      statements.set(batch.length, insert);
    }
    insert.run(batch.flatMap((row) => row.map((value, i) => toSqlite(value, table.kinds[i] ?? "plain"))));
  }
}

/**
 * Migration 0003's trigger moves a workspace's counter up to each link number inserted; a counter the
 * source had moved further (its newest links removed) is set back to what it was, so no number comes
 * back.
 */
function restoreLinkCounters(client: Database.Database, snapshot: Snapshot): void {
  const workspaces = snapshot.find((t) => t.table.name === WORKSPACES);
  if (!workspaces) return;
  const keyColumn = workspaces.table.key[0] ?? "key";
  const key = columnIndex(workspaces.table, keyColumn);
  const counter = columnIndex(workspaces.table, LAST_LINK_NUMBER);
  const update = client.prepare(
    `UPDATE ${quoted(WORKSPACES)} SET ${quoted(LAST_LINK_NUMBER)} = ? WHERE ${quoted(keyColumn)} = ?`,
  );
  for (const row of workspaces.rows) update.run(row[counter], row[key]);
}

class SqliteEnd implements CopyEnd {
  constructor(
    private readonly client: Database.Database,
    readonly label: string,
    /** The file this end made by opening it, to remove again if nothing was copied into it. */
    private readonly created: string | null,
  ) {}

  async identity(): Promise<string> {
    const path = this.client.name;
    return path === ":memory:" ? `memory:${randomUUID()}` : `sqlite:${realpathSync(path)}`;
  }

  async read(): Promise<Snapshot> {
    // One read transaction: a bot writing meanwhile cannot slip a link in between two tables.
    return this.client.transaction(() =>
      COPIED_TABLES.map((table) => ({ table, rows: readTable(this.client, table) })),
    )();
  }

  async write(snapshot: Snapshot, admit: (heldWorkspaces: number) => boolean): Promise<void> {
    const client = this.client;
    client
      .transaction(() => {
        const held = client
          .prepare(`SELECT count(*) FROM ${quoted(WORKSPACES)}`)
          .pluck()
          .get() as number;
        if (admit(held)) {
          for (const table of [...COPIED_TABLES].reverse()) client.exec(`DELETE FROM ${quoted(table.name)}`);
        }
        // AUTOINCREMENT keeps sqlite_sequence at the largest id ever inserted, so explicit ids move it on.
        for (const { table, rows } of snapshot) insertRows(client, table, rows);
        restoreLinkCounters(client, snapshot);
      })
      .immediate();
  }

  async close(outcome: "done" | "failed"): Promise<void> {
    if (this.client.open) this.client.close();
    if (outcome === "failed" && this.created) {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${this.created}${suffix}`, { force: true });
    }
  }
}

/** openDatabase's explanations name DATABASE_URL; for the target, the option to fix is --to. */
function asTarget<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(error.code, error.message.replaceAll("DATABASE_URL", "--to"), error.context);
  }
}

/**
 * The SQLite database at `url` (a path or file: URL), migrated. A source must exist (a missing file
 * is a mistyped DATABASE_URL, not an empty history); a target is created when missing, and removed
 * again if the copy then fails.
 */
export function openSqliteEnd(url: string, role: "source" | "target", label: string): CopyEnd {
  const { path, readonly } = parseDatabaseUrl(url);
  const exists = path === ":memory:" || existsSync(path);
  if (role === "source" && !exists) {
    throw new UserError(
      "copy.sourceMissing",
      `DATABASE_URL points to ${label}, which does not exist: there is nothing to copy. Check DATABASE_URL.`,
      { path },
    );
  }
  if (role === "target" && readonly) {
    throw new UserError(
      "copy.targetReadonly",
      `--to opens ${label} read-only (mode=ro), but a copy writes into it: remove ?mode=ro.`,
      { path },
    );
  }
  if (role === "target" && path === ":memory:") {
    throw new UserError(
      "copy.targetInMemory",
      "--to :memory: would be gone when the copy ends: name a file.",
    );
  }
  const db = role === "source" ? openDatabase(url) : asTarget(() => openDatabase(url));
  return new SqliteEnd(db.$client, label, role === "target" && !exists ? path : null);
}
