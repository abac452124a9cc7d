import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.js";
import { addLink } from "../../src/core/links/addLink.js";
import { listLinks, removeLinkAs } from "../../src/core/links/manageLinks.js";
import { databasePath, MIGRATIONS_FOLDER, parseDatabaseUrl } from "../../src/storage/database.js";
import { explainDatabaseError } from "../../src/storage/sqliteErrors.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock } from "../helpers/tempStore.js";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "roundup-db-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const migrationCount = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql")).length;

describe("openDatabase", () => {
  it("creates the folder and file on first run and applies every migration", async () => {
    const path = join(tempDir(), "nested", "deeper", "roundup.db");
    const store = SqliteStore.open(path);
    const client = store.db.$client;
    const tables = client
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      "__drizzle_migrations",
      "categories",
      "links",
      "roundup_reviews",
      "roundup_runs",
      "slack_requests",
      "workspace_admins",
      "workspace_settings",
      "workspaces",
    ]);
    expect(client.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get()).toBe(migrationCount);
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
    await store.close();
  });

  it("re-opens an existing file without re-applying migrations or losing data", async () => {
    const path = join(tempDir(), "roundup.db");
    const clock = fixedClock("2026-07-01T10:00:00Z");
    const first = SqliteStore.open(path);
    await addLink(
      { store: first, clock },
      { workspace: "local:t", url: "https://kept.example", userId: "u", userName: "U", source: "cli" },
    );
    await first.close();

    const second = SqliteStore.open(path);
    expect(second.db.$client.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get()).toBe(
      migrationCount,
    );
    expect((await listLinks({ store: second }, { workspace: "local:t" })).map((l) => l.url)).toEqual([
      "https://kept.example/",
    ]);
    await second.close();
  });

  it("enforces one entry per normalized URL per workspace even past the use case", async () => {
    const store = SqliteStore.open(":memory:");
    await store.workspaces.ensure("local:t", []);
    const link = {
      workspace: "local:t",
      url: "https://a.example",
      normalizedUrl: "https://a.example",
      title: null,
      author: null,
      description: null,
      siteName: null,
      note: null,
      categoryId: null,
      sharedById: "u",
      sharedByName: "U",
      sharedAt: 1,
      source: "cli" as const,
      canonicalUrl: null,
    };
    expect((await store.links.insertOrGet(link)).created).toBe(true);
    const again = await store.links.insertOrGet({ ...link, sharedById: "v" });
    expect(again).toMatchObject({ created: false, link: { sharedById: "u" } });
    // A link needs its workspace: without one there is neither a number for it nor a key to point to.
    await expect(store.links.insertOrGet({ ...link, workspace: "local:nobody" })).rejects.toThrow(
      /NOT NULL constraint failed: links.number|FOREIGN KEY/,
    );
    await store.close();
  });
});

/** The migrations folder as it was before `tag` landed: what an older install has applied. */
function migrationsBefore(tag: string): string {
  const folder = join(tempDir(), "migrations");
  mkdirSync(join(folder, "meta"), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify(journal));
  for (const { tag: kept } of journal.entries) {
    copyFileSync(join(MIGRATIONS_FOLDER, `${kept}.sql`), join(folder, `${kept}.sql`));
  }
  return folder;
}

