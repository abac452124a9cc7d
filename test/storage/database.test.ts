import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { listLinks } from "../../src/core/links/manageLinks.js";
import { databasePath, MIGRATIONS_FOLDER } from "../../src/storage/database.js";
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
  it("creates the folder and file on first run and applies every migration", () => {
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
      "roundup_runs",
      "workspace_admins",
      "workspace_settings",
      "workspaces",
    ]);
    expect(client.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get()).toBe(migrationCount);
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
    store.close();
  });

  it("re-opens an existing file without re-applying migrations or losing data", () => {
    const path = join(tempDir(), "roundup.db");
    const clock = fixedClock("2026-07-01T10:00:00Z");
    const first = SqliteStore.open(path);
    addLink(
      { store: first, clock },
      { workspace: "local:t", url: "https://kept.example", userId: "u", userName: "U", source: "cli" },
    );
    first.close();

    const second = SqliteStore.open(path);
    expect(second.db.$client.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get()).toBe(
      migrationCount,
    );
    expect(listLinks({ store: second }, { workspace: "local:t" }).map((l) => l.url)).toEqual([
      "https://kept.example/",
    ]);
    second.close();
  });

  it("enforces one entry per normalized URL per workspace even past the use case", () => {
    const store = SqliteStore.open(":memory:");
    store.workspaces.ensure("local:t", []);
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
    expect(store.links.insertOrGet(link).created).toBe(true);
    const again = store.links.insertOrGet({ ...link, sharedById: "v" });
    expect(again).toMatchObject({ created: false, link: { sharedById: "u" } });
    expect(() => store.links.insertOrGet({ ...link, workspace: "local:nobody" })).toThrow(/FOREIGN KEY/);
    store.close();
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
});
