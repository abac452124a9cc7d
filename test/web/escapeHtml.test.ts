import { describe, expect, it } from "vitest";
import { sanitizeText } from "../../src/core/text/sanitizeText.js";
import { escapeHtml } from "../../src/web/html/escapeHtml.js";

/** What escaping means, done the slow way on every string: clean, fold whitespace, escape. */
function reference(text: string): string {
  return sanitizeText(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(
      /[&<>"']/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
    );
}

describe("escapeHtml's shortcut for text that needs nothing", () => {
  it("gives what cleaning and escaping everything gives, on text mixing every kind of space and control", () => {
    const pieces = [
      " ",
      "a",
      "é",
      "&",
      "<",
      '"',
      "'",
      "\t",
      "\n",
      "\r",
      "\u0000",
      "\u0085",
      "\u00a0",
      "\u1680",
    ];
    pieces.push(
      "\u2005",
      "\u200b",
      "\u2028",
      "\u202a",
      "\u202c",
      "\u202f",
      "\u205f",
      "\u2066",
      "\u2069",
      "\u3000",
    );
    pieces.push("\ufeff", "👍", "Ab");
    let seed = 5;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      for (let n = Math.floor(random() * 7); n > 0; n--) text += pieces[Math.floor(random() * pieces.length)];
      expect(escapeHtml(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