describe("link numbers", () => {
  const clock = fixedClock("2026-07-01T10:00:00Z");
  const share = async (store: SqliteStore, workspace: string, url: string) =>
    (await addLink({ store, clock }, { workspace, url, userId: "u", userName: "U", source: "cli" })).link.id;

  it("count from 1 in each workspace and are never reused", async () => {
    const store = SqliteStore.open(join(tempDir(), "roundup.db"));
    expect([
      await share(store, "local:a", "a.example/1"),
      await share(store, "local:a", "a.example/2"),
    ]).toEqual([1, 2]);
    expect(await share(store, "local:b", "b.example/1")).toBe(1);
    expect(await share(store, "local:a", "a.example/1")).toBe(1);
    await removeLinkAs(
      { store },
      { workspace: "local:a", id: 2, actor: { userId: "u", isAdmin: async () => true } },
    );
    expect(await share(store, "local:a", "a.example/3")).toBe(3);
    expect((await listLinks({ store }, { workspace: "local:a" })).map((l) => l.id)).toEqual([1, 3]);
    await store.close();
  });

  it("are given to the links of an older database in the order they were shared", async () => {
    const path = join(tempDir(), "old.db");
    const old = new Database(path);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore("0003_link_numbers") });
    old.exec(`INSERT INTO workspaces (key) VALUES ('local:a'), ('local:b');
      INSERT INTO links (workspace_key, url, normalized_url, shared_by_id, shared_by_name, shared_at, source)
      VALUES ('local:a', 'https://a.example/1', 'https://a.example/1', 'u', 'U', 1, 'cli'),
             ('local:b', 'https://b.example/1', 'https://b.example/1', 'u', 'U', 2, 'cli'),
             ('local:a', 'https://a.example/2', 'https://a.example/2', 'u', 'U', 3, 'cli');`);
    old.close();

    const store = SqliteStore.open(path);
    const numbered = async (workspace: string) =>
      (await listLinks({ store }, { workspace })).map((l) => [l.id, l.url]);
    expect(await numbered("local:a")).toEqual([
      [1, "https://a.example/1"],
      [2, "https://a.example/2"],
    ]);
    expect(await numbered("local:b")).toEqual([[1, "https://b.example/1"]]);
    expect(await share(store, "local:a", "a.example/3")).toBe(3);
    expect(await share(store, "local:b", "b.example/2")).toBe(2);
    await store.close();
  });
});

describe("the Slack request log", () => {
  it("is added to a database migrated up to 0003, keeping its links", async () => {
    const path = join(tempDir(), "old.db");
    const old = new Database(path);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore("0004_slack_request_log") });
    old.exec(`INSERT INTO workspaces (key) VALUES ('local:a');
      INSERT INTO links (workspace_key, number, url, normalized_url, shared_by_id, shared_by_name, shared_at, source)
      VALUES ('local:a', 1, 'https://a.example/1', 'https://a.example/1', 'u', 'U', 1, 'cli');`);
    old.close();

    const store = SqliteStore.open(path);
    expect((await listLinks({ store }, { workspace: "local:a" })).map((l) => l.url)).toEqual([
      "https://a.example/1",
    ]);
    expect(await store.requestLog.remember("v0=abc", 2_000, 1_000)).toBe(true);
    expect(await store.requestLog.remember("v0=abc", 2_000, 1_000)).toBe(false);
    await store.close();
  });
});

describe("databasePath", () => {
  it.each([
    ["./data/roundup.db", "./data/roundup.db"],
    ["file:./data/roundup.db", "./data/roundup.db"],
    ["file:/var/lib/roundup.db?mode=rwc", "/var/lib/roundup.db"],
    ["file:///var/lib/roundup.db", "/var/lib/roundup.db"],
    [":memory:", ":memory:"],
  ])("%s -> %s", (url, path) => {
    expect(databasePath(url)).toBe(path);
  });

  it.each([
    ["file:./data/roundup.db?mode=ro", { path: "./data/roundup.db", readonly: true }],
    ["file:///var/lib/roundup.db?cache=shared&mode=ro", { path: "/var/lib/roundup.db", readonly: true }],
    ["file:/var/lib/roundup.db?mode=rwc", { path: "/var/lib/roundup.db", readonly: false }],
    ["./data/roundup.db", { path: "./data/roundup.db", readonly: false }],
  ])("%s opens %o", (url, location) => {
    expect(parseDatabaseUrl(url)).toEqual(location);
  });
});

