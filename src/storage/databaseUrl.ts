export type DatabaseKind = "sqlite" | "postgres";

/**
 * Which database a URL names: postgres:// or postgresql:// is a server; a path or file: URL is a
 * SQLite file (one letter before the colon is a Windows drive, so a path too); null for anything else.
 */
export function databaseKind(url: string): DatabaseKind | null {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === "file") return "sqlite";
  if (scheme === "postgres" || scheme === "postgresql") return "postgres";
  return null;
}

/** Query parameters node-postgres would read a secret from. */
const SECRET_PARAMS = /pass|secret|key/i;

/**
 * The URL as output may show it: a server URL without its password (in the user part or the query),
 * a SQLite path as it was given.
 */
export function redactDatabaseUrl(url: string): string {
  if (databaseKind(url) !== "postgres") return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not even parseable: show only the scheme rather than risk echoing a secret.
    return `${url.slice(0, url.indexOf(":"))}://…`;
  }
  parsed.password = "";
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) parsed.searchParams.delete(name);
  }
  return parsed.toString();
}

/** Every secret `url` carries, to scrub from an error message that might quote one. */
export function secretsOf(url: string): string[] {
  if (databaseKind(url) !== "postgres") return [];
  try {
    const parsed = new URL(url);
    const secrets = [...parsed.searchParams.entries()]
      .filter(([name]) => SECRET_PARAMS.test(name))
      .map(([, v]) => v);
    if (parsed.password) secrets.push(parsed.password, decoded(parsed.password));
    return secrets.filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `text` with every secret of `url` replaced. */
export function scrubSecrets(text: string, url: string): string {
  return secretsOf(url).reduce((scrubbed, secret) => scrubbed.split(secret).join("***"), text);
}
