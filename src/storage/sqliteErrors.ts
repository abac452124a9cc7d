import { UserError } from "../core/errors.js";
import type { DatabaseLocation } from "./database.js";

/** SQLite's result code (`SQLITE_FULL`, ...) of `error`, or of the error it wraps (drizzle wraps them). */
export function sqliteErrorCode(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : null;
}

/**
 * Runs `work`, turning a unique-constraint failure into the user error `onConflict` makes. Other
 * constraints (a foreign key: no such workspace) are not a clash and pass on as they are.
 */
export function withUniqueConstraint<T>(work: () => T, onConflict: () => UserError): T {
  try {
    return work();
  } catch (error) {
    if (sqliteErrorCode(error) === "SQLITE_CONSTRAINT_UNIQUE") throw onConflict();
    throw error;
  }
}

const FOLDER_PROBLEMS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is in the way",
  ENOENT: "not allowed there",
};

/**
 * What keeps the database at `path` from being used, in one line for whoever runs Roundup: it names
 * DATABASE_URL and the path, and says what to do. Null when `error` is not about the database file.
 * Both entry points print it, at start and for a command that fails on the way.
 */
export function explainDatabaseError(error: unknown, { path, readonly }: DatabaseLocation): string | null {
  if (!(error instanceof Error)) return null;
  const code = sqliteErrorCode(error);
  if (code === null) {
    // Only creating the folder fails with a system error; it names the folder it could not make.
    const { code: errno, path: folder, syscall } = error as NodeJS.ErrnoException;
    if (syscall !== "mkdir" && errno !== "ENOTDIR") return null;
    const why = FOLDER_PROBLEMS[errno ?? ""] ?? errno;
    return `DATABASE_URL points to ${path}, but the folder ${folder} cannot be created (${why}): create it yourself, or point DATABASE_URL at a folder Roundup can write.`;
  }
  const kind = code.replace(/^(SQLITE_[A-Z]+).*$/, "$1");
  switch (kind) {
    case "SQLITE_NOTADB":
    case "SQLITE_CORRUPT":
      return `DATABASE_URL points to ${path}, which is not a SQLite database or is damaged: move the file aside (Roundup then starts a new one) or restore a backup.`;
    case "SQLITE_READONLY":
    case "SQLITE_PERM":
      return readonly
        ? `DATABASE_URL opens ${path} read-only (mode=ro), so nothing can be changed: remove ?mode=ro to make changes.`
        : `DATABASE_URL points to ${path}, which Roundup cannot write (the file or its folder is read-only): let the user running Roundup write both.`;
    case "SQLITE_CANTOPEN":
      return `DATABASE_URL points to ${path}, which cannot be opened: it must name a file (not a folder) in a folder the user running Roundup can write.`;
    case "SQLITE_FULL":
      return `DATABASE_URL points to ${path}, but the disk is full: free some space, then try again.`;
    case "SQLITE_IOERR":
      return `DATABASE_URL points to ${path}, but reading or writing it failed (disk I/O error): check the disk and its free space, then try again.`;
    case "SQLITE_BUSY":
    case "SQLITE_LOCKED":
      return `DATABASE_URL points to ${path}, which another program kept locked: try again once it has finished.`;
    default:
      return null;
  }
}

/**
 * `store` with each write refused as a UserError that says why: for a database opened read-only on
 * purpose (`mode=ro`), where reading commands work and writing ones cannot.
 */
export function refusingWrites<T extends object>(store: T, location: DatabaseLocation): T {
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          return value.apply(target, args);
        } catch (error) {
          const explained = sqliteErrorCode(error)?.startsWith("SQLITE_READONLY")
            ? explainDatabaseError(error, location)
            : null;
          throw explained ? new UserError("database.read-only", explained) : error;
        }
      };
    },
  });
}