/** What opening `databaseUrl` throws, which must be a UserError. */
async function openingFails(databaseUrl: string): Promise<string> {
  try {
    await SqliteStore.open(databaseUrl).close();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error(`${databaseUrl} opened`);
}

describe("a database that cannot be used", () => {
  it("is explained with DATABASE_URL, the folder and what to do when a file is in the way", async () => {
    const file = join(tempDir(), "notes.txt");
    writeFileSync(file, "");
    expect(await openingFails(join(file, "sub", "roundup.db"))).toBe(
      `DATABASE_URL points to ${join(file, "sub", "roundup.db")}, but the folder ${join(file, "sub")} cannot be created (a file is in the way): create it yourself, or point DATABASE_URL at a folder Roundup can write.`,
    );
    expect(await openingFails(join(file, "roundup.db"))).toContain(
      `the folder ${file} cannot be created (a file is in the way)`,
    );
  });

  it("is explained when the path is a folder", async () => {
    const folder = tempDir();
    expect(await openingFails(folder)).toBe(
      `DATABASE_URL points to ${folder}, which cannot be opened: it must name a file (not a folder) in a folder the user running Roundup can write.`,
    );
  });

  it("is explained when the file is another program's SQLite database", async () => {
    const path = join(tempDir(), "other.db");
    const other = new Database(path);
    other.exec("CREATE TABLE links (address TEXT)");
    other.close();
    expect(await openingFails(path)).toBe(
      `DATABASE_URL points to ${path}, which Roundup cannot set up (table \`links\` already exists): is it another program's database? Point DATABASE_URL at a new file.`,
    );
  });

  it("is explained when the file is not a database", async () => {
    const path = join(tempDir(), "photo.db");
    writeFileSync(path, Buffer.alloc(4096, 0x5a));
    expect(await openingFails(path)).toContain(
      `DATABASE_URL points to ${path}, which is not a SQLite database or is damaged`,
    );
  });
});

describe("explainDatabaseError", () => {
  it("says the disk is full when SQLite runs out of room", async () => {
    const path = join(tempDir(), "roundup.db");
    const store = SqliteStore.open(path);
    const client = store.db.$client;
    // The file may not grow past its size now: as far as SQLite can tell, the disk is full.
    client.pragma(`max_page_count = ${client.pragma("page_count", { simple: true })}`);
    let full: unknown;
    try {
      for (let i = 0; i < 1000; i++) {
        await addLink(
          { store, clock: fixedClock("2026-07-01T10:00:00Z") },
          {
            workspace: "local:t",
            url: `https://full.example/${i}`,
            note: "x".repeat(400),
            userId: "u",
            userName: "U",
            source: "cli",
          },
        );
      }
    } catch (error) {
      full = error;
    }
    await store.close();
    expect(explainDatabaseError(full, { path, readonly: false })).toBe(
      `DATABASE_URL points to ${path}, but the disk is full: free some space, then try again.`,
    );
  });

  it("says a read fails or a write fails as a disk I/O error", () => {
    const error = new Database.SqliteError("disk I/O error", "SQLITE_IOERR_WRITE");
    expect(explainDatabaseError(error, { path: "/srv/roundup.db", readonly: false })).toBe(
      "DATABASE_URL points to /srv/roundup.db, but reading or writing it failed (disk I/O error): check the disk and its free space, then try again.",
    );
  });

  it("leaves errors that are not about the database file to the caller", () => {
    const location = { path: "/srv/roundup.db", readonly: false };
    expect(explainDatabaseError(new TypeError("bug"), location)).toBeNull();
    expect(
      explainDatabaseError(new Database.SqliteError("UNIQUE", "SQLITE_CONSTRAINT_UNIQUE"), location),
    ).toBeNull();
  });
});

describe("checking that the database can be written", () => {
  it("passes on a database opened read-write", async () => {
    const store = SqliteStore.open(join(tempDir(), "roundup.db"));
    expect(() => store.assertWritable()).not.toThrow();
    expect(store.healthy()).toBe(true);
    await store.close();
  });

  it("fails, saying why, on one opened read-only", async () => {
    const path = join(tempDir(), "roundup.db");
    await SqliteStore.open(path).close();
    const store = SqliteStore.open(`file:${path}?mode=ro`);
    expect(() => store.assertWritable()).toThrow(
      `DATABASE_URL opens ${path} read-only (mode=ro), so nothing can be changed: remove ?mode=ro to make changes.`,
    );
    expect(store.healthy()).toBe(false);
    await store.close();
  });

  it("stays healthy while another connection is writing, without waiting for it", async () => {
    const path = join(tempDir(), "roundup.db");
    const store = SqliteStore.open(path);
    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE");
    const started = performance.now();
    expect(store.healthy()).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    other.exec("ROLLBACK");
    other.close();
    await store.close();
    expect(store.healthy()).toBe(false);
  });
});
