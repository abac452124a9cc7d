/**
 * C0 and C1 control characters and DEL, but not tab and line feed: in a terminal they move the cursor,
 * recolour or clear the screen, ring the bell; NUL truncates text in C libraries.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Bidi embeddings and overrides (LRE RLE LRO RLO) close with PDF; isolates (LRI RLI FSI) with PDI. */
const CLOSER: Record<string, string> = {
  "\u202a": "\u202c",
  "\u202b": "\u202c",
  "\u202d": "\u202c",
  "\u202e": "\u202c",
  "\u2066": "\u2069",
  "\u2067": "\u2069",
  "\u2068": "\u2069",
};
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Keeps only properly nested pairs of bidi controls on a line: an override left open would reverse
 * whatever is shown after it (the "shared by" name that follows a note, say).
 */
function balanceBidi(line: string): string {
  if (!BIDI_CONTROLS.test(line)) return line;
  const dropped = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (CLOSER[char] !== undefined) open.push(i);
    else if (char === "\u202c" || char === "\u2069") {
      const top = open.at(-1);
      if (top !== undefined && CLOSER[line[top] as string] === char) open.pop();
      else dropped.add(i);
    }
  }
  for (const i of open) dropped.add(i);
  // UTF-16 units: bidi controls are never half of a surrogate pair, so emoji stay whole.
  return line
    .split("")
    .filter((_, i) => !dropped.has(i))
    .join("");
}

/**
 * Text people type or pages say, made safe to store and to show anywhere (a terminal included):
 * no control characters but line feeds and tabs (CR LF and CR become LF), and no bidi override,
 * embedding or isolate that is left open or closes nothing. Everything else stays as written.
 */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROLS, "").split("\n").map(balanceBidi).join("\n");
}

/** `sanitizeText` on one line: sanitized before folding, so every bidi pair is balanced within what was one line. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/\s+/g, " ").trim();
}
