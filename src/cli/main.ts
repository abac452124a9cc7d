#!/usr/bin/env node
import { hostname } from "node:os";
import { type Config, ConfigError, loadConfig, loadEnvFile } from "../config.js";
import { systemClock } from "../core/ports/clock.js";
import type { Logger } from "../core/ports/logger.js";
import type { MetadataFetcher } from "../core/ports/metadataFetcher.js";
import type { RoundupPublisher } from "../core/ports/publisher.js";
import { createRoundupCore } from "../core/roundupCore.js";
import type { PageMetadataFetcherOptions } from "../enrich/pageMetadataFetcher.js";
import { explainStoreError, openStore } from "../storage/openStore.js";
import { runCli } from "./runCli.js";

/** What the core logs, for a person at a terminal: only what went wrong unexpectedly, one line. */
const stderrLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error(fields, message) {
    const err = (fields as { err?: { message?: unknown } }).err;
    process.stderr.write(`${message ?? "error"}${err?.message ? `: ${String(err.message)}` : ""}\n`);
  },
};

/**
 * A fetcher that loads the page reader (htmlparser2, ipaddr.js) when `add` first reads a page, so
 * the commands that never fetch do not pay for it at every start.
 */
function lazyFetcher(options: PageMetadataFetcherOptions): MetadataFetcher {
  let fetcher: Promise<MetadataFetcher> | undefined;
  return {
    async fetchMetadata(url) {
      fetcher ??= import("../enrich/pageMetadataFetcher.js").then(
        ({ PageMetadataFetcher }) => new PageMetadataFetcher(options),
      );
      return (await fetcher).fetchMetadata(url);
    },
  };
}

/**
 * The chat clients for `roundup post`, loaded only there: discord.js alone costs more CPU at start
 * than everything `list` does.
 */
async function publishers(config: Config): Promise<Partial<Record<string, RoundupPublisher>>> {
  const found: Partial<Record<string, RoundupPublisher>> = {};
  if (config.slack) {
    const { createSlackPublisher } = await import("../adapters/slack/slackPublisher.js");
    found.slack = createSlackPublisher({ ...config.slack, clock: systemClock }) as RoundupPublisher;
  }
  if (config.discord) {
    const { createDiscordPublisher } = await import("../adapters/discord/publisher.js");
    found.discord = createDiscordPublisher(config.discord) as RoundupPublisher;
  }
  return found;
}

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
        openCore: async () => {
          const store = await openStore(config.databaseUrl, { poolMax: config.databasePoolMax });
          const core = createRoundupCore({
            store,
            clock: systemClock,
            fetcher: config.fetch.enabled
              ? lazyFetcher({
                  clock: systemClock,
                  allowPrivateHosts: config.fetch.allowPrivateHosts,
                  concurrency: config.fetch.concurrency,
                })
              : undefined,
            logger: stderrLogger,
            publicUrl: config.publicUrl,
            owner: `cli:${hostname()}:${process.pid}`,
          });
          return { core, close: () => store.close() };
        },
        publishers: () => publishers(config),
        // Loaded only for `db copy`: it brings both databases' drivers.
        copyDatabase: async (request) =>
          (await import("../storage/copy/copyDatabase.js")).copyDatabase(config.databaseUrl, request),
      },
      {
        out: (text) => process.stdout.write(`${text}\n`),
        err: (text) => process.stderr.write(`${text}\n`),
      },
    );
  } catch (error) {
    // A full disk or a file that turned read-only on the way: said as plainly as at start.
    const explained = explainStoreError(error, config.databaseUrl);
    process.stderr.write(`${explained ?? `Something went wrong: ${(error as Error).message}`}\n`);
    return 1;
  }
}

process.exitCode = await main();
