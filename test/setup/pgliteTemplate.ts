/**
 * Vitest's global setup: one PGlite database migrated once for the whole run, dumped to a file that
 * each test file's PGlite starts from (`test/helpers/pglite.ts`). Starting PGlite from nothing runs
 * initdb, several seconds of CPU; from a dump it takes a fraction of that, and the migrations are
 * applied here exactly as a replica applies them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { PgliteDriver } from "../../src/storage/postgres/pgliteDriver.js";
import { POSTGRES_MIGRATIONS_FOLDER } from "../../src/storage/postgres/postgresStore.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated, empty PGlite data directory. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "roundup-pglite-"));
  const client = new PGlite();
  const driver = new PgliteDriver(client);
  await driver.migrate(POSTGRES_MIGRATIONS_FOLDER);
  const dump = await client.dumpDataDir("none");
  await client.close();
  const path = join(dir, "template.tar");
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
