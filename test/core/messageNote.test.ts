import { describe, expect, it } from "vitest";
import { MAX_NOTE_LENGTH } from "../../src/core/links/linkText.js";
import { noteFromMessage } from "../../src/core/links/messageNote.js";

describe("noteFromMessage", () => {
  const url = "https://example.com/post";

  it("is the message on one line, or none when the message is only the link", () => {
    expect(noteFromMessage("  read\nthis  one ", url)).toBe("read this one");
    expect(noteFromMessage(` ${url}\n`, url)).toBeNull();
    expect(noteFromMessage(`<${url}>`, url)).toBeNull();
    expect(noteFromMessage("", url)).toBeNull();
  });

  it("cuts a long message at a word, with an ellipsis, within the note limit", () => {
    const text = `${"lorem ipsum ".repeat(200)}end`;
    const note = noteFromMessage(text, url) ?? "";
    expect([...note].length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    expect(note).toMatch(/(lorem|ipsum)…$/);
    expect(text.startsWith(note.slice(0, -1))).toBe(true);
  });

  it("counts characters as notes do, and never splits one", () => {
    const emoji = "😀".repeat(MAX_NOTE_LENGTH + 5);
    const note = noteFromMessage(emoji, url) ?? "";
    expect([...note]).toHaveLength(MAX_NOTE_LENGTH);
    expect(note.endsWith("😀…")).toBe(true);
    expect(noteFromMessage("😀".repeat(MAX_NOTE_LENGTH), url)).toBe("😀".repeat(MAX_NOTE_LENGTH));
  });
});
