import type { UserError } from "../core/errors.js";

function isSqliteError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_");
}

function sqliteCode(error: Error): string {
  return ((error as { code?: string }).code ??
    (error.cause as { code?: string } | undefined)?.code) as string;
}

/** Runs `work`, turning a unique-constraint failure into the user error `onConflict` makes. */
export function withUniqueConstraint<T>(work: () => T, onConflict: () => UserError): T {
  try {
    return work();
  } catch (error) {
    if (isSqliteError(error) && sqliteCode(error).startsWith("SQLITE_CONSTRAINT")) throw onConflict();
    throw error;
  }
}
