import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";

/**
 * A PGlite database already migrated and empty, started from the run's template
 * (test/setup/pgliteTemplate.ts) rather than from nothing.
 */
export function migratedPglite(): PGlite {
  return new PGlite({ loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) });
}
