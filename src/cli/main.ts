import { createDiscordPublisher } from "../adapters/discord/publisher.js";
import { createSlackPublisher } from "../adapters/slack/slackPublisher.js";
import { type Config, ConfigError, loadConfig, loadEnvFile } from "../config.js";
import { systemClock } from "../core/ports/clock.js";
import type { RoundupPublisher } from "../core/ports/publisher.js";
import { PageMetadataFetcher } from "../enrich/pageMetadataFetcher.js";
import { parseDatabaseUrl } from "../storage/database.js";
import { explainDatabaseError } from "../storage/sqliteErrors.js";
import { SqliteStore } from "../storage/sqliteStore.js";
import { runCli } from "./runCli.js";

async function main(): Promise<number> {
  let config: Config;
  try {
    loadEnvFile();
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  try {
    return await runCli(
      process.argv.slice(2),
      {
        openStore: () => SqliteStore.open(config.databaseUrl),
        clock: systemClock,
        fetcher: config.fetch.enabled
          ? new PageMetadataFetcher({
              clock: systemClock,
              allowPrivateHosts: config.fetch.allowPrivateHosts,
              concurrency: config.fetch.concurrency,
            })
          : null,
        publishers: () => ({
          ...(config.slack
            ? { slack: createSlackPublisher({ ...config.slack, clock: systemClock }) as RoundupPublisher }
            : {}),
          ...(config.discord ? { discord: createDiscordPublisher(config.discord) as RoundupPublisher } : {}),
        }),
      },
      {
        out: (text) => process.stdout.write(`${text}\n`),
        err: (text) => process.stderr.write(`${text}\n`),
      },
    );
  } catch (error) {
    // A full disk or a file that turned read-only on the way: said as plainly as at start.
    const explained = explainDatabaseError(error, parseDatabaseUrl(config.databaseUrl));
    process.stderr.write(`${explained ?? `Something went wrong: ${(error as Error).message}`}\n`);
    return 1;
  }
}

process.exitCode = await main();
