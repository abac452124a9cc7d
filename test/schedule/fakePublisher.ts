import { PublishError, type RoundupPublisher } from "../../src/core/ports/publisher.js";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";

/** A roundup as plain lines, `perMessage` to a message: deterministic, like every real plan. */
export function planLines(doc: RoundupDoc, perMessage: number): string[][] {
  const lines = [
    `# ${doc.title}`,
    ...doc.sections.flatMap((s) => s.items.map((i) => `${s.name}: ${i.title}`)),
  ];
  if (doc.sections.length === 0 && doc.intro) lines.push(doc.intro);
  const messages: string[][] = [];
  for (let i = 0; i < lines.length; i += perMessage) messages.push(lines.slice(i, i + perMessage));
  return messages;
}

/**
 * A publisher that keeps the channel in memory: the platform's side of the port, for core tests.
 * Each message carries up to `perMessage` link titles; `failures` makes the next sends throw.
 */
export class MemoryPublisher implements RoundupPublisher<string[]> {
  readonly channels = new Map<string, { id: string; key: string; lines: string[] }[]>();
  /** Errors the next sends throw, in order. */
  failures: Error[] = [];
  /** Called before each send; throwing from it simulates a crash at that point. */
  beforeSend: (index: number) => void = () => {};
  private next = 1;
  private sends = 0;

  constructor(private readonly perMessage = 2) {}

  plan(doc: RoundupDoc): string[][] {
    return planLines(doc, this.perMessage);
  }

  async send(channelId: string, message: string[], key: string): Promise<string> {
    this.beforeSend(this.sends++);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const id = `m${this.next++}`;
    const list = this.channels.get(channelId) ?? [];
    list.push({ id, key, lines: message });
    this.channels.set(channelId, list);
    return id;
  }

  posted(channelId: string): string[][] {
    return (this.channels.get(channelId) ?? []).map((m) => m.lines);
  }
}

export const serverError = () => new Error("platform answered 500");
export const missingPermission = () =>
  new PublishError("the bot may not post in that channel (missing_access)", true);
