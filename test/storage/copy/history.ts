/**
 * A team history as Roundup writes it (through the store's own ports), and every table of a database
 * read back in one comparable form, whichever database holds it.
 */
import type Database from "better-sqlite3";
import type { Store } from "../../../src/core/ports/store.js";
import type { NewLink } from "../../../src/core/types.js";
import type { PgSession } from "../../../src/storage/postgres/session.js";

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T09:00:00Z");

/** The workspace whose newest links were removed: its counter is past its highest number. */
export const GAPPED = "slack:T0GAPPED";
/** The number the next link of GAPPED must get after any copy: never one given before. */
export const GAPPED_NEXT_NUMBER = 8;

/** A workspace with a long history. */
const BUSY = "discord:G0000000002";
export const BUSY_LINKS = 1_100;

const DEFAULT_CATEGORIES = [
  { name: "Articles", slug: "articles", emoji: "📰" },
  { name: "Tools", slug: "tools", emoji: null },
  { name: "Talks", slug: "talks", emoji: "🎤" },
];

function link(workspace: string, n: number, overrides: Partial<NewLink> = {}): NewLink {
  return {
    workspace,
    url: `https://example.com/${workspace}/post-${n}`,
    normalizedUrl: `https://example.com/${workspace}/post-${n}`,
    title: `Post ${n}`,
    author: n % 2 ? "Ada" : null,
    description: n % 3 ? null : "A long read",
    siteName: "Example",
    note: n === 1 ? "Start here" : null,
    categoryId: null,
    sharedById: `U${n}`,
    sharedByName: `Person ${n}`,
    sharedAt: T0 + n * DAY,
    source: "slack",
    canonicalUrl: null,
    ...overrides,
  };
}

/**
 * Four workspaces (one with 1,100 links) with categories (added, archived, reordered, one removed), links whose numbers have
 * gaps (a removed link in the middle, the two newest removed), recommendations, settings with a next
 * due roundup, admins, and a ledger with a posted run (its message ids), a failed one and a skipped one;
 * votes, a picked and a dropped link, order, picks (no emoji) and review settings, and the editors'
 * reviews of two periods (one held, with its draft's messages, a raised version and a reminder).
 */
