import { UserError } from "../errors.js";

export const MAX_NOTE_LENGTH = 1000;
export const MAX_TITLE_LENGTH = 300;
export const MAX_AUTHOR_LENGTH = 200;

/** A note as the person wrote it, trimmed; refused (not cut) when too long. Empty means none. */
export function checkNote(note: string | null | undefined): string | null {
  const value = note?.trim() ?? "";
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

/** A title or author typed by a person: one line, trimmed, refused when absurdly long. */
export function checkLine(value: string | null | undefined, what: "title" | "author"): string | null {
  const line = value?.replace(/\s+/g, " ").trim() ?? "";
  if (line === "") return null;
  const max = what === "title" ? MAX_TITLE_LENGTH : MAX_AUTHOR_LENGTH;
  if ([...line].length > max) {
    throw new UserError(`${what}.tooLong`, `A ${what} can be up to ${max} characters.`);
  }
  return line;
}
