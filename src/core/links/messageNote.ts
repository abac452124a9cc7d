import { MAX_NOTE_LENGTH } from "./linkText.js";

/**
 * Shortens text to `max` characters (code points, as notes are counted) at a word boundary, ending
 * with "…"; only a word longer than half of `max` is cut inside.
 */
export function clipAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = chars.slice(0, Math.max(0, max - 1)).join("");
  const space = room.lastIndexOf(" ");
  const cut = space > room.length / 2 ? room.slice(0, space) : room;
  return `${cut.trimEnd()}…`;
}

/**
 * A shared message's text as the note of the link taken from it, on every platform alike: `text` is
 * the message as plain text (each adapter decodes its own markup), folded onto one line. None when it
 * is only the link; shortened at a word to fit a note.
 */
export function noteFromMessage(text: string, url: string): string | null {
  const note = text.replace(/\s+/g, " ").trim();
  if (note === "" || note === url || note === `<${url}>`) return null;
  return clipAtWord(note, MAX_NOTE_LENGTH);
}
