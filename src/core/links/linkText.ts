import { UserError } from "../errors.js";
import { sanitizeLine, sanitizeText } from "../text/sanitizeText.js";

export const MAX_NOTE_LENGTH = 1000;
export const MAX_TITLE_LENGTH = 300;
export const MAX_AUTHOR_LENGTH = 200;

/** A note as the person wrote it, trimmed and sanitized; refused (not cut) when too long. Empty means none. */
export function checkNote(note: string | null | undefined): string | null {
  const value = sanitizeText(note ?? "").trim();
  if (value === "") return null;
  const length = [...value].length;
  if (length > MAX_NOTE_LENGTH) {
    throw new UserError(
      "note.tooLong",
      `Notes can be up to ${MAX_NOTE_LENGTH.toLocaleString("en")} characters; yours has ${length.toLocaleString("en")}. Shorten it and try again.`,
      { length },
    );
  }
  return value;
}

/** A title or author typed by a person: one sanitized line, trimmed, refused when absurdly long. */
export function checkLine(value: string | null | undefined, what: "title" | "author"): string | null {
  const line = sanitizeLine(value ?? "");
  if (line === "") return null;
  const max = what === "title" ? MAX_TITLE_LENGTH : MAX_AUTHOR_LENGTH;
  if ([...line].length > max) {
    throw new UserError(`${what}.tooLong`, `A ${what} can be up to ${max} characters.`);
  }
  return line;
}

/** A person's name as their platform gives it, on one sanitized line; their id when nothing is left. */
export function displayName(name: string, userId: string): string {
  return sanitizeLine(name) || userId;
}
