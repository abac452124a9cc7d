import { runCli } from "../../src/cli/runCli.js";
import type { Clock, RoundupPublisher } from "../../src/core/ports.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock } from "../helpers/tempStore.js";

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `runCli` called directly (a few milliseconds, no process) on the SQLite file at `path`, as
 * `npm run -s cli -- ...` would run it with no chat tokens unless `publishers` gives some.
 */
export function inProcessCli(
  path: string,
  options: { clock?: Clock; publishers?: Partial<Record<string, RoundupPublisher>> } = {},
): (...argv: string[]) => Promise<CliRun> {
  const clock = options.clock ?? fixedClock("2026-08-10T12:00:00Z");
  return async (...argv) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(
      argv,
      {
        openStore: () => SqliteStore.open(path),
        clock,
        fetcher: null,
        publishers: () => options.publishers ?? {},
      },
      { out: (text) => out.push(text), err: (text) => err.push(text) },
    );
    return { status, stdout: out.join("\n"), stderr: err.join("\n") };
  };
}
