/**
 * Issue #12: replicas starting together on an empty PostgreSQL database, as a deployment scaled to
 * three does on its first start. Three `npm start` processes (the built dist/main.js) in Slack's HTTP
 * mode against a loopback Slack API; a proxy lets their first connections to the database through at
 * one moment, so they reach the empty database together.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess, until } from "../helpers/botProcess.js";
import { requireCurrentBuild } from "../helpers/builtCli.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../helpers/postgresServer.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcpProxy.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

const REPLICAS = 3;
/** Three bots load discord.js and Bolt at once on two cores, beside the rest of the suite. */
const STARTED_WITHIN_MS = 30_000;
const journal = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../migrations/postgres/meta/_journal.json", import.meta.url)),
    "utf8",
  ),
) as { entries: unknown[] };

/** The port a bot's HTTP server listens on, from its "Slack connected" log line; null before. */
function listeningPort(bot: BotProcess): number | null {
  for (const line of bot.output().split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    if (entry.msg === "Slack connected" && entry.port) return entry.port;
  }
  return null;
}

describe.skipIf(NO_SERVER)(
  `replicas starting together on PostgreSQL${NO_SERVER ? `: ${NO_SERVER}` : ""}`,
  () => {
    let database: TestDatabase;
    let api: MockSlackApi;
    let proxy: TcpProxy;
    const bots: BotProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase("start_together");
      api = new MockSlackApi({});
      await api.start();
      const server = new URL(database.url);
      proxy = await startTcpProxy(
        { host: server.hostname, port: Number(server.port || 5432) },
        { holdUntil: REPLICAS },
      );
    });
    afterAll(async () => {
      for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
      await Promise.all(bots.map((bot) => bot.stopped));
      await proxy?.close();
      await api?.stop();
      await database?.drop();
    });

    it("all come up on an empty database, migrate it once, and stop cleanly", {
      timeout: STARTED_WITHIN_MS + 10_000,
    }, async (context) => {
      requireCurrentBuild("dist/main.js", context);
      for (let i = 0; i < REPLICAS; i++) {
        bots.push(
          startBotProcess(
            {
              DATABASE_URL: proxy.through(database.url),
              SLACK_BOT_TOKEN: "xoxb-replica",
              SLACK_SIGNING_SECRET: "replica-secret",
              SLACK_API_URL: api.url,
              PORT: "0",
              HOST: "127.0.0.1",
              FETCH_METADATA: "false",
              LOG_LEVEL: "info",
            },
            { built: true },
          ),
        );
      }
      await until(
        () => bots.every((bot) => listeningPort(bot) !== null || bot.child.exitCode !== null),
        STARTED_WITHIN_MS,
        "three replicas to start",
      ).catch((error: Error) => {
        throw new Error(`${error.message}; they printed:\n${bots.map((bot) => bot.output()).join("\n")}`);
      });
      for (const bot of bots) {
        expect(listeningPort(bot), bot.output()).not.toBeNull();
        const health = await fetch(`http://127.0.0.1:${listeningPort(bot)}/healthz`);
        expect(health.status, bot.output()).toBe(200);
      }
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ hash: string; applied: number }>(
          `SELECT hash, count(*)::int AS applied FROM drizzle.__drizzle_migrations GROUP BY hash`,
        );
        expect(rows).toHaveLength(journal.entries.length);
        expect(rows.every((row) => row.applied === 1)).toBe(true);
      } finally {
        await client.end();
      }
      for (const bot of bots) bot.child.kill("SIGTERM");
      for (const bot of bots) expect(await bot.stopped, bot.output()).toBe(0);
    });
  },
);
