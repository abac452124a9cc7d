/**
 * The neutral roundup as Slack Block Kit messages: a header, a header and sections per category, one
 * entry per link. Split across messages so no Slack limit is broken and nothing is cut: an entry too
 * long for one section continues in the next, a section that continues in a new message gets its
 * category heading again.
 */
import type { types } from "@slack/bolt";
import { votesText } from "../../core/render/votesText.js";
import type { RoundupDoc, RoundupItem } from "../../core/roundup/roundupDoc.js";
import { clip, escapeMrkdwn, mrkdwnLink, oneLine } from "./escape.js";

export type Block = types.KnownBlock;

/** One `chat.postMessage`: `text` is the notification and accessibility fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  /**
   * Slack does not document a total for a message's blocks, but refuses very long ones
   * (`msg_blocks_too_long`); keeping each message under this many characters of text stays well clear.
   */
  messageText: 12_000,
} as const;

function header(text: string): Block {
  return {
    type: "header",
    text: { type: "plain_text", text: clip(oneLine(text) || " ", SLACK_LIMITS.headerText), emoji: true },
  };
}

/** A section of mrkdwn that Slack shows as written: `verbatim` stops it turning names and URLs into links. */
export function section(mrkdwn: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: mrkdwn, verbatim: true } };
}

/** Multi-line user text (a note), escaped, with runs of blank lines folded. */
export function escapeBlock(text: string): string {
  return escapeMrkdwn(
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[ \t]+/g, " ")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  );
}

/** One roundup entry as mrkdwn lines: linked title and author, the note (or description), who shared, votes. */
function renderEntry(item: RoundupItem): string {
  const byAuthor = item.author ? ` by ${escapeMrkdwn(oneLine(item.author))}` : "";
  const lines = [`• *${mrkdwnLink(item.url, item.title)}*${byAuthor}`];
  const body = item.note ?? item.description;
  if (body) lines.push(escapeBlock(body));
  const votes = votesText(item.votes);
  lines.push(`_shared by ${escapeMrkdwn(oneLine(item.sharedBy))}_${votes ? ` · ${votes}` : ""}`);
  for (const other of item.alsoRecommendedBy) {
    const said = other.note ? `: ${escapeBlock(other.note)}` : "";
    lines.push(`_also recommended by ${escapeMrkdwn(oneLine(other.name))}_${said}`);
  }
  return lines.join("\n");
}

/** A link, a run of spaces, or a word (entities included, so a cut never separates one from its word). */
const ATOM = /<[^<>]*>|\s+|(?:&[a-z]+;|[^\s<&])+|[<&]/g;

