import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, REST, Routes } from "discord.js";
import { PublishError, type RoundupPublisher } from "../../core/ports/publisher.js";
import { type DiscordMessage, renderRoundup } from "./render.js";

/** Every message the bot creates or edits: nobody is pinged, whatever the text says. */
export const NO_MENTIONS = { parse: [] as [] };

/** Discord error codes retrying will not fix, in words an admin can act on. */
const PERMANENT: Record<number, string> = {
  10003: "the roundup channel no longer exists",
  50001: "the bot cannot see the roundup channel: give it View Channel there",
  50013: "the bot lacks a permission in the roundup channel: it needs Send Messages and Embed Links",
  50008: "the roundup channel is not a text channel",
  50035: "Discord refused a roundup message's layout",
  40001: "Discord refused the bot token",
  20016: "the roundup channel is in slow mode for the bot",
};

/** A roundup part's ledger key as a Discord nonce (at most 25 characters). */
export function nonceFor(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 25);
}

/** What went wrong with a Discord call, without its URL (which can hold an interaction token). */
export function publishError(error: unknown): PublishError {
  if (error instanceof DiscordAPIError) {
    const known = PERMANENT[Number(error.code)];
    if (known) return new PublishError(known, true);
    if (error.status === 401 || error.status === 403 || error.status === 404) {
      return new PublishError(`Discord refused the post (${error.status}: ${error.message})`, true);
    }
    return new PublishError(`Discord answered ${error.status}: ${error.message}`, false);
  }
  if (error instanceof HTTPError) return new PublishError(`Discord answered ${error.status}`, false);
  return new PublishError(error instanceof Error ? error.message : String(error), false);
}

export interface DiscordPublisherOptions {
  /** The client's REST manager, or a token (and API base) to make one. */
  rest?: REST;
  token?: string;
  apiUrl?: string;
}

/**
 * Posts roundups to Discord for the core's `postRoundup` and the scheduler. Each message carries its
 * ledger key as a nonce with `enforce_nonce`, so a send retried after a lost answer is not doubled;
 * discord.js's REST manager waits out 429s and retries 5xx.
 */
export function createDiscordPublisher(options: DiscordPublisherOptions): RoundupPublisher<DiscordMessage> {
  const rest =
    options.rest ??
    new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token ?? "");
  return {
    plan: (doc) => renderRoundup(doc),
    async send(channelId, message, key) {
      try {
        const posted = (await rest.post(Routes.channelMessages(channelId), {
          body: {
            ...(message.content ? { content: message.content } : {}),
            embeds: message.embeds,
            allowed_mentions: NO_MENTIONS,
            nonce: nonceFor(key),
            enforce_nonce: true,
          },
        })) as { id?: string };
        if (!posted.id) throw new Error("Discord answered without a message id");
        return posted.id;
      } catch (error) {
        throw publishError(error);
      }
    },
  };
}
