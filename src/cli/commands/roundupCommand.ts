import { UserError } from "../../core/errors.js";
import { renderMarkdown } from "../../core/render/renderMarkdown.js";
import type { PostOutcome, PostRequestOutcome } from "../../core/roundup/requestRoundupPost.js";
import type { RoundupDoc } from "../../core/roundup/roundupDoc.js";
import { type Platform, platformOf, postingToken } from "../../core/workspace.js";
import { renderMonthPage } from "../../web/html/index.js";
import { siteNameOf } from "../../web/html/siteName.js";
import { commandLine, expectPositionals, PROGRAM, parse, stringValue, UsageError } from "../args.js";
import { type CliCommand, type CliContext, operator } from "../context.js";
import { roundupJson } from "../format.js";

const usage = `Usage: ${PROGRAM} roundup [YYYY-MM] [--format markdown|json|html]
       ${PROGRAM} roundup post [YYYY-MM] [--force]

Prints the roundup of a month (default: last month, in the workspace's time zone), or posts it to the
workspace's roundup channel through the same ledger as the schedule, so it is never posted twice;
--force posts it again on purpose. Posting needs the platform's token: SLACK_BOT_TOKEN for slack:...,
DISCORD_TOKEN for discord:... A local workspace has no chat: its roundup is the Markdown printed here.
--format html prints the month as one archive page, on its own: it does not know where it will be
published, so its canonical address and its links to the archive's index and feeds are relative
(./2026-07, ./, feed.xml), it has no previous/next month links, and it asks search engines not to
index it, as a private archive does.
Examples: ${PROGRAM} roundup 2026-07 > july.md
          ${PROGRAM} roundup 2026-07 --format html > 2026-07.html
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

/** How the asked-for post was decided, and how it ended: a line on stdout, or a refusal on stderr. */
function explain(outcome: PostRequestOutcome | PostOutcome, period: string, workspace: string): string {
  switch (outcome.kind) {
    case "posted":
      return `Posted the ${period} roundup: ${outcome.messagesSent} message(s).`;
    case "quiet":
    case "empty-month":
      return `Nobody shared a link in ${period}, so nothing was posted. For a short note in such months: ${commandLine("config set quiet on", workspace)}`;
    case "being-posted":
      return `The ${period} roundup is being posted right now by ${outcome.by ?? "another process"}.`;
    case "already-posted":
    case "already-handled": {
      const status =
        outcome.kind === "already-posted" ? "posted" : outcome.status === "unknown" ? "done" : outcome.status;
      return `The ${period} roundup was already posted (${status}). To post it again: ${commandLine(`roundup post ${period} --force`, workspace)}`;
    }
    case "no-channel":
      throw new UserError(
        "roundup.noChannel",
        `This workspace has no roundup channel. Set one with: ${commandLine("config set channel <id>", workspace)}`,
      );
    case "no-platform":
      if (outcome.platform === "local") throw noChatError(workspace);
      throw new UserError(
        "roundup.noPlatform",
        `Posting to ${workspace} needs ${postingToken(workspace)} in the environment; nothing was posted.`,
      );
    case "failed":
      throw new UserError("roundup.failed", `The ${period} roundup could not be posted: ${outcome.reason}`);
    case "error":
      throw new UserError("roundup.error", `The ${period} roundup could not be posted; see the error above.`);
    // The person at the command line is always an admin, and a started post is run at once.
    case "not-admin":
    case "started":
      throw new Error(`unexpected outcome ${outcome.kind}`);
  }
}

async function post(context: CliContext, args: string[]): Promise<void> {
  const parsed = parse(args, postOptions, usage);
  const [given] = expectPositionals(parsed, ["[YYYY-MM]"], usage, 1);
  const { core, workspace } = context;
  // A local workspace can never post, whether or not it exists yet: say that rather than "no workspace".
  if (platformOf(workspace) === "local") throw noChatError(workspace);
  await core.requireWorkspace(workspace);
  for (const [platform, publisher] of Object.entries(await context.publishers())) {
    if (publisher) core.usePublisher(platform as Platform, publisher);
  }
  const request = await core.requestRoundupPost({
    actor: operator(context),
    workspace,
    ...(given !== undefined ? { period: given } : {}),
    again: parsed.values.force === true,
  });
  if (request.kind !== "started") {
    const period = request.kind === "empty-month" ? request.period : (given ?? "");
    context.out(explain(request, period, workspace));
    return;
  }
  context.out(explain(await request.post(), request.doc.period, workspace));
}

function printed(doc: RoundupDoc, format: "markdown" | "json" | "html", siteName: string): string {
  switch (format) {
    case "json":
      return JSON.stringify(roundupJson(doc), null, 2);
    case "html":
      return renderMonthPage(
        doc,
        { archiveUrl: "./", siteName, noindex: true, relativeLinks: true },
        { previous: null, next: null },
      ).trimEnd();
    case "markdown":
      return renderMarkdown(doc).trimEnd();
  }
}

export const roundupCommand: CliCommand = {
  name: "roundup",
  summary: "print a month's roundup as Markdown, JSON or an HTML page, or post it to the channel",
  usage,
  options: { ...printOptions, ...postOptions },
  async run(context, args) {
    if (args[0] === "post") return post(context, args.slice(1));
    await context.core.requireWorkspace(context.workspace);
    const parsed = parse(args, printOptions, usage);
    const [period] = expectPositionals(parsed, ["[YYYY-MM]"], usage, 1);
    const format = stringValue(parsed, "format") ?? "markdown";
    if (format !== "markdown" && format !== "json" && format !== "html") {
      throw new UsageError(`unknown format "${format}"; use markdown, json or html`, usage);
    }
    const doc = await context.core.buildRoundup({
      workspace: context.workspace,
      ...(period !== undefined ? { period } : {}),
    });
    // The same name the archive and the static site give it, never the workspace's internal key.
    const { titleTemplate } = await context.core.getSettings({ workspace: context.workspace });
    context.out(printed(doc, format, siteNameOf(titleTemplate)));
  },
};
