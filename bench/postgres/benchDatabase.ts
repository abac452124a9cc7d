/**
 * The PostgreSQL database a bench runs on: a fresh one on the server BENCH_DATABASE_URL names (else
 * TEST_DATABASE_URL, else the local default), dropped when the bench ends, even on Ctrl-C.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { redactDatabaseUrl } from "../../src/storage/databaseUrl.js";

export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export const serverUrl = (): string =>
  process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_SERVER_URL;

export interface BenchDatabase {
  /** The server's URL with the new database's name. */
  url: string;
  name: string;
  /** The server's version, e.g. "15.20". */
  version: string;
  drop(): Promise<void>;
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // An error after connecting (the server going away) would otherwise be thrown as uncaught.
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `roundup_bench_<label>_<random>` on the server, or returns why it could not (no server
 * answering, no right to create databases), redacted, for the one line that says the rows were skipped.
 */
export async function createBenchDatabase(label: string): Promise<BenchDatabase | { skipped: string }> {
  const server = serverUrl();
  const name = `roundup_bench_${label}_${randomBytes(4).toString("hex")}`;
  let version: string;
  try {
    version = await onServer(server, async (client) => {
      await client.query(`CREATE DATABASE "${name}"`);
      const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
      return rows[0]?.server_version ?? "?";
    });
  } catch (error) {
    const why = error instanceof Error ? error.message || error.name : String(error);
    return {
      skipped: `no PostgreSQL database at ${redactDatabaseUrl(server)} (${why.replaceAll(server, redactDatabaseUrl(server))})`,
    };
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      const exit = () => process.exit(code);
      drop().then(exit, exit);
    });
  }
  return { url: url.toString(), name, version, drop };
}
