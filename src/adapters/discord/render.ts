/**
 * The neutral roundup as Discord messages: the title (and intro) in the first message's content, then
 * one embed per category, continued in more embeds where a category is long, packed into as many
 * messages as Discord's limits need. Entries are never dropped, and are split only between lines
 * (never inside a word) when one entry alone would not fit an embed.
 */
import type { APIEmbed } from "discord.js";
import { votesText } from "../../core/render/votesText.js";
import type { RoundupDoc, RoundupItem, RoundupSection } from "../../core/roundup/roundupDoc.js";
import { clip, escapeDiscord, maskedLink } from "./escape.js";

/** Discord's limits on one message (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4_096,
  fieldValue: 1_024,
  footer: 2_048,
  /** Titles, descriptions, field names and values, footers and author names of all a message's embeds. */
  embedsTotal: 6_000,
} as const;

export const EMBED_COLOR = 0x5865f2;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
}

/** Characters of a message's embeds that count towards the 6,000 total. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}

/** The lines of one entry: linked title and author, the note, who shared it (and its votes), who else did. */
export function itemLines(item: RoundupItem): string[] {
  const by = item.author ? ` by ${escapeDiscord(item.author)}` : "";
  const lines = [`**${maskedLink(item.title, item.url)}**${by}`];
  const body = item.note ?? item.description;
  if (body) lines.push(escapeDiscord(body));
  const votes = votesText(item.votes);
  lines.push(`*shared by ${escapeDiscord(item.sharedBy)}*${votes ? ` · ${votes}` : ""}`);
  for (const other of item.alsoRecommendedBy) {
    const said = other.note ? `: ${escapeDiscord(other.note)}` : "";
    lines.push(`*also recommended by ${escapeDiscord(other.name)}*${said}`);
  }
  return lines;
}

/** Splits a line longer than `max` at spaces; a single word longer than `max` is the only thing cut. */
export function splitLine(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const parts: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut <= 0) cut = max;
    // Never end a part on an escaping backslash, where it would escape nothing (an odd run of them).
    let run = 0;
    while (run < cut && rest[cut - 1 - run] === "\\") run++;
    if (run % 2 === 1 && cut > 1) cut--;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

function sectionTitle(section: RoundupSection, continued: boolean): string {
  const name = section.emoji ? `${section.emoji} ${section.name}` : section.name;
  return (
    clip(escapeDiscord(name), DISCORD_LIMITS.embedTitle - (continued ? 12 : 0)) +
    (continued ? " (continued)" : "")
  );
}

/** The biggest block one embed takes: a fresh embed with the longest title still fits it. */
const MAX_BLOCK = DISCORD_LIMITS.embedDescription;

class Packer {
  readonly messages: DiscordMessage[] = [];
  private current: DiscordMessage = { embeds: [] };
  private embed: APIEmbed | null = null;
  private used = 0;

  setContent(content: string): void {
    this.current.content = content;
  }

  private flush(): void {
    if (this.current.embeds.length > 0 || this.current.content) this.messages.push(this.current);
    this.current = { embeds: [] };
    this.embed = null;
    this.used = 0;
  }

  /** Starts an embed; it is only added once it gets its first block, so none is ever empty. */
  open(title: string | undefined): void {
    this.embed = { color: EMBED_COLOR, ...(title ? { title } : {}), description: "" };
  }

  /** Appends a block (at most MAX_BLOCK long) to the open embed, or to a continuation of it. */
  add(block: string, separator: string, continuation: () => string | undefined): void {
    const embed = this.embed ?? { color: EMBED_COLOR, description: "" };
    this.embed = embed;
    const started = this.current.embeds.includes(embed);
    const description = embed.description ?? "";
    const extra = (description ? separator.length : 0) + block.length;
    const titleCost = started ? 0 : (embed.title?.length ?? 0);
    if (
      description.length + extra <= DISCORD_LIMITS.embedDescription &&
      this.used + titleCost + extra <= DISCORD_LIMITS.embedsTotal &&
      (started || this.current.embeds.length < DISCORD_LIMITS.embedsPerMessage)
    ) {
      embed.description = description ? `${description}${separator}${block}` : block;
      this.used += titleCost + extra;
      if (!started) this.current.embeds.push(embed);
      return;
    }
    if (!started) {
      // Even its first block does not fit this message: the embed moves to the next one.
      this.flush();
      this.embed = embed;
    } else {
      const title = continuation();
      const full = this.current.embeds.length >= DISCORD_LIMITS.embedsPerMessage;
      const room = DISCORD_LIMITS.embedsTotal - this.used;
      if (full || room < (title?.length ?? 0) + block.length) this.flush();
      this.open(title);
    }
    this.add(block, separator, continuation);
  }

  finish(): DiscordMessage[] {
    this.flush();
    return this.messages;
  }
}

/** The roundup as Discord messages, in posting order. Deterministic: the same document, the same messages. */
export function renderRoundup(doc: RoundupDoc): DiscordMessage[] {
  const packer = new Packer();
  const heading = `## ${escapeDiscord(clip(doc.title, 300))}`;
  const intro = doc.intro ? escapeDiscord(doc.intro) : "";
  const withIntro = intro ? `${heading}\n${intro}` : heading;
  const fitsContent = withIntro.length <= DISCORD_LIMITS.content;
  packer.setContent(fitsContent ? withIntro : heading);
  if (intro && !fitsContent) {
    packer.open(undefined);
    for (const part of splitLine(intro, MAX_BLOCK)) packer.add(part, " ", () => undefined);
  }
  if (doc.sections.length === 0 && !intro) {
    packer.setContent(`${heading}\nNo links were shared in ${escapeDiscord(doc.periodLabel)}.`);
  }
  for (const section of doc.sections) {
    packer.open(sectionTitle(section, false));
    const continuation = () => sectionTitle(section, true);
    for (const item of section.items) {
      const lines = itemLines(item);
      const whole = lines.join("\n");
      if (whole.length <= MAX_BLOCK) {
        packer.add(whole, "\n\n", continuation);
        continue;
      }
      // An entry too long for one embed (many long recommendations): split between its lines.
      let first = true;
      for (const line of lines) {
        for (const part of splitLine(line, MAX_BLOCK)) {
          packer.add(part, first ? "\n\n" : "\n", continuation);
          first = false;
        }
      }
    }
  }
  if (doc.webUrl) {
    packer.open(undefined);
    packer.add(`[Read ${escapeDiscord(doc.periodLabel)} on the web](${doc.webUrl})`, "\n\n", () => undefined);
  }
  return packer.finish();
}
