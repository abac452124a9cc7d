/**
 * The bot under measurement, in its own process so its memory is its own: Roundup's Discord adapter
 * (`startDiscord`, with the store and logger) as `npm start` runs it. `limits` keeps Roundup's cache
 * limits; `default` is the same bot on discord.js's default caches, so the difference between the two
 * is the caches' alone. Talks to the bench over IPC: "ready", then answers "measure".
 *
 * Run by bench/discordBench.ts: node --expose-gc [--import tsx] botProcess.(ts|js) <mode> <apiUrl> <dbPath>
 */

import type { Client } from "discord.js";
import { startDiscord } from "../../src/adapters/discord/startDiscord.js";
import { systemClock } from "../../src/core/ports/clock.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import { createLogger } from "../../src/logger.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";

const [mode = "limits", apiUrl = "", dbPath = ":memory:"] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);

async function start(): Promise<{ client: Client; stop: () => Promise<void> }> {
  const store = SqliteStore.open(dbPath);
  // As main.ts makes it, at a level that keeps the bench's output clean.
  const logger = createLogger("warn").child({ area: "discord" });
  const bot = await startDiscord({
    token: "bench-token",
    apiUrl,
    logger,
    core: createRoundupCore({ store, clock: systemClock, logger }),
    defaultCaches: mode === "default",
  });
  return {
    client: bot.client,
    stop: async () => {
      await bot.stop();
      await store.close();
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
