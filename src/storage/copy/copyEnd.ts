import type { Snapshot } from "./copiedTables.js";

/**
 * One side of a copy, SQLite or PostgreSQL: it reads everything Roundup keeps, or writes it all in
 * one transaction.
 */
export interface CopyEnd {
  /** The database as the output names it: its path, or its URL without the password. */
  readonly label: string;
  /** The same text for two ends on the same database (a file's real path; a server's database). */
  identity(): Promise<string>;
  /** Every copied table's rows, as one consistent snapshot. */
  read(): Promise<Snapshot>;
  /**
   * Writes `snapshot` in one transaction. First `admit` is told how many workspaces the database
   * holds: it throws to refuse (nothing is written), or answers whether to empty the tables first.
   */
  write(snapshot: Snapshot, admit: (heldWorkspaces: number) => boolean): Promise<void>;
  /** Lets go of the database; `failed` when the copy did not happen, so an end it created can go again. */
  close(outcome: "done" | "failed"): Promise<void>;
}
