import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { addLink } from "../../src/core/links/addLink.js";
import { setChannel } from "../../src/core/settings/manageSettings.js";
import { previousPeriod } from "../../src/core/time/period.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { entryArguments } from "./builtCli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  stopped: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
}

/**
 * Runs `npm start`'s entry point as its own process, with only the environment given (and PATH): the
 * source under tsx, or with `built` what `npm start` runs, dist/main.js (see `requireCurrentBuild`).
 */
export function startBotProcess(env: Record<string, string>, options: { built?: boolean } = {}): BotProcess {
  const entry = options.built ? ["dist/main.js"] : entryArguments("bot");
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  return {
    child,
    stopped: new Promise((resolve) => child.on("close", (code) => resolve(code))),
    output: () => printed,
  };
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A database file whose workspace has last month's roundup (one link) due two seconds from now: what
 * a schedule set for "the next minute" comes to, without a test waiting a minute.
 */
export async function seedDueRoundup(
  path: string,
  seed: { workspace: string; channelId: string; source: "slack" | "discord"; title: string; note?: string },
): Promise<void> {
  const store = SqliteStore.open(path);
  const clock = { now: () => Date.now() };
  const period = previousPeriod(Date.now(), "UTC");
  await setChannel({ store, clock }, { workspace: seed.workspace, channelId: seed.channelId });
  await addLink(
    { store, clock },
    {
      workspace: seed.workspace,
      url: "https://example.com/last-month",
      title: seed.title,
      ...(seed.note ? { note: seed.note } : {}),
      userId: "510000000000000009",
      userName: "Ada",
      source: seed.source,
      at: Date.parse(`${period}-15T12:00:00Z`),
    },
  );
  await store.settings.setNextDue(seed.workspace, { period, at: Date.now() + 2_000 });
  await store.close();
}

/**
 * Makes last month due again, as if the bot had died after posting it but before moving the schedule
 * on, so only the ledger stands between a restart and a second post. `handled()` turns true once a
 * bot has dealt with the month (the schedule moved on): the positive sign a test waits for.
 */
export async function makeLastMonthDueAgain(
  path: string,
  workspace: string,
): Promise<{ handled(): Promise<boolean>; close(): Promise<void> }> {
  const store = SqliteStore.open(path);
  const period = previousPeriod(Date.now(), "UTC");
  if ((await store.settings.get(workspace)).nextDue?.period === period) {
    await store.close();
    throw new Error(`${workspace} has not moved on from ${period}: was it posted?`);
  }
  await store.settings.setNextDue(workspace, { period, at: Date.now() });
  return {
    handled: async () => (await store.settings.get(workspace)).nextDue?.period !== period,
    close: () => store.close(),
  };
}
