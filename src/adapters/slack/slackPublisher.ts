import { setTimeout as wait } from "node:timers/promises";
import { WebClient } from "@slack/web-api";
import type { Clock } from "../../core/ports/clock.js";
import type { RoundupPublisher } from "../../core/ports/publisher.js";
import { publishError } from "./publishError.js";
import { renderRoundup, type SlackMessage } from "./render.js";

/** Slack errors that retrying will not fix, in words an admin can act on. */
const PERMANENT: Record<string, string> = {
  channel_not_found: "the roundup channel no longer exists, or the bot cannot see it",
  not_in_channel: "the bot is not in the roundup channel: invite it, or give it chat:write.public",
  is_archived: "the roundup channel is archived",
  restricted_action: "the workspace does not let the bot post in the roundup channel",
  missing_scope: "the Slack app lacks a permission it needs (chat:write)",
  invalid_auth: "the Slack token was refused",
  account_inactive: "the Slack token was revoked",
  token_revoked: "the Slack token was revoked",
  msg_too_long: "a roundup message was too long for Slack",
  invalid_blocks: "Slack refused a roundup message's layout",
};

const METADATA_EVENT = "roundup_part";

/**
 * The scheduler's way into Slack: a roundup becomes Block Kit messages, posted about once a second
 * per channel. Each message carries its ledger key as message metadata, so a post resumed after a
 * crash can find a message that went out just before it, instead of posting it twice.
 */
export function createSlackPublisher(options: {
  botToken: string;
  apiUrl?: string;
  intervalMs?: number;
  /** When the last message went out, as the rest of the bot counts time. */
  clock: Clock;
  /** Waits out the gap; tests pass one that moves their clock instead. */
  sleep?: (ms: number) => Promise<void>;
}): RoundupPublisher<SlackMessage> {
  // No client retries: a retried post the ledger does not know about could appear twice.
  const client = new WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const intervalMs = options.intervalMs ?? 1_100;
  const { clock } = options;
  const sleep = options.sleep ?? ((ms: number) => wait(ms));
  const lastPost = new Map<string, number>();
  // Sends to one channel take turns (a scheduled post and /read roundup post may overlap), so each
  // one measures its gap from the message before it.
  const turns = new Map<string, Promise<unknown>>();

  async function post(channel: string, message: SlackMessage, key: string): Promise<string> {
    const gap = (lastPost.get(channel) ?? Number.NEGATIVE_INFINITY) + intervalMs - clock.now();
    if (gap > 0) await sleep(gap);
    try {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: METADATA_EVENT, event_payload: { key } },
      });
      if (!result.ts) throw new Error("Slack answered without a message id");
      return result.ts;
    } catch (error) {
      throw publishError(error, PERMANENT);
    } finally {
      lastPost.set(channel, clock.now());
    }
  }

  return {
    plan: (doc) => renderRoundup(doc),

    send(channel, message, key) {
      const sent = (turns.get(channel) ?? Promise.resolve()).then(() => post(channel, message, key));
      const done = sent.catch(() => undefined);
      turns.set(channel, done);
      void done.then(() => {
        if (turns.get(channel) === done) turns.delete(channel);
      });
      return sent;
    },

    async findSent(channel, key) {
      try {
        const history = await client.conversations.history({
          channel,
          limit: 50,
          include_all_metadata: true,
        });
        const match = history.messages?.find(
          (m) =>
            m.metadata?.event_type === METADATA_EVENT &&
            (m.metadata.event_payload as Record<string, unknown> | undefined)?.key === key,
        );
        return match?.ts ?? null;
      } catch {
        // Without channels:history the check is skipped; the ledger still prevents a second full post.
        return null;
      }
    },
  };
}
