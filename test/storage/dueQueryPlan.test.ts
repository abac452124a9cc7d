import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SqliteReviewStore } from "../../src/storage/reviewStore.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";

/** The SQL texts `work` prepares on `client`. */
async function preparedBy(client: Database.Database, work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = client.prepare;
  Object.defineProperty(client, "prepare", {
    configurable: true,
    writable: true,
    value(this: Database.Database, source: string) {
      seen.push(source);
      return original.call(this, source);
    },
  });
  try {
    await work();
  } finally {
    Reflect.deleteProperty(client, "prepare");
  }
  return seen;
}

describe("the scheduler's due query", () => {
  it("searches the next-due index instead of scanning every workspace, for the platforms asked", async () => {
    const store = SqliteStore.open(":memory:");
    const client = store.db.$client;
    const [sql] = await preparedBy(client, () => store.settings.due(Date.now(), 100, ["discord", "slack"]));
    expect(sql).toMatch(/next_due_at/);
    const plan = client
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(Date.now(), "discord", "slack", 100)
      .map((row) => (row as { detail: string }).detail);
    expect(plan.join("\n")).toMatch(
      /SEARCH workspace_settings USING INDEX workspace_settings_next_due_at_idx/,
    );
    expect(plan.join("\n")).not.toMatch(/SCAN workspace_settings|TEMP B-TREE/);
    await store.close();
  });
});

describe("the scheduler's drafts query", () => {
  it("reads only the workspaces with review on (their partial index), and finds a review by its key", async () => {
    const store = SqliteStore.open(":memory:");
    const client = store.db.$client;
    const prepared = await preparedBy(client, async () => new SqliteReviewStore(client));
    const sql = prepared.find((text) => text.includes("review_days"));
    const plan = client
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all({ now: Date.now(), limit: 100, platforms: '["discord","slack"]' })
      .map((row) => (row as { detail: string }).detail)
      .join("\n");
    expect(plan).toMatch(/SCAN workspace_settings USING INDEX workspace_settings_review_due_idx/);
    expect(plan).toMatch(/SEARCH roundup_reviews USING (COVERING )?INDEX/);
    await store.close();
  });
});
