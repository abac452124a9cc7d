/**
 * One server under load for `bench/slackBench.ts`, in its own process so the load generator does not
 * share its event loop: `slack` is the real adapter (Bolt, signature check, replay check, /read
 * parsing, addLink, Block Kit answer); `floor` is a bare node:http server that checks the same
 * signature, records it in the same table to refuse replays, and runs the same addLink. Prints
 * `READY <port>` when listening; exits on SIGTERM.
 *
 * Usage: node --import tsx bench/slack/server.ts slack|floor <database path>
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { MAX_CLOCK_SKEW_SECONDS } from "../../src/adapters/slack/requestCheck.js";
import { startSlack } from "../../src/adapters/slack/startSlack.js";
import { addLink } from "../../src/core/links/addLink.js";
import { systemClock } from "../../src/core/ports/clock.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import type { Logger } from "../../src/logger.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { startMockApi } from "./mockApi.js";

import { BENCH_SECRET } from "./shared.js";

const [kind, databasePath] = process.argv.slice(2);
if ((kind !== "slack" && kind !== "floor") || !databasePath) {
  console.error("usage: server.ts slack|floor <database path>");
  process.exit(2);
}

const store = SqliteStore.open(databasePath);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Slack's v0 check, as Bolt does it: timestamp within five minutes, HMAC-SHA256 compared in constant time. */
function verified(req: IncomingMessage, body: string): boolean {
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  const signature = String(req.headers["x-slack-signature"] ?? "");
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS)
    return false;
  const expected = `v0=${createHmac("sha256", BENCH_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return (
    signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

async function startFloor(): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/slack/events") {
      res.writeHead(404).end();
      return;
    }
    const body = await readBody(req);
    if (!verified(req, body)) {
      res.writeHead(401).end();
      return;
    }
    // The adapter's replay check (requestCheck.ts): the signature is kept until it leaves the window.
    const expiresAt = (Number(req.headers["x-slack-request-timestamp"]) + MAX_CLOCK_SKEW_SECONDS + 1) * 1000;
    if (!(await store.requestLog.remember(String(req.headers["x-slack-signature"]), expiresAt, Date.now()))) {
      res.writeHead(409).end();
      return;
    }
    const form = new URLSearchParams(body);
    const [, urlToken = "", category = null, ...note] = (form.get("text") ?? "").split(" ");
    let text: string;
    try {
      const result = await addLink(
        { store, clock: systemClock },
        {
          workspace: `slack:${form.get("team_id")}`,
          url: urlToken.replace(/^<|>$/g, "").split("|")[0] ?? "",
          category,
          note: note.join(" ") || null,
          userId: form.get("user_id") ?? "",
          userName: form.get("user_name") ?? "",
          source: "slack",
        },
      );
      text = `Added #${result.link.id}`;
    } catch (error) {
      text = error instanceof Error ? error.message : "failed";
    }
    const answer = JSON.stringify({ response_type: "ephemeral", text });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
    res.end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startAdapter(): Promise<{ port: number; stop: () => Promise<void> }> {
  const api = await startMockApi();
  const logger = pino({ level: "silent" }) as unknown as Logger;
  const running = await startSlack({
    botToken: "xoxb-bench",
    signingSecret: BENCH_SECRET,
    apiUrl: api.url,
    port: 0,
    host: "127.0.0.1",
    core: createRoundupCore({ store, clock: systemClock, logger }),
    logger,
  });
  return {
    port: running.port,
    stop: async () => {
      await running.stop();
      await api.stop();
    },
  };
}

const running = kind === "slack" ? await startAdapter() : await startFloor();
process.on("SIGTERM", async () => {
  await running.stop();
  await store.close();
  process.exit(0);
});
console.log(`READY ${running.port}`);
