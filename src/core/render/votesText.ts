/**
 * One wording for an entry's votes in every rendering (Markdown, web, feeds, Discord, Slack): short
 * enough for chat, and shown after who shared it only when someone besides the sharer recommends it.
 */
export function votesText(votes: number): string | null {
  return votes > 0 ? `👍 ${votes.toLocaleString("en-US")}` : null;
}

/** The same count in words, where a page can say it to readers the emoji would not reach (a tooltip). */
export function votesInWords(votes: number): string {
  return votes === 1 ? "1 person recommends it" : `${votes.toLocaleString("en-US")} people recommend it`;
}
