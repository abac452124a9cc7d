import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

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
