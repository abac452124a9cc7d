/**
 * Something the user can fix: a bad URL, an unknown category, a note that is too long.
 * Adapters answer it with `message` as a short private reply; anything that is not a
 * UserError is a bug or an outage and is logged instead of shown.
 */
export class UserError extends Error {
  override readonly name = "UserError";

  constructor(
    /** `area.reason`, e.g. `link.duplicate`, stable for tests and adapters. */
    readonly code: string,
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
