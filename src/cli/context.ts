import type { Clock } from "../core/ports/clock.js";
import type { MetadataFetcher } from "../core/ports/metadataFetcher.js";
import type { RoundupPublisher } from "../core/ports/publisher.js";
import type { Store } from "../core/ports/store.js";
import type { Options } from "./args.js";

export type Publishers = Partial<Record<string, RoundupPublisher>>;

/** What every CLI command gets: the store, the clock, where to write, and the chosen workspace. */
export interface CliContext {
  store: Store;
  clock: Clock;
  /** Reads a shared page's title and author; null when fetching is turned off. */
  fetcher: MetadataFetcher | null;
  /**
   * The platforms this machine can post to (from their tokens), made on first use. May be async, so
   * the entry point can load the chat libraries only for the command that posts.
   */
  publishers: () => Publishers | Promise<Publishers>;
  workspace: string;
  /** The name recorded as the sharer when `--by` is not given. */
  defaultUser: string;
  out: (text: string) => void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Every option any of its actions takes, so the value after one is never read as a flag of its own. */
  options: Options;
  run(context: CliContext, args: string[]): Promise<void>;
}
