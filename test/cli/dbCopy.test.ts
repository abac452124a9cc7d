/**
 * `roundup db copy --to URL [--force]` as a person runs it: what it says, what the target then lists,
 * and what it refuses. SQLite to SQLite in process; to and from a PostgreSQL server when
 * TEST_DATABASE_URL is set.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../helpers/postgresServer.js";
import { inProcessCli } from "./inProcessCli.js";

let dir: string;
let count = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "roundup-db-copy-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function newPath(): string {
  return join(dir, `db-${++count}.db`);
}

/** A SQLite database with three links shared (the second one removed since) and a channel-less local workspace. */
async function sourceWithLinks(): Promise<string> {
  const path = newPath();
  const cli = inProcessCli(path);
  for (const n of [1, 2, 3]) {
    expect(
      (await cli("add", `https://example.com/read-${n}`, "--note", `Note ${n}`, "--by", "Ada")).status,
    ).toBe(0);
  }
  expect((await cli("remove", "2")).status).toBe(0);
  return path;
}

/**
 * Points a link at a category that is no more (as a database written with foreign keys off could):
 * the target's foreign key refuses it part way, after the workspaces and categories went in.
 */
function breakForeignKey(path: string): void {
  const raw = new Database(path);
  raw.pragma("foreign_keys = OFF");
  raw.prepare("UPDATE links SET category_id = 999 WHERE number = 3").run();
  raw.close();
}

async function listOf(path: string): Promise<string> {
  const { status, stdout } = await inProcessCli(path)("list", "--json");
  expect(status).toBe(0);
  return stdout;
}

const COPIED =
  "Copied 1 workspace, 3 categories, 2 links (0 recommendations, 0 votes), 0 settings, 0 admins, 0 roundups and 0 reviews";

