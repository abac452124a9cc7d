import { readMigrationFiles } from "drizzle-orm/migrator";

/**
 * When the newest migration in `folder` was made, as drizzle's migrator records it in its ledger
 * (`created_at`): a database whose ledger holds this or later has nothing left to apply. Its own
 * module so PostgreSQL's driver asks it without loading SQLite's.
 */
export function newestMigrationMillis(folder: string): number {
  return Math.max(...readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis));
}
