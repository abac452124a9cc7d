/**
 * The bot under measurement, in its own process so its memory is its own: `limits` is Roundup's
 * Discord adapter as `npm start` runs it; `default` is a bare discord.js Client with the library's
 * default caches, for comparison. Talks to the bench over IPC: "ready", then answers "measure".
 *
 * Run by bench/discordBench.ts: node --expose-gc --import tsx botProcess.ts <mode> <apiUrl> <dbPath>
 */

import { Client, Events, GatewayIntentBits } from "discord.js";
import pino from "pino";
import { startDiscord } from "../../src/adapters/discord/startDiscord.js";
import { systemClock } from "../../src/core/ports.js";
import type { Logger } from "../../src/logger.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";

const [mode = "limits", apiUrl = "", dbPath = ":memory:"] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);

async function start(): Promise<{ client: Client; stop: () => Promise<void> }> {
  if (mode === "default") {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login("bench-token");
    await ready;
    return { client, stop: () => client.destroy() };
  }
  const store = SqliteStore.open(dbPath);
  const logger = pino({ level: "warn" }) as unknown as Logger;
  const bot = await startDiscord({ token: "bench-token", apiUrl, store, clock: systemClock, logger });
  return {
    client: bot.client,
    stop: async () => {
      await bot.stop();
      store.close();
    },
  };
}

const { client, stop } = await start();
send({ type: "ready" });

process.on("message", async (message: { type: string }) => {
  if (message.type === "measure") {
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3 && gc; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    let roles = 0;
    let members = 0;
    for (const guild of client.guilds.cache.values()) {
      roles += guild.roles.cache.size;
      members += guild.members.cache.size;
    }
    const memory = process.memoryUsage();
    send({
      type: "memory",
      gc: Boolean(gc),
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      guilds: client.guilds.cache.size,
      channels: client.channels.cache.size,
      roles,
      members,
      users: client.users.cache.size,
    });
  }
  if (message.type === "stop") {
    await stop();
    process.exit(0);
  }
});
