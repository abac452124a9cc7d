/**
 * The core bound to one store: what a face (Discord, Slack, the command line, a web page) gets instead
 * of a `Store`. Each use case decides and answers with data; the face words it.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Clock } from "./ports/clock.js";
import type { Logger } from "./ports/logger.js";
import type { MetadataFetcher } from "./ports/metadataFetcher.js";
import type { RoundupPublisher } from "./ports/publisher.js";
import type { Store } from "./ports/store.js";
import { type RequestPostInput, requestRoundupPost } from "./roundup/requestRoundupPost.js";
import { AdminNotices } from "./settings/adminNotices.js";
import type { Platform } from "./workspace.js";

export interface RoundupCoreDeps {
  store: Store;
  clock: Clock;
  /** Reads a shared page's title and author; none when fetching is off. */
  fetcher?: MetadataFetcher | undefined;
  logger: Logger;
  /**
   * By platform, who posts roundups. Shared with the scheduler by the composition root; a face that
   * makes its publisher when it starts hands it over with `usePublisher`.
   */
  publishers?: Partial<Record<string, RoundupPublisher>>;
  /** This process's name in the roundup ledger; one is made up when unset. */
  owner?: string;
}

/** A name for this process in the roundup ledger: unique per running process. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function createRoundupCore(deps: RoundupCoreDeps) {
  const publishers = deps.publishers ?? {};
  const bound = { ...deps, publishers, owner: deps.owner ?? processOwner() };
  return {
    clock: deps.clock,
    fetcher: deps.fetcher,
    /** Posts to `platform` from now on (the Discord adapter's publisher exists once its client does). */
    usePublisher(platform: Platform, publisher: RoundupPublisher): void {
      publishers[platform] = publisher;
    },
    requestRoundupPost: (input: RequestPostInput) => requestRoundupPost(bound, input),
    /** The scheduler's notices for admins, handed over on their next command. */
    notices: new AdminNotices(deps),
  };
}

export type RoundupCore = ReturnType<typeof createRoundupCore>;
