import { hostname } from "node:os";
import { UserError } from "../../core/errors.js";
import { renderMarkdown } from "../../core/render/renderMarkdown.js";
import { buildRoundup } from "../../core/roundup/buildRoundup.js";
import { type PostResult, postRoundup } from "../../core/roundup/postRoundup.js";
import { getSettings } from "../../core/settings/manageSettings.js";
import { parsePeriod, previousPeriod } from "../../core/time/period.js";
import { platformOf, postingToken, requireWorkspace } from "../../core/workspace.js";
import { commandLine, expectPositionals, PROGRAM, parse, stringValue, UsageError } from "../args.js";
import type { CliCommand, CliContext } from "../context.js";
import { roundupJson } from "../format.js";

const usage = `Usage: ${PROGRAM} roundup [YYYY-MM] [--format markdown|json]
       ${PROGRAM} roundup post [YYYY-MM] [--force]

Prints the roundup of a month (default: last month, in the workspace's time zone), or posts it to the
workspace's roundup channel through the same ledger as the schedule, so it is never posted twice;
--force posts it again on purpose. Posting needs the platform's token: SLACK_BOT_TOKEN for slack:...,
DISCORD_TOKEN for discord:... A local workspace has no chat: its roundup is the Markdown printed here.
Examples: ${PROGRAM} roundup 2026-07 > july.md
          ${PROGRAM} roundup post 2026-07 --workspace slack:T012AB3CD`;

const printOptions = { format: { type: "string" } } as const;
const postOptions = { force: { type: "boolean" } } as const;

/** Why a local workspace takes no channel and posts nothing, and what it has instead. */
export function noChatError(workspace: string): UserError {
  return new UserError(
    "workspace.noChat",
    `${workspace} is a local workspace: it has no chat to post to, so it takes no roundup channel. Its roundup is the Markdown this prints: ${commandLine("roundup YYYY-MM", workspace)}`,
  );
}

function explain(result: PostResult, period: string, workspace: string): string {
  switch (result.status) {
    case "posted":
      return `Posted the ${period} roundup: ${result.messagesSent} message(s).`;
    case "quiet":
      return `Nobody shared a link in ${period}, so nothing was posted. For a short note in such months: ${commandLine("config set quiet on", workspace)}`;
    case "already":
      return result.run?.status === "posting"
        ? `The ${period} roundup is being posted right now by ${result.run.claimedBy ?? "another process"}.`
        : `The ${period} roundup was already posted (${result.run?.status ?? "done"}). To post it again: ${commandLine(`roundup post ${period} --force`, workspace)}`;
    case "no-channel":
      throw new UserError(
        "roundup.noChannel",
        `This workspace has no roundup channel. Set one with: ${commandLine("config set channel <id>", workspace)}`,
      );
    case "no-platform":
      if (result.platform === "local") throw noChatError(workspace);
      throw new UserError(
        "roundup.noPlatform",
        `Posting to ${workspace} needs ${postingToken(workspace)} in the environment; nothing was posted.`,
      );
    case "failed":
      throw new UserError("roundup.failed", `The ${period} roundup could not be posted: ${result.reason}`);
  }
}

async function post(context: CliContext, args: string[]): Promise<void> {
  const parsed = parse(args, postOptions, usage);
  const [given] = expectPositionals(parsed, ["[YYYY-MM]"], usage, 1);
  // A local workspace can never post, whether or not it exists yet: say that rather than "no workspace".
  if (platformOf(context.workspace) === "local") throw noChatError(context.workspace);
  await requireWorkspace(context.store, context.workspace);
  const { timeZone } = (await getSettings({ store: context.store }, { workspace: context.workspace }))
    .schedule;
  const period = given === undefined ? previousPeriod(context.clock.now(), timeZone) : parsePeriod(given);
  const result = await postRoundup(
    { store: context.store, clock: context.clock, publishers: await context.publishers() },
    {
      workspace: context.workspace,
      period,
      owner: `cli:${hostname()}:${process.pid}`,
      mode: parsed.values.force === true ? "force" : "manual",
    },
  );
  context.out(explain(result, period, context.workspace));
}

export const roundupCommand: CliCommand = {
  name: "roundup",
  summary: "print a month's roundup as Markdown or JSON, or post it to the channel",
  usage,
  options: { ...printOptions, ...postOptions },
  async run(context, args) {
    if (args[0] === "post") return post(context, args.slice(1));
    await requireWorkspace(context.store, context.workspace);
    const parsed = parse(args, printOptions, usage);
    const [period] = expectPositionals(parsed, ["[YYYY-MM]"], usage, 1);
    const format = stringValue(parsed, "format") ?? "markdown";
    if (format !== "markdown" && format !== "json") {
      throw new UsageError(`unknown format "${format}"; use markdown or json`, usage);
    }
    const doc = await buildRoundup(context, {
      workspace: context.workspace,
      ...(period !== undefined ? { period } : {}),
    });
    context.out(
      format === "json" ? JSON.stringify(roundupJson(doc), null, 2) : renderMarkdown(doc).trimEnd(),
    );
  },
};
