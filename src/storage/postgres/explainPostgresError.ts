import { redactDatabaseUrl } from "../databaseUrl.js";
import { pgErrorCode } from "./pgErrors.js";

function where(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname.length > 1 ? url.pathname : ""}`;
  } catch {
    return redactDatabaseUrl(databaseUrl);
  }
}

/**
 * What keeps the PostgreSQL database at `databaseUrl` from being used, in one line for whoever runs
 * Roundup: it names DATABASE_URL and the server (never the password) and says what to do. Null when
 * `error` is not about reaching or using the database.
 */
export function explainPostgresError(error: unknown, databaseUrl: string): string | null {
  if (!(error instanceof Error)) return null;
  const server = where(databaseUrl);
  const code = pgErrorCode(error) ?? (error as NodeJS.ErrnoException).code;
  const message = error.message;
  switch (code) {
    case "ECONNREFUSED":
      return `DATABASE_URL points to PostgreSQL at ${server}, which refused the connection: start the server, or check the host and port.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `DATABASE_URL points to PostgreSQL at ${server}, but that host name does not resolve: check the host.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `DATABASE_URL points to PostgreSQL at ${server}, which cannot be reached: check the host, the port and the network.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${server} refused the user or password in DATABASE_URL: check them (the password is never shown).`;
    case "3D000":
      return `DATABASE_URL names a database that does not exist on ${server}: create it (createdb), or fix the name.`;
    case "42501":
      return `The user in DATABASE_URL may not create Roundup's tables on ${server}: grant it CREATE on the database (or run Roundup once as its owner).`;
    case "53300":
      return `PostgreSQL at ${server} has no connection left for Roundup: lower DATABASE_POOL_MAX, or raise the server's max_connections.`;
    case "25006":
      return `DATABASE_URL points to a PostgreSQL server at ${server} that only reads (a standby): point it at the primary.`;
  }
  if (
    /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(message)
  ) {
    return `DATABASE_URL points to PostgreSQL at ${server}, which did not answer in time: check the host, the port and the network.`;
  }
  if (/does not support SSL|SSL|self[- ]signed|certificate/i.test(message)) {
    return `Could not set up TLS with PostgreSQL at ${server} (${message}): check sslmode in DATABASE_URL (README: Run on PostgreSQL).`;
  }
  return null;
}
