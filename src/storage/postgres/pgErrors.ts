/** PostgreSQL's SQLSTATE of `error` (`23505`, ...), from node-postgres or PGlite, or null. */
export function pgErrorCode(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export const UNIQUE_VIOLATION = "23505";
export const UNDEFINED_TABLE = "42P01";

/** Runs `work`, turning a unique violation into the error `onConflict` makes; other errors pass on. */
export async function withUniqueViolation<T>(work: () => Promise<T>, onConflict: () => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) throw onConflict();
    throw error;
  }
}

/** `$1, $2, ...` from `first` on, `count` of them. */
export function placeholders(count: number, first = 1): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(", ");
}
