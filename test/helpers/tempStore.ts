import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../src/core/ports/clock.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";

/** A migrated SQLite file in a fresh temp folder; `cleanup` closes and deletes it. */
export function tempStore(): { store: SqliteStore; path: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), "roundup-test-"));
  const path = join(dir, "roundup.db");
  const store = SqliteStore.open(path);
  return {
    store,
    path,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock that stays where it is put. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = Date.parse(iso);
  return {
    now: () => now,
    set(next: string) {
      now = Date.parse(next);
    },
  };
}
