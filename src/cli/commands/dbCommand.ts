import { describeCopy } from "../../storage/copy/copyDatabase.js";
import { expectPositionals, PROGRAM, parse, stringValue, UsageError } from "../args.js";
import type { DatabaseCommand } from "../context.js";

const usage = `Usage: ${PROGRAM} db copy --to <DATABASE URL> [--force] [--json]

Copies everything Roundup keeps in DATABASE_URL into another database, SQLite or PostgreSQL either
way: every workspace with its categories, links (with their numbers and recommendations), settings,
admins and roundup ledger. The target is a PostgreSQL URL (postgres://user@host/database) or a SQLite
path or file: URL; it is created or migrated as needed and written in one transaction, so a copy that
fails leaves nothing behind. A target that already holds a workspace is refused unless --force, which
empties it first. Slack's replay log is not copied: its entries only live a few minutes.
To copy back from PostgreSQL, set DATABASE_URL to the server and --to to a file path.
Leave the password out of --to and set PGPASSWORD instead, so it stays out of your shell history.

Example: DATABASE_URL=./data/roundup.db ${PROGRAM} db copy --to postgres://roundup@db.example.com/roundup`;

const copyOptions = {
  to: { type: "string" },
  force: { type: "boolean" },
  json: { type: "boolean" },
} as const;

export const dbCommand: DatabaseCommand = {
  kind: "database",
  name: "db",
  summary: "copy the whole database to PostgreSQL or SQLite (db copy --to URL)",
  usage,
  options: copyOptions,
  async run(context, args) {
    const [action, ...rest] = args;
    if (action !== "copy") {
      throw new UsageError(
        action === undefined ? "missing action (copy)" : `unknown action "${action}"`,
        usage,
      );
    }
    const parsed = parse(rest, copyOptions, usage);
    expectPositionals(parsed, [], usage);
    const to = stringValue(parsed, "to")?.trim();
    if (!to) throw new UsageError("missing --to <DATABASE URL>", usage);
    const report = await context.copyDatabase({ to, force: parsed.values.force === true });
    context.out(parsed.values.json === true ? JSON.stringify(report, null, 2) : describeCopy(report));
  },
};
