import type { Actor } from "../core/actor.js";
import type { RoundupPublisher } from "../core/ports/publisher.js";
import type { RoundupCore } from "../core/roundupCore.js";
import type { CopyDatabase } from "../storage/copy/copyDatabase.js";
import type { Options } from "./args.js";

export type Publishers = Partial<Record<string, RoundupPublisher>>;

/**
 * The core bound to the database, and how to let go of it when the command is done. The entry point
 * (src/cli/main.ts) opens the store; the commands never see it.
 */
export interface OpenedCore {
  core: RoundupCore;
  close(): Promise<void>;
}

/** What every CLI command gets: the core, where to write, and the chosen workspace. */
export interface CliContext {
  /** The use cases, bound to the database; `core.fetches` says whether pages are read. */
  core: RoundupCore;
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

/**
 * The person at the command line, as the core's use cases take them: they hold the database, so they
 * may change any link and post any roundup.
 */
export function operator(context: Pick<CliContext, "defaultUser">): Actor {
  return { ...cliPerson(context.defaultUser), isAdmin: async () => true };
}

/**
 * Someone the command line names (`add --by Ana`, `vote 12 --by Ana`): the same name is the same
 * person in every command, so Ana's vote on her own share is known as hers.
 */
export function cliPerson(name: string): { userId: string; name: string } {
  return { userId: `cli:${name}`, name };
}

/** What a command on the databases themselves (`db ...`) gets: it works below the core, on no workspace. */
export interface DatabaseContext {
  /** Copies DATABASE_URL's database into another (`db copy`). */
  copyDatabase: CopyDatabase;
  out: (text: string) => void;
}

export interface DatabaseCommand {
  /** Tells it from a `CliCommand`: runCli opens no core for it. */
  kind: "database";
  name: string;
  summary: string;
  usage: string;
  options: Options;
  run(context: DatabaseContext, args: string[]): Promise<void>;
}