/** Cuts one long word into pieces of at most `max` UTF-16 units, never inside an entity or a surrogate pair. */
function hardSplit(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let end = max;
    const last = rest.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    const amp = rest.lastIndexOf("&", end - 1);
    if (amp > 0 && end - amp < 6 && !rest.slice(amp, end).includes(";")) end = amp;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/**
 * Cuts escaped mrkdwn into pieces of at most `max` characters, between words, never inside an entity
 * or a `<link|label>`. A link longer than `max` by itself (a 2,000-character URL full of `&`) is written
 * out as its label and address instead, so it can be cut too.
 */
export function chunkMrkdwn(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const atoms: string[] = [];
  for (const atom of text.match(ATOM) ?? []) {
    if (atom.length <= max) atoms.push(atom);
    else if (atom.startsWith("<")) {
      const [target = "", label = ""] = atom.slice(1, -1).split(/\|(.*)/s);
      for (const part of `${label} ${target}`.match(ATOM) ?? []) {
        atoms.push(...(part.length <= max ? [part] : hardSplit(part, max)));
      }
    } else atoms.push(...hardSplit(atom, max));
  }
  const chunks: string[] = [];
  let current = "";
  for (const atom of atoms) {
    if (current.length + atom.length > max) {
      if (current.trim() !== "") chunks.push(current.trimEnd());
      current = /^\s+$/.test(atom) ? "" : atom;
    } else current += atom;
  }
  if (current.trim() !== "") chunks.push(current.trimEnd());
  return chunks;
}

/** Packs entries into section texts of at most `max` characters, keeping an entry whole when it fits. */
function packSections(entries: string[], max: number, separator = "\n\n"): string[] {
  const sections: string[] = [];
  let current = "";
  for (const entry of entries) {
    for (const piece of chunkMrkdwn(entry, max)) {
      if (current !== "" && current.length + separator.length + piece.length <= max) {
        current += separator + piece;
      } else {
        if (current !== "") sections.push(current);
        current = piece;
      }
    }
  }
  if (current !== "") sections.push(current);
  return sections;
}

function blockText(block: Block): number {
  if (block.type === "section" || block.type === "header") return block.text?.text.length ?? 0;
  if (block.type === "context") {
    return block.elements.reduce((n, e) => n + ("text" in e ? e.text.length : 0), 0);
  }
  return 0;
}

/** A block and, for category content, the heading to repeat when it starts a new message. */
interface Placed {
  block: Block;
  heading: string | null;
  /** Category headings should not end a message away from their first entry. */
  isHeading: boolean;
}

/**
 * Splits blocks into messages within the block and text limits. A message that starts inside a
 * category begins with that category's heading, marked "(continued)".
 */
function packMessages(placed: Placed[]): Block[][] {
  const messages: Block[][] = [];
  let blocks: Block[] = [];
  let chars = 0;
  let endsWithHeading = false;
  const push = (block: Block) => {
    blocks.push(block);
    chars += blockText(block);
  };
  for (const item of placed) {
    const size = blockText(item.block);
    // A heading needs room for itself and at least one block after it.
    const room = item.isHeading ? 2 : 1;
    if (
      blocks.length > 0 &&
      (blocks.length + room > SLACK_LIMITS.blocksPerMessage || chars + size > SLACK_LIMITS.messageText)
    ) {
      // Never leave a heading alone at the end: it moves to the next message with its entries.
      const moved = endsWithHeading ? blocks.pop() : undefined;
      messages.push(blocks);
      blocks = [];
      chars = 0;
      if (moved) push(moved);
      else if (!item.isHeading && item.heading !== null) push(header(`${item.heading} (continued)`));
    }
    push(item.block);
    endsWithHeading = item.isHeading;
  }
  if (blocks.length > 0) messages.push(blocks);
  return messages;
}

/**
 * The roundup as messages to post in order. Every link appears exactly once, and every message has a
 * `text` fallback naming the roundup and the part.
 */
export function renderRoundup(doc: RoundupDoc): SlackMessage[] {
  const placed: Placed[] = [];
  const add = (block: Block, heading: string | null, isHeading = false) =>
    placed.push({ block, heading, isHeading });
  add(header(doc.title), null);
  if (oneLine(doc.title).length > SLACK_LIMITS.headerText)
    add(section(`*${escapeMrkdwn(oneLine(doc.title))}*`), null);
  if (doc.intro) {
    for (const text of packSections([escapeBlock(doc.intro)], SLACK_LIMITS.sectionText))
      add(section(text), null);
  }
  if (doc.sections.length === 0) {
    add(section(`No links were shared in ${escapeMrkdwn(doc.periodLabel)}.`), null);
  }
  for (const category of doc.sections) {
    const heading = category.emoji ? `${category.emoji} ${category.name}` : category.name;
    add(header(heading), heading, true);
    const texts = packSections(category.items.map(renderEntry), SLACK_LIMITS.sectionText);
    for (const text of texts) add(section(text), heading);
  }
  if (doc.webUrl) add(section(`<${doc.webUrl}|Read ${escapeMrkdwn(doc.periodLabel)} on the web>`), null);
  const messages = packMessages(placed);
  const count = doc.linkCount === 1 ? "1 link" : `${doc.linkCount} links`;
  const title = escapeMrkdwn(oneLine(doc.title));
  return messages.map((blocks, i) => ({
    text:
      messages.length === 1
        ? `${title}: ${count}`
        : `${title}: ${count} (part ${i + 1} of ${messages.length})`,
    blocks,
  }));
}
