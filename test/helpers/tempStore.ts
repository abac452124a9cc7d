import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../src/core/ports/clock.js";
import type { MetadataFetcher } from "../../src/core/ports/metadataFetcher.js";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
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

/** What `runCli` takes: the core bound to the SQLite file at `path`, opened when a command runs. */
export function coreAt(
  path: string,
  clock: Clock,
  fetcher?: MetadataFetcher | null,
): () => { core: RoundupCore; close(): Promise<void> } {
  return () => {
    const store = SqliteStore.open(path);
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const core = createRoundupCore({
      store,
      clock,
      fetcher: fetcher ?? undefined,
      logger,
      owner: "test-cli",
    });
    return { core, close: () => store.close() };
  };
}
