/** Splits `/read` text into words: a `"quoted name"` is one, as is each `<...>` of Slack markup. */
import { type Markup, parseMarkup, plainText } from "./slackMarkup.js";

export interface Token {
  /** The token as Slack sent it (still escaped). */
  raw: string;
  /** The token as the person meant it: quotes removed, markup made readable, entities decoded. */
  text: string;
  /** Offsets of `raw` in the command text. */
  start: number;
  end: number;
  quoted: boolean;
  /** Set when the whole token is one `<...>`. */
  markup: Markup | null;
}

const OPEN_QUOTES = new Set(['"', "“", "”", "„"]);
const CLOSE_QUOTES = new Set(['"', "”", "“"]);

/** Splits the command text into words; `"quoted words"` are one, as is each `<...>`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] as string)) {
      i += 1;
      continue;
    }
    const start = i;
    const first = text[i] as string;
    if (OPEN_QUOTES.has(first)) {
      let end = i + 1;
      while (end < text.length && !CLOSE_QUOTES.has(text[end] as string)) end += 1;
      if (end < text.length) {
        const raw = text.slice(start, end + 1);
        tokens.push({
          raw,
          text: plainText(text.slice(start + 1, end)).trim(),
          start,
          end: end + 1,
          quoted: true,
          markup: null,
        });
        i = end + 1;
        continue;
      }
      // An unclosed quote is just a character.
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end] as string)) {
      if (text[end] === "<") {
        const close = text.indexOf(">", end);
        if (close !== -1) {
          end = close + 1;
          continue;
        }
      }
      end += 1;
    }
    const raw = text.slice(start, end);
    const whole = /^<([^<>]*)>$/.exec(raw);
    tokens.push({
      raw,
      text: plainText(raw),
      start,
      end,
      quoted: false,
      markup: whole ? parseMarkup(whole[1] as string) : null,
    });
    i = end;
  }
  return tokens;
}
