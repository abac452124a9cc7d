/**
 * The floor for bench/cliBench.ts: the least a program can do to answer `list --json`. Opens
 * DATABASE_URL (a plain path) with better-sqlite3 and drizzle-orm, selects the default workspace's
 * links with their category names, and prints them in the CLI's JSON shape, so the bench can check
 * both print the same bytes. Plain JavaScript, run by `npm run -s bench:cli-floor`: nothing to compile.
 */
import Database from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const links = sqliteTable("links", {
  id: integer("id").primaryKey(),
  workspaceKey: text("workspace_key").notNull(),
  number: integer("number").notNull(),
  url: text("url").notNull(),
  title: text("title"),
  author: text("author"),
  description: text("description"),
  siteName: text("site_name"),
  note: text("note"),
  categoryId: integer("category_id"),
  sharedById: text("shared_by_id").notNull(),
  sharedByName: text("shared_by_name").notNull(),
  sharedAt: integer("shared_at").notNull(),
  source: text("source").notNull(),
  recommendations: text("recommendations"),
});
const categories = sqliteTable("categories", { id: integer("id").primaryKey(), name: text("name") });

const client = new Database(process.env.DATABASE_URL, { fileMustExist: true });
const rows = drizzle({ client })
  .select({ link: links, category: categories.name })
  .from(links)
  .leftJoin(categories, eq(links.categoryId, categories.id))
  .where(eq(links.workspaceKey, "local:default"))
  .orderBy(asc(links.sharedAt), asc(links.id))
  .all();
client.close();

const iso = (ms) => new Date(ms).toISOString();
const json = rows.map(({ link, category }) => ({
  id: link.number,
  url: link.url,
  title: link.title,
  author: link.author,
  description: link.description,
  siteName: link.siteName,
  note: link.note,
  category,
  sharedBy: link.sharedByName,
  sharedById: link.sharedById,
  sharedAt: iso(link.sharedAt),
  source: link.source,
  recommendations: JSON.parse(link.recommendations ?? "[]").map((r) => ({
    by: r.userName,
    note: r.note,
    at: iso(r.sharedAt),
  })),
}));
process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
