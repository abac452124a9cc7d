import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RoundupPublisher } from "../../src/core/ports/publisher.js";
import { planLines } from "./fakePublisher.js";

/**
 * A loopback "chat platform": stores posted messages, finds one by its key (as Discord's nonce or
 * Slack's message metadata allow), and can answer 500 a few times first.
 */
export interface TestPlatform {
  url: string;
  messages: { channel: string; key: string; lines: string[] }[];
  /** Answers 500 to the next this-many posts. */
  failNext: number;
  /** The next post is neither stored nor answered until this settles: a sender held mid-post. */
  holdNext: Promise<void> | null;
  close(): Promise<void>;
}

export async function startTestPlatform(): Promise<TestPlatform> {
  const platform: TestPlatform = {
    url: "",
    messages: [],
    failNext: 0,
    holdNext: null,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const lookup = new URL(req.url ?? "/", "http://x").searchParams.get("key");
    if (req.method === "GET" && lookup !== null) {
      const index = platform.messages.findIndex((m) => m.key === lookup);
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ id: index < 0 ? null : `m${index + 1}` }));
      return;
    }
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", async () => {
      const hold = platform.holdNext;
      platform.holdNext = null;
      await hold;
      if (platform.failNext > 0) {
        platform.failNext--;
        res.writeHead(500).end("{}");
        return;
      }
      const message = JSON.parse(body) as { channel: string; key: string; lines: string[] };
      platform.messages.push(message);
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ id: `m${platform.messages.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  platform.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/post`;
  platform.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return platform;
}

/**
 * The bot's side: a publisher that posts to the loopback platform at `url`, two link titles to a
 * message. With `findSent` it can look a message up by its key; `afterSend` hears of each message
 * posted (the how-many-th), before the ledger does.
 */
export function loopbackPublisher(
  url: string,
  options: { findSent?: boolean; afterSend?: (sent: number) => void } = {},
): RoundupPublisher<string[]> {
  let sent = 0;
  const publisher: RoundupPublisher<string[]> = {
    plan: (doc) => planLines(doc, 2),
    async send(channel, lines, key) {
      const response = await fetch(url, { method: "POST", body: JSON.stringify({ channel, lines, key }) });
      if (!response.ok) throw new Error(`platform answered ${response.status}`);
      const { id } = (await response.json()) as { id: string };
      options.afterSend?.(++sent);
      return id;
    },
  };
  if (options.findSent) {
    publisher.findSent = async (_channel, key) => {
      const response = await fetch(`${url}?key=${encodeURIComponent(key)}`);
      return ((await response.json()) as { id: string | null }).id;
    };
  }
  return publisher;
}
