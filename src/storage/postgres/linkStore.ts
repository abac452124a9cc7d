import type { LinkFilter, LinkPatch, LinkStore } from "../../core/ports/linkStore.js";
import type { Curation, Link, NewLink, Recommendation, Vote, WorkspaceKey } from "../../core/types.js";
import { createdLink } from "../createdLink.js";
import { selectColumns, sqlColumns } from "../sqlColumns.js";
import { placeholders } from "./pgErrors.js";
import { linksTable, workspacesTable } from "./schema.js";
import type { JoinedTransactions } from "./session.js";

const l = sqlColumns(linksTable);
const w = sqlColumns(workspacesTable);

/** Every column but the table's own id, under the domain's names (a link's `id` is its number). */
const LINK_COLUMNS = selectColumns(linksTable, {
  rename: { number: "id", workspaceKey: "workspace" },
  omit: ["id"],
  quote: true,
});

/** A new link's fields in the order of `INSERTED_COLUMNS`. */
const NEW_LINK_FIELDS = [
  "workspace",
  "url",
  "normalizedUrl",
  "title",
  "author",
  "description",
  "siteName",
  "note",
  "categoryId",
  "sharedById",
  "sharedByName",
  "sharedAt",
  "source",
  "canonicalUrl",
] as const satisfies readonly (keyof NewLink)[];

const INSERTED_COLUMNS = [
  l.workspaceKey,
  l.url,
  l.normalizedUrl,
  l.title,
  l.author,
  l.description,
  l.siteName,
  l.note,
  l.categoryId,
  l.sharedById,
  l.sharedByName,
  l.sharedAt,
  l.source,
  l.canonicalUrl,
];

const NUMBER_PARAM = `$${NEW_LINK_FIELDS.length + 1}`;

/** The columns a search reads: what people wrote and what pages said about themselves. */
const SEARCHED_COLUMNS = [l.title, l.note, l.author, l.description, l.url, l.sharedByName];

/** Takes the workspace's next number, locking its row until the transaction ends: adds queue here. */
const TAKE_NUMBER = `UPDATE ${w.$table} SET ${w.lastLinkNumber} = ${w.lastLinkNumber} + 1 WHERE ${w.key} = $1
  RETURNING ${w.lastLinkNumber} AS "number"`;

/** Gives the number back when the link turned out to be there already: no gap in the numbering. */
const GIVE_NUMBER_BACK = `UPDATE ${w.$table} SET ${w.lastLinkNumber} = ${w.lastLinkNumber} - 1 WHERE ${w.key} = $1`;

/**
 * Inserts unless a link of the workspace has this URL as its normalized URL (the unique index) or
 * its canonical one (the NOT EXISTS).
 */
const INSERT = `INSERT INTO ${l.$table} (${INSERTED_COLUMNS.join(", ")}, ${l.number})
  SELECT ${placeholders(NEW_LINK_FIELDS.length)}, ${NUMBER_PARAM}
  WHERE NOT EXISTS (SELECT 1 FROM ${l.$table} WHERE ${l.workspaceKey} = $1 AND ${l.canonicalUrl} = $3)
  ON CONFLICT (${l.workspaceKey}, ${l.normalizedUrl}) DO NOTHING
  RETURNING ${l.number}`;

const BY_KEY = `SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${l.workspaceKey} = $1 AND ${l.normalizedUrl} = $2
  UNION ALL
  SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${l.workspaceKey} = $1 AND ${l.canonicalUrl} = $2
  LIMIT 1`;

const BY_ID = `SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${l.workspaceKey} = $1 AND ${l.number} = $2`;

const APPEND_RECOMMENDATION = `UPDATE ${l.$table}
  SET ${l.recommendations} = coalesce(${l.recommendations}, '[]'::jsonb) || jsonb_build_array($3::jsonb)
  WHERE ${l.workspaceKey} = $1 AND ${l.number} = $2`;

/** An editor's marks; a mark given as null stays as it is. */
const CURATE = `UPDATE ${l.$table}
  SET ${l.picked} = coalesce($3::boolean, ${l.picked}), ${l.dropped} = coalesce($4::boolean, ${l.dropped})
  WHERE ${l.workspaceKey} = $1 AND ${l.number} = $2
  RETURNING ${LINK_COLUMNS}`;

/**
 * Appends `[vote]` unless the votes hold one of this person's. One statement: a second vote on the
 * row waits for the first's lock, then is judged (and appended) against the votes as the first left them.
 */
const APPEND_VOTE = `UPDATE ${l.$table} SET ${l.votes} = ${l.votes} || $3::jsonb
  WHERE ${l.workspaceKey} = $1 AND ${l.number} = $2
    AND NOT (${l.votes} @> jsonb_build_array(jsonb_build_object('userId', $4::text)))`;

const DELETE = `DELETE FROM ${l.$table} WHERE ${l.workspaceKey} = $1 AND ${l.number} = $2`;

/**
 * Without search words a list's text is one of a few hundred at most (which filters are set), each prepared
 * under a name of its own; searches, one text per number of words, are left unnamed.
 */
const listNames = new Map<string, string>();
function listName(sql: string): string {
  let name = listNames.get(sql);
  if (name === undefined) {
    name = `links_list_${listNames.size}`;
    listNames.set(sql, name);
  }
  return name;
}

type LinkRow = Omit<Link, "recommendations"> & { recommendations: Recommendation[] | null };

function toLink(row: LinkRow): Link {
  const link = row as unknown as Link;
  link.recommendations ??= [];
  return link;
}

/**
 * Links on PostgreSQL. Numbering is this dialect's own: SQLite moves the counter with a trigger; here
 * an add takes the number with an UPDATE of the workspace's row, whose lock orders adds to one
 * workspace across every replica, and gives it back if the page was there already.
 */
