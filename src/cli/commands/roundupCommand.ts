import { renderMarkdown } from "../../core/render/renderMarkdown.js";
import { buildRoundup } from "../../core/roundup/buildRoundup.js";
import { expectPositionals, parse, stringValue, UsageError } from "../args.js";
import type { CliCommand } from "../context.js";

export const roundupCommand: CliCommand = {
  name: "roundup",
  summary: "print a month's roundup as Markdown or JSON",
  usage: `Usage: roundup roundup [YYYY-MM] [--format markdown|json]

Prints the roundup of a month (default: last month, in the workspace's time zone).
Example: npm run -s cli -- roundup 2026-07 > july.md`,
  run(context, args) {
    const parsed = parse(args, { format: { type: "string" } }, this.usage);
    const [period] = expectPositionals(parsed, ["[YYYY-MM]"], this.usage, 1);
    const format = stringValue(parsed, "format") ?? "markdown";
    if (format !== "markdown" && format !== "json") {
      throw new UsageError(`unknown format "${format}"; use markdown or json`, this.usage);
    }
    const doc = buildRoundup(
      { store: context.store },
      { workspace: context.workspace, now: context.clock.now(), ...(period !== undefined ? { period } : {}) },
    );
    context.out(format === "json" ? JSON.stringify(doc, null, 2) : renderMarkdown(doc).trimEnd());
  },
};
