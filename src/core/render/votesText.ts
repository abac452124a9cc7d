/**
 * One wording for an entry's votes in every rendering (Markdown, web, feeds, Discord, Slack): short
 * enough for chat, and shown after who shared it only when someone besides the sharer recommends it.
 */
export function votesText(votes: number): string | null {
  return votes > 0 ? voteTally(votes) : null;
}

/** "👍 N" even at 0: where the count itself is the answer (a vote's reply, a draft, a +1 button). */
export function voteTally(votes: number): string {
  return `👍 ${count(votes)}`;
}

/** "1,234": `toLocaleString` asks ICU each time (microseconds), and most counts need no separator. */
function count(votes: number): string {
  return votes < 1000 ? String(votes) : votes.toLocaleString("en-US");
}

/** The same count in words, where a page can say it to readers the emoji would not reach (a tooltip). */
export function votesInWords(votes: number): string {
  return votes === 1 ? "1 person recommends it" : `${count(votes)} people recommend it`;
}
