import { hostname } from "node:os";
import { UserError } from "../../core/errors.js";
import { renderMarkdown } from "../../core/render/renderMarkdown.js";
import { buildRoundup } from "../../core/roundup/buildRoundup.js";
import { type PostResult, postRoundup } from "../../core/roundup/postRoundup.js";
import { getSettings } from "../../core/settings/manageSettings.js";
import { parsePeriod, previousPeriod } from "../../core/time/period.js";
import { requireWorkspace } from "../../core/workspace.js";
import { expectPositionals, parse, stringValue, UsageError } from "../args.js";
import type { CliCommand, CliContext } from "../context.js";

const usage = `Usage: roundup roundup [YYYY-MM] [--format markdown|json]
       roundup roundup post [YYYY-MM] [--force]

Prints the roundup of a month (default: last month, in the workspace's time zone), or posts it to the
workspace's roundup channel through the same ledger as the schedule, so it is never posted twice;
--force posts it again on purpose. Posting needs the platform's token (SLACK_BOT_TOKEN, DISCORD_TOKEN).
Examples: npm run -s cli -- roundup 2026-07 > july.md
          npm run -s cli -- roundup post 2026-07 --workspace slack:T012AB3CD`;

function explain(result: PostResult, period: string): string {
  switch (result.status) {
    case "posted":
      return `Posted the ${period} roundup: ${result.messagesSent} message(s).`;
    case "quiet":
      return `Nobody shared a link in ${period}; nothing was posted (config set quiet on posts a short note).`;
    case "already":
      return result.run?.status === "posting"
        ? `The ${period} roundup is being posted right now by ${result.run.claimedBy ?? "another process"}.`
        : `The ${period} roundup was already posted (${result.run?.status ?? "done"}). Use --force to post it again.`;
    case "no-channel":
      throw new UserError(
        "roundup.noChannel",
        "This workspace has no roundup channel. Set one with: config set channel <id>",
      );
    case "no-platform":
      throw new UserError(
        "roundup.noPlatform",
        "Posting to this workspace needs its platform's token in the environment (SLACK_BOT_TOKEN or DISCORD_TOKEN).",
      );
    case "failed":
      throw new UserError("roundup.failed", `The ${period} roundup could not be posted: ${result.reason}`);
  }
}

async function post(context: CliContext, args: string[]): Promise<void> {
  const parsed = parse(args, { force: { type: "boolean" } }, usage);
  const [given] = expectPositionals(parsed, ["[YYYY-MM]"], usage, 1);
  const { timeZone } = getSettings({ store: context.store }, { workspace: context.workspace }).schedule;
  const period = given === undefined ? previousPeriod(context.clock.now(), timeZone) : parsePeriod(given);
  const result = await postRoundup(
    { store: context.store, clock: context.clock, publishers: context.publishers() },
    {
      workspace: context.workspace,
      period,
      owner: `cli:${hostname()}:${process.pid}`,
      mode: parsed.values.force === true ? "force" : "manual",
    },
  );
  context.out(explain(result, period));
}

export const roundupCommand: CliCommand = {
  name: "roundup",
  summary: "print a month's roundup as Markdown or JSON, or post it to the channel",
  usage,
  async run(context, args) {
    requireWorkspace(context.store, context.workspace);
    if (args[0] === "post") return post(context, args.slice(1));
    const parsed = parse(args, { format: { type: "string" } }, usage);
    const [period] = expectPositionals(parsed, ["[YYYY-MM]"], usage, 1);
    const format = stringValue(parsed, "format") ?? "markdown";
    if (format !== "markdown" && format !== "json") {
      throw new UsageError(`unknown format "${format}"; use markdown or json`, usage);
    }
    const doc = buildRoundup(context, {
      workspace: context.workspace,
      ...(period !== undefined ? { period } : {}),
    });
    context.out(format === "json" ? JSON.stringify(doc, null, 2) : renderMarkdown(doc).trimEnd());
  },
};
