import { runCli } from "../../src/cli/runCli.js";
import { loadConfig } from "../../src/config.js";
import { type Clock, systemClock } from "../../src/core/ports/clock.js";
import type { RoundupPublisher } from "../../src/core/ports/publisher.js";
import type { RoundupCore } from "../../src/core/roundupCore.js";
import { PageMetadataFetcher } from "../../src/enrich/pageMetadataFetcher.js";
import { copyDatabase } from "../../src/storage/copy/copyDatabase.js";
import { coreAt, fixedClock } from "../helpers/tempStore.js";

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment a spawned CLI gets from `cliHarness.ts` (no chat tokens, no page fetching), so
 * `asMain` runs start from the same place as the processes they replace.
 */
const HARNESS_ENV = { FETCH_METADATA: "false" } as const;

export interface InProcessCliOptions {
  /** The clock; a fixed 2026-08-10T12:00:00Z by default, the system clock with `asMain`. */
  clock?: Clock;
  /** The chat platforms `roundup post` can reach; none by default. Not with `asMain`. */
  publishers?: Partial<Record<string, RoundupPublisher>>;
  /**
   * Runs as `src/cli/main.ts` would in a process with this environment (on top of
   * `DATABASE_URL=<path>` and `FETCH_METADATA=false`, as `cliHarness.ts` spawns it): the deps come
   * from `loadConfig` the way main.ts builds them (the real page fetcher when FETCH_METADATA=true,
   * a real Slack or Discord publisher for each platform whose tokens are set, the system clock), and
   * stdout and stderr are exactly what main.ts writes to them: each text followed by a newline.
   */
  asMain?: Record<string, string>;
}

/**
 * `runCli` called directly (a few milliseconds, no process) on the SQLite file at `path`, as
 * `npm run -s cli -- ...` would run it with no chat tokens unless `publishers` gives some. Without
 * `asMain`, stdout and stderr are the texts joined by newlines, with no newline at the end. `db copy`
 * copies from `path`, which for that command alone may be a PostgreSQL URL.
 */
export function inProcessCli(
  path: string,
  options: InProcessCliOptions = {},
): (...argv: string[]) => Promise<CliRun> {
  if (options.asMain) return mainCli(path, options.asMain, options.clock ?? systemClock);
  const clock = options.clock ?? fixedClock("2026-08-10T12:00:00Z");
  return (...argv) =>
    collected(argv, {
      openCore: coreAt(path, clock),
      publishers: () => options.publishers ?? {},
      copyDatabase: (request) => copyDatabase(path, request),
    });
}

/** One `runCli` run on `deps`, its stdout and stderr the texts joined by newlines. */
async function collected(argv: string[], deps: Parameters<typeof runCli>[1]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, deps, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** One run as `src/cli/main.ts` makes it (after its config checks, which only a process shows). */
function mainCli(
  path: string,
  env: Record<string, string>,
  clock: Clock,
): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    const config = loadConfig({ ...HARNESS_ENV, ...env, DATABASE_URL: path });
    // Imported only when a platform is configured: most tests never load the chat SDKs.
    const slack = config.slack && (await import("../../src/adapters/slack/slackPublisher.js"));
    const discord = config.discord && (await import("../../src/adapters/discord/publisher.js"));
    let stdout = "";
    let stderr = "";
    const status = await runCli(
      argv,
      {
        openCore: coreAt(
          config.databaseUrl,
          clock,
          config.fetch.enabled
            ? new PageMetadataFetcher({
                clock,
                allowPrivateHosts: config.fetch.allowPrivateHosts,
                concurrency: config.fetch.concurrency,
              })
            : null,
        ),
        publishers: () => ({
          ...(config.slack && slack
            ? { slack: slack.createSlackPublisher({ ...config.slack, clock }) as RoundupPublisher }
            : {}),
          ...(config.discord && discord
            ? { discord: discord.createDiscordPublisher(config.discord) as RoundupPublisher }
            : {}),
        }),
        copyDatabase: (request) => copyDatabase(config.databaseUrl, request),
      },
      {
        out: (text) => {
          stdout += `${text}\n`;
        },
        err: (text) => {
          stderr += `${text}\n`;
        },
      },
    );
    return { status, stdout, stderr };
  };
}

/**
 * `runCli` on a core the test built itself (a PUBLIC_URL, a PostgreSQL store, ...), which stays open
 * between runs; output as `inProcessCli` gives it.
 */
export function cliOnCore(core: RoundupCore): (...argv: string[]) => Promise<CliRun> {
  return (...argv) => collected(argv, { openCore: () => ({ core, close: async () => {} }) });
}
