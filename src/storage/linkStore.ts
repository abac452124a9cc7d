import type Database from "better-sqlite3";
import { getTableColumns } from "drizzle-orm";
import type { LinkFilter, LinkPatch, LinkStore } from "../core/ports/linkStore.js";
import type { Curation, Link, NewLink, Recommendation, Vote, WorkspaceKey } from "../core/types.js";
import { createdLink } from "./createdLink.js";
import { linksTable, workspacesTable } from "./schema.js";
import { selectColumns, sqlColumns } from "./sqlColumns.js";
import type { Immediate } from "./transactionGate.js";

const l = sqlColumns(linksTable);
const w = sqlColumns(workspacesTable);

/**
 * How a link's fields are named in the domain type where the table says otherwise. A link's `id` is
 * its number in its workspace (what people see as #12); the table's own id stays inside storage.
 */
const FIELD_NAMES = { number: "id", workspaceKey: "workspace" } as const;

/** Every column but the table's own id, under the names of the domain type: a row needs almost no mapping. */
const LINK_COLUMNS = selectColumns(linksTable, { rename: FIELD_NAMES, omit: ["id"] });

/** The columns a search reads: what people wrote and what pages said about themselves. */
const SEARCHED_COLUMNS = [l.title, l.note, l.author, l.description, l.url, l.sharedByName];

/** A new link's number: its workspace's next one (a trigger moves the counter on, migration 0003). */
const NEXT_NUMBER = `(SELECT ${w.lastLinkNumber} + 1 FROM ${w.$table} WHERE ${w.key} = @workspace)`;

/** What a new link leaves to the columns' defaults: the table's id, and what only later shares, votes and editors add. */
const NOT_INSERTED = new Set(["id", "recommendations", "votes", "picked", "dropped"]);

/** A new link's columns and the values it takes, by the domain's names (`@url`). */
const INSERTED = Object.entries(getTableColumns(linksTable))
  .filter(([key]) => !NOT_INSERTED.has(key))
  .map(([key, column]) => ({
    column: column.name,
    value: key === "number" ? NEXT_NUMBER : `@${FIELD_NAMES[key as keyof typeof FIELD_NAMES] ?? key}`,
  }));

type LinkRow = Omit<Link, "recommendations" | "votes" | "picked" | "dropped"> & {
  recommendations: string | null;
  votes: string;
  picked: number;
  dropped: number;
};

/** An empty list of votes, as most links have: spares parsing it. */
const NO_VOTES = "[]";

function toLink(row: LinkRow): Link {
  const link = row as unknown as Link;
  link.recommendations =
    row.recommendations === null ? [] : (JSON.parse(row.recommendations) as Recommendation[]);
  link.votes = row.votes === NO_VOTES ? [] : (JSON.parse(row.votes) as Vote[]);
  link.picked = row.picked !== 0;
  link.dropped = row.dropped !== 0;
  return link;
}

/** A flag as SQLite binds it (better-sqlite3 takes no booleans); null leaves the column as it is. */
function flag(value: boolean | undefined): number | null {
  return value === undefined ? null : Number(value);
}

/**
 * Links go through statements prepared on better-sqlite3 directly rather than Drizzle's builder: adds
 * and the month query are the hot paths (see `npm run bench`), and the builder's per-row mapping costs
 * 1.5x there. Their SQL text takes every table and column name from schema.ts (`sqlColumns`).
 */
export class SqliteLinkStore implements Immediate<LinkStore> {
  private readonly insert: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly appendRecommendation: Database.Statement;
  private readonly deleteById: Database.Statement;
  private readonly curateById: Database.Statement;
  private readonly appendVote: Database.Statement;
  private readonly listStatements = new Map<string, Database.Statement>();

  constructor(private readonly client: Database.Database) {
    this.insert = client.prepare(
      `INSERT INTO ${l.$table} (${INSERTED.map((i) => i.column).join(", ")})
       VALUES (${INSERTED.map((i) => i.value).join(", ")})
       ON CONFLICT (${l.workspaceKey}, ${l.normalizedUrl}) DO NOTHING
       RETURNING ${l.number}`,
    );
    // Two index probes glued by UNION ALL: an OR here makes SQLite scan the workspace's links.
    this.byKey = client.prepare(
      `SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${l.workspaceKey} = @workspace AND ${l.normalizedUrl} = @key
       UNION ALL
       SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${l.workspaceKey} = @workspace AND ${l.canonicalUrl} = @key
       LIMIT 1`,
    );
    this.byId = client.prepare(
      `SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${l.workspaceKey} = ? AND ${l.number} = ?`,
    );
    this.appendRecommendation = client.prepare(
      `UPDATE ${l.$table} SET ${l.recommendations} = json_insert(coalesce(${l.recommendations}, '[]'), '$[#]', json(?))
       WHERE ${l.workspaceKey} = ? AND ${l.number} = ?`,
    );
    this.deleteById = client.prepare(
      `DELETE FROM ${l.$table} WHERE ${l.workspaceKey} = ? AND ${l.number} = ?`,
    );
    this.curateById = client.prepare(
      `UPDATE ${l.$table} SET ${l.picked} = coalesce(@picked, ${l.picked}), ${l.dropped} = coalesce(@dropped, ${l.dropped})
       WHERE ${l.workspaceKey} = @workspace AND ${l.number} = @id
       RETURNING ${LINK_COLUMNS}`,
    );
    // One statement: the check for this person's vote and the append cannot be split by another's.
    this.appendVote = client.prepare(
      `UPDATE ${l.$table} SET ${l.votes} = json_insert(${l.votes}, '$[#]', json(@vote))
       WHERE ${l.workspaceKey} = @workspace AND ${l.number} = @id
         AND NOT EXISTS (SELECT 1 FROM json_each(${l.votes}) WHERE value ->> 'userId' = @userId)`,
    );
  }

