import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NewLink } from "../../src/core/types.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";

const WORKSPACE = "local:plan";
const OTHER = "local:other";
const JULY = { from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 7, 1) };
const DAY = 24 * 60 * 60 * 1000;

function link(workspace: string, i: number, sharedAt: number): NewLink {
  return {
    workspace,
    url: `https://example.com/${workspace}/${i}`,
    normalizedUrl: `https://example.com/${workspace}/${i}`,
    title: `Post ${i}`,
    author: null,
    description: null,
    siteName: null,
    note: null,
    categoryId: null,
    sharedById: "u1",
    sharedByName: "Ada",
    sharedAt,
    source: "cli",
    canonicalUrl: null,
  };
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

describe("the month query plan", () => {
  let store: SqliteStore;

  beforeEach(async () => {
    store = SqliteStore.open(":memory:");
    await store.workspaces.ensure(WORKSPACE, []);
    await store.workspaces.ensure(OTHER, []);
    // Three months of links in two workspaces, so the month has neighbours on every side.
    await store.transaction(async (tx) => {
      for (let i = 0; i < 90; i++) {
        const at = Date.UTC(2026, 5, 1) + i * DAY;
        await tx.links.insertOrGet(link(WORKSPACE, i, at));
        await tx.links.insertOrGet(link(OTHER, i, at));
      }
    });
  });

  afterEach(async () => {
    await store.close();
  });

  /**
   * The SQL text `links.list(workspace, { from, to })` really prepares, caught on its way to
   * better-sqlite3, with the named parameters it binds; so the test follows the store if the query changes.
   */
  async function monthQuery(): Promise<{ sql: string; params: Record<string, unknown>; rows: number }> {
    const client = store.db.$client;
    const prepare = vi.spyOn(client, "prepare");
    let rows: number;
    let prepared: string[];
    try {
      rows = (await store.links.list(WORKSPACE, JULY)).length;
      prepared = prepare.mock.calls.map(([source]) => source);
    } finally {
      prepare.mockRestore();
    }
    const selects = prepared.filter((source) => /\bFROM links\b/.test(source));
    expect(selects).toHaveLength(1);
    const sql = selects[0] as string;
    expect(sql).toMatch(/workspace_key = @workspace AND shared_at >= @from AND shared_at < @to/);
    expect(sql).toMatch(/ORDER BY shared_at, links.id$/);
    return { sql, params: { workspace: WORKSPACE, ...JULY }, rows };
  }

  async function plan(): Promise<string[]> {
    const { sql, params } = await monthQuery();
    const rows = store.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as PlanRow[];
    return rows.map((row) => row.detail);
  }

  const MONTH_INDEX_SEARCH =
    /^SEARCH links USING (COVERING )?INDEX links_workspace_shared_at_idx \(workspace_key=\? AND shared_at>\? AND shared_at<\?\)$/;

  it("finds the month's links", async () => {
    expect((await monthQuery()).rows).toBe(31);
  });

  it("seeks links_workspace_shared_at_idx on workspace and month, in index order, without a scan or sort", async () => {
    const details = await plan();
    expect(details).toHaveLength(1);
    expect(details[0]).toMatch(MONTH_INDEX_SEARCH);
    expect(details.some((detail) => /^SCAN links\b/.test(detail))).toBe(false);
    expect(details.some((detail) => detail.includes("TEMP B-TREE"))).toBe(false);
  });

  it("still uses the index once ANALYZE has statistics", async () => {
    store.db.$client.exec("ANALYZE");
    const details = await plan();
    expect(details).toHaveLength(1);
    expect(details[0]).toMatch(MONTH_INDEX_SEARCH);
  });

  it("plans differently without the index, so the assertions above really depend on it", async () => {
    store.db.$client.exec("DROP INDEX links_workspace_shared_at_idx");
    const details = await plan();
    expect(details.some((detail) => MONTH_INDEX_SEARCH.test(detail))).toBe(false);
    expect(details.join("\n")).not.toContain("links_workspace_shared_at_idx");
    // The fallback has to sort the month itself.
    expect(details).toContain("USE TEMP B-TREE FOR ORDER BY");
  });
});
