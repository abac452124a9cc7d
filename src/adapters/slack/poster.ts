/**
 * Posts messages to channels at most about one a second per channel, as Slack asks; posts to one
 * channel queue behind each other, so two roundups never interleave.
 */
import type { WebClient } from "@slack/web-api";
import type { SlackMessage } from "./render.js";

export class PostError extends Error {
  override readonly name = "PostError";

  constructor(
    readonly slackError: string,
    /** Timestamps of the messages posted before the failure. */
    readonly posted: string[],
    options?: ErrorOptions,
  ) {
    super(`chat.postMessage failed: ${slackError}`, options);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ChannelPoster {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastPost = new Map<string, number>();

  constructor(private readonly intervalMs = 1_100) {}

  /** Posts `messages` in order; resolves with their timestamps, or rejects with a `PostError`. */
  post(client: WebClient, channel: string, messages: SlackMessage[]): Promise<string[]> {
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.postNow(client, channel, messages));
    this.queues.set(channel, run);
    void run
      .catch(() => undefined)
      .finally(() => {
        if (this.queues.get(channel) === run) this.queues.delete(channel);
      });
    return run;
  }

  private async postNow(client: WebClient, channel: string, messages: SlackMessage[]): Promise<string[]> {
    const posted: string[] = [];
    for (const message of messages) {
      const wait = (this.lastPost.get(channel) ?? 0) + this.intervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        const result = await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        posted.push(result.ts ?? "");
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error ?? "request_failed";
        throw new PostError(code, posted, { cause: error });
      } finally {
        this.lastPost.set(channel, Date.now());
      }
    }
    return posted;
  }
}
