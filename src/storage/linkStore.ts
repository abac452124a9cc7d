import type Database from "better-sqlite3";
import type { LinkFilter, LinkPatch, LinkStore } from "../core/ports/linkStore.js";
import type { Link, NewLink, Recommendation, WorkspaceKey } from "../core/types.js";
import type { Immediate } from "./transactionGate.js";

/**
 * Columns under the names of the domain type, so a row needs almost no mapping. A link's `id` is its
 * number in its workspace (what people see as #12); the table's own id stays inside storage.
 */
const LINK_COLUMNS = `number AS id, workspace_key AS workspace, url, normalized_url AS normalizedUrl, title, author,
  description, site_name AS siteName, note, category_id AS categoryId, shared_by_id AS sharedById,
  shared_by_name AS sharedByName, shared_at AS sharedAt, source, canonical_url AS canonicalUrl, recommendations`;

/** The columns a search reads: what people wrote and what pages said about themselves. */
const SEARCHED_COLUMNS = ["title", "note", "author", "description", "url", "shared_by_name"];

type LinkRow = Omit<Link, "recommendations"> & { recommendations: string | null };

function toLink(row: LinkRow): Link {
  const link = row as unknown as Link;
  link.recommendations =
    row.recommendations === null ? [] : (JSON.parse(row.recommendations) as Recommendation[]);
  return link;
}

const PATCH_COLUMNS: Record<keyof LinkPatch, string> = {
  title: "title",
  author: "author",
  description: "description",
  siteName: "site_name",
  note: "note",
  categoryId: "category_id",
  canonicalUrl: "canonical_url",
};

/**
 * Links go through hand-written prepared statements rather than Drizzle's builder: adds and the month
 * query are the hot paths (see `npm run bench`), and the builder's per-row mapping costs 1.5x there.
 */
export class SqliteLinkStore implements Immediate<LinkStore> {
  private readonly insert: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly appendRecommendation: Database.Statement;
  private readonly deleteById: Database.Statement;
  private readonly listStatements = new Map<string, Database.Statement>();

  constructor(private readonly client: Database.Database) {
    this.insert = client.prepare(
      `INSERT INTO links (workspace_key, number, url, normalized_url, title, author, description, site_name,
         note, category_id, shared_by_id, shared_by_name, shared_at, source, canonical_url)
       VALUES (@workspace, (SELECT last_link_number + 1 FROM workspaces WHERE key = @workspace), @url,
         @normalizedUrl, @title, @author, @description, @siteName, @note, @categoryId, @sharedById,
         @sharedByName, @sharedAt, @source, @canonicalUrl)
       ON CONFLICT (workspace_key, normalized_url) DO NOTHING
       RETURNING number`,
    );
    // Two index probes glued by UNION ALL: an OR here makes SQLite scan the workspace's links.
    this.byKey = client.prepare(
      `SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = @workspace AND normalized_url = @key
       UNION ALL
       SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = @workspace AND canonical_url = @key
       LIMIT 1`,
    );
    this.byId = client.prepare(`SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = ? AND number = ?`);
    this.appendRecommendation = client.prepare(
      `UPDATE links SET recommendations = json_insert(coalesce(recommendations, '[]'), '$[#]', json(?))
       WHERE workspace_key = ? AND number = ?`,
    );
    this.deleteById = client.prepare("DELETE FROM links WHERE workspace_key = ? AND number = ?");
  }

  insertOrGet(link: NewLink): { link: Link; created: boolean } {
    // Looking first spares the insert in the common duplicate case; ON CONFLICT still settles a race
    // between two processes.
    const existing = this.rowByKey(link.workspace, link.normalizedUrl);
    if (existing) return { link: toLink(existing), created: false };
    const inserted = this.insert.get(link) as { number: number } | undefined;
    if (inserted) {
      // Listed field by field: on Node 20, spreading and then adding fields costs more than the insert's
      // own overhead (see npm run bench).
      const created: Link = {
        id: inserted.number,
        workspace: link.workspace,
        url: link.url,
        normalizedUrl: link.normalizedUrl,
        title: link.title,
        author: link.author,
        description: link.description,
        siteName: link.siteName,
        note: link.note,
        categoryId: link.categoryId,
        sharedById: link.sharedById,
        sharedByName: link.sharedByName,
        sharedAt: link.sharedAt,
        source: link.source,
        canonicalUrl: link.canonicalUrl,
        recommendations: [],
      };
      return { link: created, created: true };
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
      const assignments = keys.map((key) => `${PATCH_COLUMNS[key]} = @${key}`).join(", ");
      const values: Record<string, unknown> = { workspace, id };
      for (const key of keys) values[key] = patch[key];
      this.client
        .prepare(`UPDATE links SET ${assignments} WHERE workspace_key = @workspace AND number = @id`)
        .run(values);
    }
    return this.get(workspace, id);
  }

  remove(workspace: WorkspaceKey, id: number): boolean {
    return this.deleteById.run(workspace, id).changes === 1;
  }

  list(workspace: WorkspaceKey, filter: LinkFilter = {}): Link[] {
    const where = ["workspace_key = @workspace"];
    const params: Record<string, unknown> = { workspace };
    if (filter.from !== undefined) {
      where.push("shared_at >= @from");
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      where.push("shared_at < @to");
      params.to = filter.to;
    }
    if (filter.categoryId === null) where.push("category_id IS NULL");
    else if (filter.categoryId !== undefined) {
      where.push("category_id = @categoryId");
      params.categoryId = filter.categoryId;
    }
    if (filter.sharedById !== undefined) {
      where.push("shared_by_id = @sharedById");
      params.sharedById = filter.sharedById;
    }
    if (filter.sharedByName !== undefined) {
      where.push("shared_by_name = @sharedByName COLLATE NOCASE");
      params.sharedByName = filter.sharedByName;
    }
    const words = (filter.search ?? "").split(/\s+/).filter((word) => word.length > 0);
    words.forEach((word, i) => {
      // Recommendations are JSON: only their notes and names are text; their keys, ids and times are not.
      where.push(
        `(${SEARCHED_COLUMNS.map((column) => `${column} LIKE @w${i} ESCAPE '\\'`).join(" OR ")}
          OR EXISTS (SELECT 1 FROM json_each(recommendations)
            WHERE value ->> 'note' LIKE @w${i} ESCAPE '\\' OR value ->> 'userName' LIKE @w${i} ESCAPE '\\'))`,
      );
      params[`w${i}`] = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    });
    let sql = `SELECT ${LINK_COLUMNS} FROM links WHERE ${where.join(" AND ")} ORDER BY shared_at, links.id`;
    if (filter.limit !== undefined) {
      sql += " LIMIT @limit OFFSET @offset";
      params.limit = filter.limit;
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