describe("db copy between SQLite files", () => {
  it("copies into a new file, says what it copied, and the copy lists the same links and numbers on", async () => {
    const source = await sourceWithLinks();
    const target = newPath();
    const run = await inProcessCli(source)("db", "copy", "--to", target);
    expect(run).toEqual({ status: 0, stdout: `${COPIED} from ${source} to ${target}.`, stderr: "" });
    expect(await listOf(target)).toBe(await listOf(source));
    const added = await inProcessCli(target)("add", "https://example.com/read-4");
    expect(added.stdout).toContain("#4");
  });

  it("refuses a target that holds a workspace, and changes nothing in it", async () => {
    const source = await sourceWithLinks();
    const target = newPath();
    await inProcessCli(target)("add", "https://example.com/already-here");
    const before = await listOf(target);
    const run = await inProcessCli(source)("db", "copy", "--to", target);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${target} already holds 1 workspace: nothing was copied. Add --force to replace everything it holds, or copy into an empty database.`,
    );
    expect(await listOf(target)).toBe(before);
  });

  it("with --force, replaces what the target held and says so", async () => {
    const source = await sourceWithLinks();
    const target = newPath();
    await inProcessCli(target)("add", "https://example.com/already-here");
    const run = await inProcessCli(source)("db", "copy", "--to", `file:${target}`, "--force");
    expect(run.stdout).toBe(`${COPIED} from ${source} to file:${target}, replacing the 1 workspace it held.`);
    expect(await listOf(target)).toBe(await listOf(source));
    expect(await listOf(target)).not.toContain("already-here");
  });

  it("--json gives the counts for scripts", async () => {
    const source = await sourceWithLinks();
    const target = newPath();
    const run = await inProcessCli(source)("db", "copy", "--to", target, "--json");
    expect(JSON.parse(run.stdout)).toEqual({
      from: source,
      to: target,
      copied: {
        workspaces: 1,
        categories: 3,
        links: 2,
        recommendations: 0,
        votes: 0,
        settings: 0,
        admins: 0,
        roundups: 0,
        reviews: 0,
      },
      replaced: null,
    });
  });

  it("refuses to copy a database onto itself, however the path is written, even with --force", async () => {
    const source = await sourceWithLinks();
    const before = await listOf(source);
    const roundabout = join(dir, "..", dir.split("/").at(-1) as string, source.split("/").at(-1) as string);
    for (const to of [source, `file:${source}`, roundabout]) {
      const run = await inProcessCli(source)("db", "copy", "--to", to, "--force");
      expect(run.status, to).toBe(1);
      expect(run.stderr).toBe(
        `--to ${to} is the database DATABASE_URL already points to: a copy needs another one.`,
      );
    }
    expect(await listOf(source)).toBe(before);
  });

  it("a copy that fails part way leaves no new file behind, and an old target as it was", async () => {
    const source = await sourceWithLinks();
    breakForeignKey(source);
    const fresh = newPath();
    await expect(inProcessCli(source)("db", "copy", "--to", fresh)).rejects.toThrow(/FOREIGN KEY/);
    expect(existsSync(fresh)).toBe(false);

    const old = newPath();
    await inProcessCli(old)("add", "https://example.com/already-here");
    const before = await listOf(old);
    await expect(inProcessCli(source)("db", "copy", "--to", old, "--force")).rejects.toThrow(/FOREIGN KEY/);
    expect(await listOf(old)).toBe(before);
  });

  it("says in one line when the target cannot be reached, without its password", async () => {
    const source = await sourceWithLinks();
    const run = await inProcessCli(source)(
      "db",
      "copy",
      "--to",
      "postgres://roundup:s3cret-pw@127.0.0.1:1/x",
    );
    expect(run).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "Cannot open --to postgres://roundup@127.0.0.1:1/x: nothing answers there (connection refused).",
    });
  });

  it("names --to, not DATABASE_URL, when the target file cannot be made", async () => {
    const run = await inProcessCli(await sourceWithLinks())("db", "copy", "--to", "/proc/roundup/copy.db");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^--to points to \/proc\/roundup\/copy\.db, but the folder \/proc\/roundup cannot be created/,
    );
  });

  it("refuses a source file that does not exist rather than copying nothing", async () => {
    const missing = newPath();
    const run = await inProcessCli(missing)("db", "copy", "--to", newPath());
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `DATABASE_URL points to ${missing}, which does not exist: there is nothing to copy. Check DATABASE_URL.`,
    );
    expect(existsSync(missing)).toBe(false);
  });
});

describe("db copy's usage", () => {
  const cli = () => inProcessCli(join(tmpdir(), "never-opened.db"));

  it("is listed in --help, and db --help shows an example", async () => {
    expect((await cli()("--help")).stdout).toMatch(/^ {2}db +copy the whole database/m);
    const help = await cli()("db", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("db copy --to <DATABASE URL> [--force]");
    expect(help.stdout).toContain(
      "Example: DATABASE_URL=./data/roundup.db npm run -s cli -- db copy --to postgres://",
    );
  });

  it("needs copy, --to and no --workspace (it copies every workspace)", async () => {
    for (const argv of [
      ["db"],
      ["db", "move"],
      ["db", "copy"],
      ["db", "copy", "--to", "x.db", "--workspace", "local:a"],
      ["db", "copy", "--to", "mysql://db/x", "extra"],
    ]) {
      const run = await cli()(...argv);
      expect(run.status, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain("Usage:");
    }
    const wrongKind = await cli()("db", "copy", "--to", "mysql://db/x");
    expect(wrongKind.status).toBe(1);
  });
});

describe.skipIf(NO_SERVER)(
  `db copy to and from a PostgreSQL server${NO_SERVER ? ` (skipped: ${NO_SERVER})` : ""}`,
  () => {
    const databases: TestDatabase[] = [];
    afterAll(async () => {
      for (const database of databases) await database.drop();
    });

    /** An empty database of the test's own on the server. */
    async function newDatabase(label: string): Promise<TestDatabase> {
      const database = await createTestDatabase(label);
      databases.push(database);
      return database;
    }

    it("copies SQLite in and back out, never shows the password, refuses a second copy unless --force", async () => {
      const database = await newDatabase("db_copy_cli");
      const source = await sourceWithLinks();
      const withPassword = new URL(database.url);
      withPassword.password = "not-to-be-shown";
      const shown = database.url;

      const into = await inProcessCli(source)("db", "copy", "--to", withPassword.toString());
      expect(into).toEqual({ status: 0, stdout: `${COPIED} from ${source} to ${shown}.`, stderr: "" });

      const again = await inProcessCli(source)("db", "copy", "--to", withPassword.toString());
      expect(again.status).toBe(1);
      expect(again.stderr).toContain(`${shown} already holds 1 workspace: nothing was copied.`);
      const forced = await inProcessCli(source)("db", "copy", "--to", withPassword.toString(), "--force");
      expect(forced.stdout).toBe(`${COPIED} from ${source} to ${shown}, replacing the 1 workspace it held.`);
      for (const run of [into, again, forced])
        expect(`${run.stdout}${run.stderr}`).not.toContain("not-to-be-shown");

      const sameServer = new URL(withPassword);
      sameServer.hostname = sameServer.hostname === "localhost" ? "127.0.0.1" : "localhost";
      const onItself = await inProcessCli(database.url)(
        "db",
        "copy",
        "--to",
        sameServer.toString(),
        "--force",
      );
      expect(onItself.status).toBe(1);
      expect(onItself.stderr).toContain("is the database DATABASE_URL already points to");
      expect(onItself.stderr).not.toContain("not-to-be-shown");

      const back = newPath();
      const out = await inProcessCli(withPassword.toString())("db", "copy", "--to", back);
      expect(out.stdout).toBe(`${COPIED} from ${shown} to ${back}.`);
      expect(await listOf(back)).toBe(await listOf(source));
      expect((await inProcessCli(back)("add", "https://example.com/read-4")).stdout).toContain("#4");
    });

    it("a copy that fails part way leaves the server's database as it was", async () => {
      const database = await newDatabase("db_copy_cli_failed");
      expect((await inProcessCli(await sourceWithLinks())("db", "copy", "--to", database.url)).status).toBe(
        0,
      );
      const before = newPath();
      await inProcessCli(database.url)("db", "copy", "--to", before);

      const broken = await sourceWithLinks();
      await inProcessCli(broken)("add", "https://example.com/only-in-the-broken-one");
      breakForeignKey(broken);
      await expect(inProcessCli(broken)("db", "copy", "--to", database.url, "--force")).rejects.toThrow(
        /foreign key/,
      );
      const after = newPath();
      await inProcessCli(database.url)("db", "copy", "--to", after);
      expect(await listOf(after)).toBe(await listOf(before));
    });
  },
);
