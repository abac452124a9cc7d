import type { APIEmbed } from "discord.js";
import { expect } from "vitest";
import { DISCORD_LIMITS, embedsLength } from "../../src/adapters/discord/render.js";

interface MessageLike {
  content?: string | null;
  embeds?: APIEmbed[];
}

/** Fails unless the message keeps every one of Discord's size limits. */
export function expectWithinLimits(message: MessageLike): void {
  expect((message.content ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  expect(embedsLength(embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
  for (const embed of embeds) {
    expect((embed.title ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect((embed.description ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(Boolean(embed.title) || Boolean(embed.description)).toBe(true);
    for (const field of embed.fields ?? []) {
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
  }
  expect(Boolean(message.content) || embeds.length > 0).toBe(true);
}

/** Everything a reader sees in a set of messages, in order. */
export function visibleText(messages: MessageLike[]): string {
  return messages
    .flatMap((m) => [
      m.content ?? "",
      ...(m.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? ""]),
    ])
    .join("\n");
}