export async function fillHistory(store: Store): Promise<void> {
  for (const workspace of [GAPPED, "discord:G0000000001", "local:default"]) {
    await store.workspaces.ensure(workspace, DEFAULT_CATEGORIES);
  }
  const categories = await store.categories.list(GAPPED);
  const extra = await store.categories.insert(GAPPED, { name: "Papers", slug: "papers", emoji: "📄" });
  await store.categories.update(GAPPED, categories[1]?.id as number, { archived: true });
  await store.categories.reorder(GAPPED, [extra.id, ...categories.map((c) => c.id)]);
  const gone = await store.categories.insert("discord:G0000000001", {
    name: "Gone",
    slug: "gone",
    emoji: null,
  });
  await store.categories.remove("discord:G0000000001", gone.id);

  for (let n = 1; n <= 7; n++) {
    await store.links.insertOrGet(
      link(GAPPED, n, { categoryId: n % 2 ? extra.id : (categories[0]?.id ?? null) }),
    );
  }
  // #3 leaves a gap; #6 and #7 were the newest: the counter stays at 7, past the highest number left.
  await store.links.remove(GAPPED, 3);
  await store.links.remove(GAPPED, 7);
  await store.links.remove(GAPPED, 6);
  await store.links.addRecommendation(GAPPED, 2, {
    userId: "U9",
    userName: "Bo",
    note: "Agreed",
    sharedAt: T0 + 9 * DAY,
  });
  await store.links.addRecommendation(GAPPED, 2, {
    userId: "U8",
    userName: "Cy",
    note: null,
    sharedAt: T0 + 10 * DAY,
  });
  await store.links.update(GAPPED, 4, { canonicalUrl: "https://example.com/canonical-4", note: "Edited" });
  await store.links.addVote(GAPPED, 2, { userId: "U7", userName: "Di", votedAt: T0 + 11 * DAY });
  await store.links.addVote(GAPPED, 2, { userId: "U9", userName: "Bo", votedAt: T0 + 12 * DAY });
  await store.links.addVote(GAPPED, 4, { userId: "U7", userName: "Di", votedAt: T0 + 13 * DAY });
  await store.links.curate(GAPPED, 4, { picked: true });
  await store.links.curate(GAPPED, 5, { dropped: true });
  for (let n = 1; n <= 3; n++) {
    await store.links.insertOrGet(link("discord:G0000000001", n, { source: "discord" }));
  }
  await store.links.insertOrGet(link("local:default", 1, { source: "cli" }));
  // More links than one INSERT carries, so every batch boundary is crossed on the way there and back.
  await store.workspaces.ensure(BUSY, []);
  await store.transaction(async (tx) => {
    for (let n = 1; n <= BUSY_LINKS; n++) await tx.links.insertOrGet(link(BUSY, n, { source: "discord" }));
  });

  await store.settings.setChannel(GAPPED, "C0123");
  await store.settings.setSchedule(GAPPED, { day: 3, time: "08:30", timeZone: "Europe/Berlin" });
  await store.settings.setTitleTemplate(GAPPED, "Reading, {month}");
  await store.settings.setIntro(GAPPED, "What we read.");
  await store.settings.setQuietMonthNote(GAPPED, true);
  await store.settings.setNextDue(GAPPED, { period: "2026-04", at: Date.parse("2026-05-03T06:30:00Z") });
  await store.settings.setOrder(GAPPED, "votes");
  await store.settings.setPicks(GAPPED, { title: "Editors' choice", emoji: null });
  await store.settings.setReview(GAPPED, { days: 3, channelId: "C0EDIT" });
  await store.settings.setPicks("discord:G0000000001", { title: "Best of", emoji: "🏆" });
  await store.settings.setAdminNotice("discord:G0000000001", "No roundup channel yet.");
  await store.settings.addAdmin(GAPPED, { kind: "user", id: "U1" });
  await store.settings.addAdmin(GAPPED, { kind: "role", id: "R1" });
  await store.settings.addAdmin("discord:G0000000001", { kind: "role", id: "R7" });

  const now = T0 + 40 * DAY;
  const claim = { owner: "bot-1", now, leaseUntil: now + 60_000, mode: "scheduled" } as const;
  const posted = await store.runs.claim({ workspace: GAPPED, period: "2026-03", ...claim });
  if (!posted) throw new Error("claim refused");
  await store.runs.recordMessage(posted.id, "bot-1", "1712.0001", now + 60_000, now + 1);
  await store.runs.recordMessage(posted.id, "bot-1", "1712.0002", now + 60_000, now + 2);
  await store.runs.finish(posted.id, "bot-1", "posted", null, now + 3);
  const failed = await store.runs.claim({ workspace: "discord:G0000000001", period: "2026-03", ...claim });
  if (!failed) throw new Error("claim refused");
  await store.runs.finish(failed.id, "bot-1", "failed", "Missing Access (50001)", now + 4);
  await store.runs.recordSkipped(GAPPED, "2026-02", "too late", now + 5);
  await store.reviews.open({ workspace: GAPPED, period: "2026-03", channelId: "C0EDIT", now });
  await store.reviews.setMessages(GAPPED, "2026-03", ["1711.0001", "1711.0002"]);
  await store.reviews.bump(GAPPED, "2026-03");
  await store.reviews.open({ workspace: GAPPED, period: "2026-04", channelId: "C0EDIT", now: now + 6 });
  await store.reviews.setMessages(GAPPED, "2026-04", ["1713.0001"]);
  await store.reviews.setHeld(GAPPED, "2026-04", "U1");
  await store.reviews.setRemindedAt(GAPPED, "2026-04", now + 7);
  await store.requestLog.remember("v0=replayed", now + 300_000, now);
}

/** Every copied table, each with the columns its rows are ordered by. */
export const TABLES = {
  workspaces: "key",
  categories: "id",
  links: "id",
  workspace_settings: "workspace_key",
  workspace_admins: "workspace_key, kind, subject_id",
  roundup_runs: "id",
  roundup_reviews: "workspace_key, period",
} as const;

const JSON_COLUMNS = new Set(["recommendations", "votes", "message_ids"]);

/** One value as SQLite stores it: flags 0/1, JSON arrays parsed (key order aside), times numbers. */
function comparable(column: string, value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (JSON_COLUMNS.has(column) && typeof value === "string") return JSON.parse(value);
  return value;
}

type Rows = Record<string, unknown>[];

function normalized(rows: Rows): Rows {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, comparable(k, v)])));
}

/** Every table's rows, straight from SQLite. */
export function sqliteTables(client: Database.Database): Record<string, Rows> {
  return Object.fromEntries(
    Object.entries(TABLES).map(([table, order]) => [
      table,
      normalized(client.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Rows),
    ]),
  );
}

/** Every table's rows, straight from PostgreSQL. */
export async function postgresTables(session: PgSession): Promise<Record<string, Rows>> {
  const tables: Record<string, Rows> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    tables[table] = normalized((await session.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows);
  }
  return tables;
}