  insertOrGet(link: NewLink): { link: Link; created: boolean } {
    // Looking first spares the insert in the common duplicate case; ON CONFLICT still settles a race
    // between two processes.
    const existing = this.rowByKey(link.workspace, link.normalizedUrl);
    if (existing) return { link: toLink(existing), created: false };
    const inserted = this.insert.get(link) as { number: number } | undefined;
    if (inserted) {
      return { link: createdLink(link, inserted.number), created: true };
    }
    const winner = this.rowByKey(link.workspace, link.normalizedUrl);
    if (!winner) throw new Error("link insert was ignored but no existing link was found");
    return { link: toLink(winner), created: false };
  }

  findByKey(workspace: WorkspaceKey, key: string): Link | undefined {
    const row = this.rowByKey(workspace, key);
    return row && toLink(row);
  }

  private rowByKey(workspace: WorkspaceKey, key: string): LinkRow | undefined {
    return this.byKey.get({ workspace, key }) as LinkRow | undefined;
  }

  addRecommendation(workspace: WorkspaceKey, id: number, recommendation: Recommendation): void {
    this.appendRecommendation.run(JSON.stringify(recommendation), workspace, id);
  }

  get(workspace: WorkspaceKey, id: number): Link | undefined {
    const row = this.byId.get(workspace, id) as LinkRow | undefined;
    return row && toLink(row);
  }

  update(workspace: WorkspaceKey, id: number, patch: LinkPatch): Link | undefined {
    const keys = (Object.keys(patch) as (keyof LinkPatch)[]).filter((key) => patch[key] !== undefined);
    if (keys.length > 0) {
      const assignments = keys.map((key) => `${l[key]} = @${key}`).join(", ");
      const values: Record<string, unknown> = { workspace, id };
      for (const key of keys) values[key] = patch[key];
      this.client
        .prepare(
          `UPDATE ${l.$table} SET ${assignments} WHERE ${l.workspaceKey} = @workspace AND ${l.number} = @id`,
        )
        .run(values);
    }
    return this.get(workspace, id);
  }

  remove(workspace: WorkspaceKey, id: number): boolean {
    return this.deleteById.run(workspace, id).changes === 1;
  }

  curate(workspace: WorkspaceKey, id: number, curation: Curation): Link | undefined {
    const row = this.curateById.get({
      workspace,
      id,
      picked: flag(curation.picked),
      dropped: flag(curation.dropped),
    }) as LinkRow | undefined;
    return row && toLink(row);
  }

  addVote(workspace: WorkspaceKey, id: number, vote: Vote): boolean {
    return (
      this.appendVote.run({ workspace, id, userId: vote.userId, vote: JSON.stringify(vote) }).changes === 1
    );
  }

  list(workspace: WorkspaceKey, filter: LinkFilter = {}): Link[] {
    const where = [`${l.workspaceKey} = @workspace`];
    const params: Record<string, unknown> = { workspace };
    if (filter.from !== undefined) {
      where.push(`${l.sharedAt} >= @from`);
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      where.push(`${l.sharedAt} < @to`);
      params.to = filter.to;
    }
    if (filter.categoryId === null) where.push(`${l.categoryId} IS NULL`);
    else if (filter.categoryId !== undefined) {
      where.push(`${l.categoryId} = @categoryId`);
      params.categoryId = filter.categoryId;
    }
    if (filter.sharedById !== undefined) {
      where.push(`${l.sharedById} = @sharedById`);
      params.sharedById = filter.sharedById;
    }
    if (filter.sharedByName !== undefined) {
      where.push(`${l.sharedByName} = @sharedByName COLLATE NOCASE`);
      params.sharedByName = filter.sharedByName;
    }
    const words = (filter.search ?? "").split(/\s+/).filter((word) => word.length > 0);
    words.forEach((word, i) => {
      // Recommendations are JSON: only their notes and names are text; their keys, ids and times are not.
      where.push(
        `(${SEARCHED_COLUMNS.map((column) => `${column} LIKE @w${i} ESCAPE '\\'`).join(" OR ")}
          OR EXISTS (SELECT 1 FROM json_each(${l.recommendations})
            WHERE value ->> 'note' LIKE @w${i} ESCAPE '\\' OR value ->> 'userName' LIKE @w${i} ESCAPE '\\'))`,
      );
      params[`w${i}`] = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    });
    let sql = `SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${where.join(" AND ")} ORDER BY ${l.sharedAt}, ${l.$table}.${l.id}`;
    if (filter.limit !== undefined || filter.offset !== undefined) {
      // SQLite takes an OFFSET only after a LIMIT; a negative one means none.
      sql += " LIMIT @limit OFFSET @offset";
      params.limit = filter.limit ?? -1;
      params.offset = filter.offset ?? 0;
    }
    let statement = this.listStatements.get(sql);
    if (!statement) {
      statement = this.client.prepare(sql);
      this.listStatements.set(sql, statement);
    }
    return (statement.all(params) as LinkRow[]).map(toLink);
  }
}
