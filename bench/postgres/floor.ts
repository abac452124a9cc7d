/**
 * The PostgreSQL floor: raw node-postgres (`pg.Pool`, the store's pool settings) running the SQL the
 * store runs, written out here, in the store's order, one round trip each, so the ratio to it is what
 * the project's own code costs on top of the driver and the server. Statements the store prepares
 * under a name (node-postgres: parsed once per connection) the floor prepares too. The bench's
 * like-for-like check compares, values included, what both sides send for one add and one month query.
 */
import pg from "pg";
import type { NewLink } from "../../src/core/types.js";
import { squash } from "../floor.js";

const LINK_COLUMNS = `workspace_key AS "workspace", number AS "id", url, normalized_url AS "normalizedUrl", title,
  author, description, site_name AS "siteName", note, category_id AS "categoryId", shared_by_id AS "sharedById",
  shared_by_name AS "sharedByName", shared_at AS "sharedAt", source, recommendations, canonical_url AS "canonicalUrl",
  votes, picked, dropped`;

/** The duplicate check `insertOrGet` runs first. */
export const BY_KEY_SQL = `SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = $1 AND normalized_url = $2
  UNION ALL
  SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = $1 AND canonical_url = $2
  LIMIT 1`;

/** Takes the workspace's next number (and its row lock). */
export const TAKE_NUMBER_SQL = `UPDATE workspaces SET last_link_number = last_link_number + 1 WHERE key = $1
  RETURNING last_link_number AS "number"`;

export const GIVE_NUMBER_BACK_SQL = `UPDATE workspaces SET last_link_number = last_link_number - 1 WHERE key = $1`;

export const INSERT_SQL = `INSERT INTO links (workspace_key, url, normalized_url, title, author, description, site_name,
    note, category_id, shared_by_id, shared_by_name, shared_at, source, canonical_url, number)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15
  WHERE NOT EXISTS (SELECT 1 FROM links WHERE workspace_key = $1 AND canonical_url = $3)
  ON CONFLICT (workspace_key, normalized_url) DO NOTHING
  RETURNING number`;

/** What `links.list(workspace, { from, to })` sends. */
export const MONTH_SQL = `SELECT ${LINK_COLUMNS} FROM links WHERE workspace_key = $1 AND shared_at >= $2 AND shared_at < $3
  ORDER BY shared_at, links.id`;

const INT8 = 20;

/** The pool NodePgDriver makes (src/storage/postgres/nodePgDriver.ts), int8 read as numbers as there. */
export function openFloorPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on("error", () => {});
  return pool;
}

const values = (link: NewLink, number: number) => [
  link.workspace,
  link.url,
  link.normalizedUrl,
  link.title,
  link.author,
  link.description,
  link.siteName,
  link.note,
  link.categoryId,
  link.sharedById,
  link.sharedByName,
  link.sharedAt,
  link.source,
  link.canonicalUrl,
  number,
];

/** One add's statements after BEGIN, on `client`: the duplicate check, then the number and the insert. */
async function addOn(client: pg.PoolClient, link: NewLink): Promise<void> {
  const byKey = { name: "by_key", text: BY_KEY_SQL, values: [link.workspace, link.normalizedUrl] };
  const found = await client.query(byKey);
  if (found.rows.length > 0) return;
  const taken = await client.query<{ number: number }>({
    name: "take_number",
    text: TAKE_NUMBER_SQL,
    values: [link.workspace],
  });
  const number = taken.rows[0]?.number;
  if (number === undefined) throw new Error(`no workspace ${link.workspace}`);
  const inserted = await client.query({ name: "insert", text: INSERT_SQL, values: values(link, number) });
  if (inserted.rowCount === 1) return;
  await client.query({ name: "give_number_back", text: GIVE_NUMBER_BACK_SQL, values: [link.workspace] });
  await client.query(byKey);
}

/** `links` added in one transaction on one pooled connection: one link is the core's add, many an import. */
export async function floorAdd(pool: pg.Pool, links: readonly NewLink[]): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    for (const link of links) await addOn(client, link);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function floorMonth(
  pool: pg.Pool,
  workspace: string,
  from: number,
  to: number,
): Promise<Record<string, unknown>[]> {
  return (await pool.query({ name: "month", text: MONTH_SQL, values: [workspace, from, to] })).rows;
}

/** One statement as a connection sent it: prepared under a name or not, its text (whitespace squashed), its values. */
export type Sent = string;

/**
 * Records every statement the pool's connections send from now on (pools hand out connections made
 * later; call before the first query). For the like-for-like check only: never on a timed pool.
 */
export function recordStatements(pool: pg.Pool): Sent[] {
  const sent: Sent[] = [];
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    Object.defineProperty(client, "query", {
      value: (...args: unknown[]) => {
        const [config, params] = args;
        const given = (typeof config === "string" ? { text: config, values: params } : config) as {
          name?: string;
          text: string;
          values?: unknown[];
        };
        const prepared = given.name === undefined ? "" : "(prepared) ";
        sent.push(`${prepared}${squash(given.text)} ${JSON.stringify(given.values ?? [])}`);
        return query(...args);
      },
    });
  });
  return sent;
}

/** How two statement logs differ, `workspace` keys replaced so the two sides may use their own. */
export function diffStatements(
  project: readonly Sent[],
  floor: readonly Sent[],
  workspaces: [string, string],
): string[] {
  const neutral = (log: readonly Sent[], key: string) => log.map((s) => s.replaceAll(key, "<workspace>"));
  const a = neutral(project, workspaces[0]);
  const b = neutral(floor, workspaces[1]);
  const at = a.findIndex((s, i) => s !== b[i]);
  if (at < 0 && a.length === b.length) return [];
  const index = at >= 0 ? at : Math.min(a.length, b.length);
  return [
    `statement ${index + 1} of ${a.length} (store) / ${b.length} (floor) differs:\n    store: ${a[index] ?? "(none)"}\n    floor: ${b[index] ?? "(none)"}`,
  ];
}
