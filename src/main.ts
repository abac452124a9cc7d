import { type Config, loadConfigOrExplain } from "./config.js";
import { isUserError } from "./core/errors.js";
import { systemClock } from "./core/ports/clock.js";
import type { DraftBoard } from "./core/ports/draftBoard.js";
import type { RoundupPublisher } from "./core/ports/publisher.js";
import { createRoundupCore } from "./core/roundupCore.js";
import { PageMetadataFetcher } from "./enrich/pageMetadataFetcher.js";
import { createLogger, type Logger } from "./logger.js";
import { installProcessGuards } from "./processGuards.js";
import { startScheduler } from "./scheduler.js";
import { explainStartFailure } from "./startFailure.js";
import { type DatabaseStore, openStore } from "./storage/openStore.js";
import { createArchiveHandler } from "./web/archiveServer.js";
import { startWebServer } from "./web/webServer.js";

class StartFailure extends Error {}

const SETUP_HELP = `Roundup has no chat platform to connect to yet.

Set one of these in the environment (or in .env in this folder), then run npm start again:
  DISCORD_TOKEN                          to run in Discord
  SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET  to run in Slack

README.md explains each one ("Connect Discord", "Connect Slack"); .env.example lists every variable.
Meanwhile the command line works on the same database: npm run -s cli -- --help`;

const DAY = 24 * 60 * 60 * 1000;

/** The database, checked to take writes: a bot that cannot write would apologise for every command. */
async function openWritableStore(config: Config): Promise<DatabaseStore> {
  let store: DatabaseStore | undefined;
  try {
    store = await openStore(config.databaseUrl, { poolMax: config.databasePoolMax });
    await store.assertWritable();
    return store;
  } catch (error) {
    await store?.close();
    if (isUserError(error)) throw new StartFailure(error.message, { cause: error });
    throw error;
  }
}

/** The composition root: config -> storage -> core -> adapters -> scheduler, and a clean shutdown. */
async function run(config: Config, logger: Logger): Promise<() => Promise<void>> {
  const store = await openWritableStore(config);
  const clock = systemClock;
  const fetcher = config.fetch.enabled
    ? new PageMetadataFetcher({
        clock,
        allowPrivateHosts: config.fetch.allowPrivateHosts,
        concurrency: config.fetch.concurrency,
      })
    : undefined;
  const stops: (() => Promise<void>)[] = [];
  const publishers: Record<string, RoundupPublisher> = {};
  // Like `publishers`: each adapter hands its review board to its core, shared with the scheduler.
  const boards: Record<string, DraftBoard> = {};
  // A platform or server that fails to start stops what already started, so the process can end.
  const startOrExplain = async <T>(
    explain: (error: unknown) => string,
    start: () => Promise<T>,
  ): Promise<T> => {
    try {
      return await start();
    } catch (error) {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      await store.close();
      throw new StartFailure(explain(error), { cause: error });
    }
  };

  // The web archive: pages and feeds at each workspace's archive address under PUBLIC_URL.
  const webLogger = logger.child({ area: "web" });
  const web = createArchiveHandler({
    core: createRoundupCore({ store, clock, publicUrl: config.publicUrl, logger: webLogger }),
    logger: webLogger,
  });

  const slackConfig = config.slack;
  if (slackConfig) {
    const slackLogger = logger.child({ area: "slack" });
    // One publisher for scheduled and manual posts, so both keep one pace per channel: the adapter
    // hands it to the core, which shares `publishers` with the scheduler.
    // Each platform's SDK is loaded only where it is configured: discord.js alone costs most of a
    // second of CPU at every start.
    const [{ createSlackPublisher }, { startSlack }] = await Promise.all([
      import("./adapters/slack/slackPublisher.js"),
      import("./adapters/slack/startSlack.js"),
    ]);
    const publisher = createSlackPublisher({ ...slackConfig, clock });
    publishers.slack = publisher as RoundupPublisher;
    const core = createRoundupCore({
      store,
      clock,
      fetcher,
      publicUrl: config.publicUrl,
      logger: slackLogger,
      publishers,
      boards,
    });
    const slack = await startOrExplain(
      (error) => explainStartFailure("Slack", error),
      () =>
        startSlack({
          publisher,
          ...slackConfig,
          port: config.http.port,
          host: config.http.host,
          core,
          healthy: () => store.healthy(),
          logger: slackLogger,
          web,
        }),
    );
    stops.push(slack.stop);
    logger.info({ port: slack.port }, "Slack connected");
  }

  const discordConfig = config.discord;
  if (discordConfig) {
    const discordLogger = logger.child({ area: "discord" });
    // The core shares `publishers` with the scheduler: the adapter's publisher, handed to the core
    // when the client exists, posts scheduled and asked-for roundups alike.
    const core = createRoundupCore({
      store,
      clock,
      fetcher,
      publicUrl: config.publicUrl,
      logger: discordLogger,
      publishers,
      boards,
    });
    const discord = await startOrExplain(
      (error) => explainStartFailure("Discord", error),
      () =>
        import("./adapters/discord/startDiscord.js").then(({ startDiscord }) =>
          startDiscord({ ...discordConfig, logger: discordLogger, core }),
        ),
    );
    stops.push(discord.stop);
  }

  if (!slackConfig && config.publicUrl) {
    // Slack's server answers the archive when Slack runs; without it, one of its own (PUBLIC_URL says
    // there are readers to serve).
    const server = await startOrExplain(
      (error) =>
        `Could not serve the web archive on ${config.http.host}:${config.http.port} (${(error as NodeJS.ErrnoException).code ?? "error"}): set PORT (and HOST) to a free address.`,
      () =>
        startWebServer({
          port: config.http.port,
          host: config.http.host,
          healthy: () => store.healthy(),
          web,
          logger: webLogger,
        }),
    );
    stops.push(server.stop);
  }

  const scheduler = startScheduler(
    {
      store,
      clock,
      publishers,
      boards,
      publicUrl: config.publicUrl,
      logger: logger.child({ area: "scheduler" }),
    },
    { maxLateMs: config.catchUpDays * DAY, intervalMs: config.tickSeconds * 1000 },
  );

  return async () => {
    await scheduler.stop();
    for (const stop of stops.reverse()) await stop();
    await store.close();
  };
}

async function main(): Promise<number> {
  const config = loadConfigOrExplain();
  if (!config) return 2;
  if (!config.discord && !config.slack) {
    // Nothing to run, so nothing is touched: no database folder or file appears.
    console.error(SETUP_HELP);
    return 1;
  }
  const logger = createLogger(config.logLevel);
  installProcessGuards(logger);
  let stop: () => Promise<void>;
  try {
    stop = await run(config, logger);
  } catch (error) {
    if (!(error instanceof StartFailure)) throw error;
    logger.debug({ err: error.cause }, "start-up failure");
    console.error(`Roundup could not start. ${error.message}`);
    return 1;
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing work in flight");
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return 0;
}

process.exitCode = await main();
