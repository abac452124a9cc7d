/**
 * "Set DATABASE_URL to PostgreSQL and every README command works as on SQLite": each command line of
 * the README's table, run in order on a SQLite file and on PostgreSQL (PGlite in process; the server
 * too when TEST_DATABASE_URL names one), prints the same and exits the same.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports/store.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import { NodePgDriver } from "../../src/storage/postgres/nodePgDriver.js";
import { PgliteDriver } from "../../src/storage/postgres/pgliteDriver.js";
import { PostgresStore } from "../../src/storage/postgres/postgresStore.js";
import { migratedPglite } from "../helpers/pglite.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../helpers/postgresServer.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { repoRoot } from "./cliHarness.js";
import { type CliRun, cliOnCore } from "./inProcessCli.js";

const PROGRAM = "npm run -s cli -- ";

/** The README's command lines, in the order it shows them, without output redirections. */
function readmeCommands(): string[][] {
  const readme = readFileSync(`${repoRoot}/README.md`, "utf8");
  const commands: string[][] = [];
  for (const [, line] of readme.matchAll(/`npm run -s cli -- ([^`]+)`/g)) {
    if (line === undefined || /[<[]/.test(line)) continue;
    const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
    const redirect = words.indexOf(">");
    commands.push(redirect < 0 ? words : words.slice(0, redirect));
  }
  return commands;
}

/** Runs `commands` one after another on `store`, with the clock the other CLI tests use. */
async function session(store: Store, commands: string[][]): Promise<CliRun[]> {
  const clock = fixedClock("2026-08-10T12:00:00Z");
  const core = createRoundupCore({
    store,
    clock,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    owner: "test-cli",
  });
  const cli = cliOnCore(core);
  const runs: CliRun[] = [];
  for (const argv of commands) runs.push(await cli(...argv));
  return runs;
}

const commands = readmeCommands().filter(([name]) => name !== "db");
let onSqlite: CliRun[];

beforeAll(async () => {
  const temp = tempStore();
  try {
    onSqlite = await session(temp.store, commands);
  } finally {
    await temp.cleanup();
  }
});

function expectSameAsSqlite(runs: CliRun[]): void {
  expect(runs).toHaveLength(commands.length);
  runs.forEach((run, i) => {
    expect(run, `${PROGRAM}${commands[i]?.join(" ")}`).toEqual(onSqlite[i]);
  });
}

describe("the README's command lines on PostgreSQL", () => {
  it("are the README's own: twenty of them, most of which succeed", () => {
    expect(commands.length).toBeGreaterThanOrEqual(20);
    expect(onSqlite.filter((run) => run.status === 0).length).toBeGreaterThanOrEqual(15);
  });

  // PGlite where no server is named; with one (always in CI), the server alone: one PGlite fewer to start.
  it.skipIf(!NO_SERVER)("print the same and exit the same on PGlite as on SQLite", async () => {
    const pglite = migratedPglite();
    const store = await PostgresStore.open(new PgliteDriver(pglite));
    try {
      expectSameAsSqlite(await session(store, commands));
    } finally {
      await store.close();
    }
  });

  describe.skipIf(NO_SERVER)(`on a PostgreSQL server${NO_SERVER ? `: ${NO_SERVER}` : ""}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase("readme");
    });
    afterAll(async () => {
      await database?.drop();
    });

    it("print the same and exit the same as on SQLite", async () => {
      const store = await PostgresStore.open(new NodePgDriver(database.url, { max: 2 }));
      try {
        expectSameAsSqlite(await session(store, commands));
      } finally {
        await store.close();
      }
    });
  });
});
