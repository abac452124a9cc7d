/**
 * `DATABASE_URL=file:...?mode=ro`: the CLI reads and never writes. Reading commands work; writing
 * ones say the database was opened read-only (exit 1), and the file is left as it was.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { addLink } from "../../src/core/links/addLink.js";
import { coreAt, fixedClock, tempStore } from "../helpers/tempStore.js";

const clock = fixedClock("2026-07-10T10:00:00Z");
let path: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = tempStore();
  ({ path, cleanup } = temp);
  // The workspace exists already, as one does once a team has used Roundup.
  await addLink(
    { store: temp.store, clock },
    {
      workspace: "local:default",
      url: "https://kept.example/post",
      userId: "u",
      userName: "Ada",
      source: "cli",
    },
  );
  await temp.store.close();
});
afterEach(() => cleanup());

/** Runs the CLI in this process on `databaseUrl`; what it printed and its exit status. */
async function cli(databaseUrl: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(
    argv,
    { openCore: coreAt(databaseUrl, clock) },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { status, out: out.join("\n"), err: err.join("\n") };
}

describe("the CLI on a database opened with mode=ro", () => {
  it("lists the links", async () => {
    const result = await cli(`file:${path}?mode=ro`, "list");
    expect(result).toMatchObject({ status: 0, err: "" });
    expect(result.out).toContain("https://kept.example/post");
  });

  it("refuses an add, saying the database was opened read-only, and changes nothing", async () => {
    const before = readFileSync(path);
    const result = await cli(`file:${path}?mode=ro`, "add", "https://new.example/");
    expect(result.status).toBe(1);
    expect(result.err).toBe(
      `DATABASE_URL opens ${path} read-only (mode=ro), so nothing can be changed: remove ?mode=ro to make changes.`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect((await cli(path, "list")).out).not.toContain("new.example");
  });

  it("refuses a file that does not exist instead of creating it", async () => {
    const missing = `${path}.missing`;
    const result = await cli(`file:${missing}?mode=ro`, "list");
    expect(result.status).toBe(1);
    expect(result.err).toContain(
      `DATABASE_URL opens ${missing} read-only (mode=ro), but there is no such file`,
    );
  });

  it("refuses a database that is not up to date, since it cannot update it", async () => {
    const old = `${path}.old.db`;
    const client = new Database(old);
    client.exec("CREATE TABLE notes (text TEXT)");
    client.close();
    const result = await cli(`file:${old}?mode=ro`, "list");
    expect(result.status).toBe(1);
    expect(result.err).toContain("is not an up-to-date Roundup database: open it once without ?mode=ro");
  });
});