export class PgLinkStore implements LinkStore {
  constructor(private readonly db: JoinedTransactions) {}

  async insertOrGet(link: NewLink): Promise<{ link: Link; created: boolean }> {
    // Looking first spares the lock in the common duplicate case.
    const existing = await this.rowByKey(link.workspace, link.normalizedUrl);
    if (existing) return { link: toLink(existing), created: false };
    return this.db.transaction(async () => {
      const taken = await this.db.query<{ number: number }>(
        TAKE_NUMBER,
        [link.workspace],
        "links_take_number",
      );
      const number = taken.rows[0]?.number;
      if (number === undefined) throw new Error(`no workspace ${link.workspace} to add a link to`);
      const values: unknown[] = NEW_LINK_FIELDS.map((field) => link[field]);
      values.push(number);
      const inserted = await this.db.query(INSERT, values, "links_insert");
      if (inserted.rowCount === 1) {
        return { link: createdLink(link, number), created: true };
      }
      // Someone else's add of the same page committed while this one waited for the number.
      await this.db.query(GIVE_NUMBER_BACK, [link.workspace], "links_give_number_back");
      const winner = await this.rowByKey(link.workspace, link.normalizedUrl);
      if (!winner) throw new Error("link insert was ignored but no existing link was found");
      return { link: toLink(winner), created: false };
    });
  }

  async findByKey(workspace: WorkspaceKey, key: string): Promise<Link | undefined> {
    const row = await this.rowByKey(workspace, key);
    return row && toLink(row);
  }

  private async rowByKey(workspace: WorkspaceKey, key: string): Promise<LinkRow | undefined> {
    return (await this.db.query<LinkRow>(BY_KEY, [workspace, key], "links_by_key")).rows[0];
  }

  async addRecommendation(
    workspace: WorkspaceKey,
    id: number,
    recommendation: Recommendation,
  ): Promise<void> {
    await this.db.query(APPEND_RECOMMENDATION, [workspace, id, JSON.stringify(recommendation)]);
  }

  async get(workspace: WorkspaceKey, id: number): Promise<Link | undefined> {
    const row = (await this.db.query<LinkRow>(BY_ID, [workspace, id])).rows[0];
    return row && toLink(row);
  }

  async update(workspace: WorkspaceKey, id: number, patch: LinkPatch): Promise<Link | undefined> {
    const keys = (Object.keys(patch) as (keyof LinkPatch)[]).filter((key) => patch[key] !== undefined);
    if (keys.length === 0) return this.get(workspace, id);
    const assignments = keys.map((key, i) => `${l[key]} = $${i + 3}`).join(", ");
    const { rows } = await this.db.query<LinkRow>(
      `UPDATE ${l.$table} SET ${assignments} WHERE ${l.workspaceKey} = $1 AND ${l.number} = $2 RETURNING ${LINK_COLUMNS}`,
      [workspace, id, ...keys.map((key) => patch[key])],
    );
    return rows[0] && toLink(rows[0]);
  }

  async remove(workspace: WorkspaceKey, id: number): Promise<boolean> {
    return (await this.db.query(DELETE, [workspace, id])).rowCount === 1;
  }

  async curate(workspace: WorkspaceKey, id: number, curation: Curation): Promise<Link | undefined> {
    const { rows } = await this.db.query<LinkRow>(CURATE, [
      workspace,
      id,
      curation.picked ?? null,
      curation.dropped ?? null,
    ]);
    return rows[0] && toLink(rows[0]);
  }

  async addVote(workspace: WorkspaceKey, id: number, vote: Vote): Promise<boolean> {
    const appended = await this.db.query(APPEND_VOTE, [workspace, id, JSON.stringify([vote]), vote.userId]);
    return appended.rowCount === 1;
  }

  async list(workspace: WorkspaceKey, filter: LinkFilter = {}): Promise<Link[]> {
    const params: unknown[] = [workspace];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`${l.workspaceKey} = $1`];
    if (filter.from !== undefined) where.push(`${l.sharedAt} >= ${param(filter.from)}`);
    if (filter.to !== undefined) where.push(`${l.sharedAt} < ${param(filter.to)}`);
    if (filter.categoryId === null) where.push(`${l.categoryId} IS NULL`);
    else if (filter.categoryId !== undefined) where.push(`${l.categoryId} = ${param(filter.categoryId)}`);
    if (filter.sharedById !== undefined) where.push(`${l.sharedById} = ${param(filter.sharedById)}`);
    if (filter.sharedByName !== undefined) {
      where.push(`lower(${l.sharedByName}) = lower(${param(filter.sharedByName)})`);
    }
    for (const word of (filter.search ?? "").split(/\s+/).filter((w) => w.length > 0)) {
      const pattern = param(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      // Recommendations are JSON: only their notes and names are text; their keys, ids and times are not.
      where.push(
        `(${SEARCHED_COLUMNS.map((column) => `${column} ILIKE ${pattern}`).join(" OR ")}
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(${l.recommendations}) AS r(value)
            WHERE r.value ->> 'note' ILIKE ${pattern} OR r.value ->> 'userName' ILIKE ${pattern}))`,
      );
    }
    let sql = `SELECT ${LINK_COLUMNS} FROM ${l.$table} WHERE ${where.join(" AND ")} ORDER BY ${l.sharedAt}, ${l.$table}.${l.id}`;
    if (filter.limit !== undefined) sql += ` LIMIT ${param(filter.limit)}`;
    if (filter.offset !== undefined) sql += ` OFFSET ${param(filter.offset)}`;
    return (await this.db.query<LinkRow>(sql, params, filter.search ? undefined : listName(sql))).rows.map(
      toLink,
    );
  }
}
