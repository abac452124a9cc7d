import { UserError } from "../../core/errors.js";
import { databaseKind, redactDatabaseUrl } from "../databaseUrl.js";
import { columnIndex, LINKS, type Snapshot } from "./copiedTables.js";
import type { CopyEnd } from "./copyEnd.js";
import { openPostgresEnd } from "./postgresEnd.js";
import { openSqliteEnd } from "./sqliteEnd.js";

/** How many rows of each kind a copy carried. */
export interface CopiedCounts {
  workspaces: number;
  categories: number;
  links: number;
  /** Later shares of a link by others, inside the links' rows. */
  recommendations: number;
  /** +1s on links, inside the links' rows. */
  votes: number;
  settings: number;
  admins: number;
  roundups: number;
  /** Editors' reviews of a roundup (its draft, a hold). */
  reviews: number;
}

export interface CopyReport {
  /** Both databases as output may name them (no password). */
  from: string;
  to: string;
  copied: CopiedCounts;
  /** How many workspaces the target held and `force` replaced; null when it was empty. */
  replaced: number | null;
}

export interface CopyRequest {
  /** The target: a postgres:// URL, or a SQLite path or file: URL. */
  to: string;
  /** Replace whatever the target holds instead of refusing. */
  force: boolean;
}

/** `roundup db copy` as the CLI calls it, with the source already bound (DATABASE_URL). */
export type CopyDatabase = (request: CopyRequest) => Promise<CopyReport>;

function rowsOf(snapshot: Snapshot, table: string): number {
  return snapshot.find((t) => t.table.name === table)?.rows.length ?? 0;
}

/** The entries of a JSON array column of the links, over every link. */
function countInLinks(snapshot: Snapshot, columnName: "recommendations" | "votes"): number {
  const links = snapshot.find((t) => t.table.name === LINKS);
  if (!links) return 0;
  const column = columnIndex(links.table, columnName);
  return links.rows.reduce((sum, row) => sum + (Array.isArray(row[column]) ? row[column].length : 0), 0);
}

function countsOf(snapshot: Snapshot): CopiedCounts {
  return {
    workspaces: rowsOf(snapshot, "workspaces"),
    categories: rowsOf(snapshot, "categories"),
    links: rowsOf(snapshot, LINKS),
    recommendations: countInLinks(snapshot, "recommendations"),
    votes: countInLinks(snapshot, "votes"),
    settings: rowsOf(snapshot, "workspace_settings"),
    admins: rowsOf(snapshot, "workspace_admins"),
    roundups: rowsOf(snapshot, "roundup_runs"),
    reviews: rowsOf(snapshot, "roundup_reviews"),
  };
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : nouns}`;
}

/**
 * Copies everything from `source` into `target` in one transaction of the target's, keeping every id
 * and link number. Refuses (a UserError, nothing written) when both are one database, or when the
 * target holds a workspace already and `force` is not set; with `force` the target is emptied first,
 * in the same transaction.
 */
export async function copyBetween(source: CopyEnd, target: CopyEnd, force: boolean): Promise<CopyReport> {
  if ((await source.identity()) === (await target.identity())) {
    throw new UserError(
      "copy.sameDatabase",
      `--to ${target.label} is the database DATABASE_URL already points to: a copy needs another one.`,
    );
  }
  const snapshot = await source.read();
  let replaced: number | null = null;
  await target.write(snapshot, (held) => {
    if (held === 0) return false;
    if (!force) {
      throw new UserError(
        "copy.targetNotEmpty",
        `${target.label} already holds ${plural(held, "workspace")}: nothing was copied. Add --force to replace everything it holds, or copy into an empty database.`,
        { held },
      );
    }
    replaced = held;
    return true;
  });
  return { from: source.label, to: target.label, copied: countsOf(snapshot), replaced };
}

async function openEnd(url: string, role: "source" | "target"): Promise<CopyEnd> {
  const label = redactDatabaseUrl(url);
  const kind = databaseKind(url);
  if (kind === "postgres") return openPostgresEnd(url, role, label);
  if (kind === "sqlite") return openSqliteEnd(url, role, label);
  const option = role === "source" ? "DATABASE_URL" : "--to";
  throw new UserError(
    "copy.unsupportedUrl",
    `${option} must be a PostgreSQL URL (postgres://user@host/database) or a SQLite path or file: URL, not ${label}.`,
  );
}

/** Opens `from` and `to` (migrating both), copies, and lets go of both whatever happens. */
export async function copyDatabase(from: string, request: CopyRequest): Promise<CopyReport> {
  const source = await openEnd(from, "source");
  let target: CopyEnd | undefined;
  let outcome: "done" | "failed" = "failed";
  try {
    target = await openEnd(request.to, "target");
    const report = await copyBetween(source, target, request.force);
    outcome = "done";
    return report;
  } finally {
    await target?.close(outcome);
    await source.close("done");
  }
}

/** The sentence `db copy` answers with. */
export function describeCopy({ from, to, copied, replaced }: CopyReport): string {
  const parts = [
    plural(copied.workspaces, "workspace"),
    plural(copied.categories, "category", "categories"),
    `${plural(copied.links, "link")} (${plural(copied.recommendations, "recommendation")}, ${plural(copied.votes, "vote")})`,
    plural(copied.settings, "setting"),
    plural(copied.admins, "admin"),
    plural(copied.roundups, "roundup"),
    plural(copied.reviews, "review"),
  ];
  const list = `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  const replacing = replaced === null ? "" : `, replacing the ${plural(replaced, "workspace")} it held`;
  return `Copied ${list} from ${from} to ${to}${replacing}.`;
}
