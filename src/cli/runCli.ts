import { userInfo } from "node:os";
import { isUserError } from "../core/errors.js";
import { sanitizeText } from "../core/text/sanitizeText.js";
import { DEFAULT_LOCAL_WORKSPACE } from "../core/workspace.js";
import type { CopyDatabase } from "../storage/copy/copyDatabase.js";
import { PROGRAM, takesValue, UsageError } from "./args.js";
import { commands } from "./commands/index.js";
import type { CliCommand, CliContext, DatabaseCommand, OpenedCore } from "./context.js";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const GENERAL_USAGE = `Roundup: your team's reading list and its monthly roundup, from the command line.

Usage: ${PROGRAM} <command> [options] [--workspace KEY]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

Every command but db takes --workspace KEY (default local:default; discord:<guildId> or
slack:<teamId> to manage a bot's workspace); every command takes --help. The database is DATABASE_URL (default ./data/roundup.db).
Exit status: 0 done, 1 refused (the reason is on stderr), 2 wrong usage.

Example: ${PROGRAM} add https://example.com/post --category articles --note "Worth it"`;

/**
 * Pulls the options every command shares out of the arguments. The value after one of the command's
 * own options is that option's, whatever it looks like (`--note --help` is a note).
 */
function splitGlobal(argv: string[]): { args: string[]; workspace: string | undefined; help: boolean } {
  const args: string[] = [];
  let workspace: string | undefined;
  let help = false;
  let command: CliCommand | DatabaseCommand | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--workspace") workspace = argv[++i] ?? "";
    else if (arg.startsWith("--workspace=")) workspace = arg.slice("--workspace=".length);
    else {
      args.push(arg);
      if (args.length === 1) command = commands.find((c) => c.name === arg);
      else if (command && takesValue(arg, command.options) && i + 1 < argv.length)
        args.push(argv[++i] as string);
    }
  }
  return { args, workspace, help };
}

function defaultUser(): string {
  try {
    return userInfo().username || "cli";
  } catch {
    return "cli";
  }
}

/** Runs one CLI invocation and returns its exit status; all output goes through `io`. */
export async function runCli(
  argv: string[],
  deps: {
    /** Opens the database (only for a command that runs, not for --help) and binds the core to it. */
    openCore: () => OpenedCore | Promise<OpenedCore>;
    publishers?: CliContext["publishers"];
    /** `db copy`: copies DATABASE_URL's database into another; it opens both itself. */
    copyDatabase?: CopyDatabase;
  },
  io: CliIo,
): Promise<number> {
  const { args, workspace, help } = splitGlobal(argv);
  const [name, ...rest] = args;
  if (name === undefined || name === "help") {
    (help || name === "help" ? io.out : io.err)(GENERAL_USAGE);
    return help || name === "help" ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${GENERAL_USAGE}`);
    return 2;
  }
  if (help) {
    io.out(command.usage);
    return 0;
  }
  if ("kind" in command) return runDatabaseCommand(command, rest, workspace, deps.copyDatabase, io);
  if (workspace === "") {
    io.err(`--workspace needs a key, like local:default.\n\n${command.usage}`);
    return 2;
  }
  let opened: OpenedCore | undefined;
  try {
    opened = await deps.openCore();
    await command.run(
      {
        core: opened.core,
        publishers: deps.publishers ?? (() => ({})),
        workspace: workspace ?? DEFAULT_LOCAL_WORKSPACE,
        defaultUser: defaultUser(),
        // Stored text may predate sanitizing on the way in; a terminal must never get a control sequence.
        out: (text) => io.out(sanitizeText(text)),
      },
      rest,
    );
    return 0;
  } catch (error) {
    return refusal(error, io);
  } finally {
    await opened?.close();
  }
}

/** The exit status for what a command threw, said on stderr: 2 for wrong usage, 1 for a refusal; anything else is a bug and passes on. */
function refusal(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n\n${error.usage}`);
    return 2;
  }
  if (isUserError(error)) {
    io.err(sanitizeText(error.message));
    return 1;
  }
  throw error;
}

/** A `db ...` command: no core is opened, it is handed what works on the databases themselves. */
async function runDatabaseCommand(
  command: DatabaseCommand,
  args: string[],
  workspace: string | undefined,
  copyDatabase: CopyDatabase | undefined,
  io: CliIo,
): Promise<number> {
  if (workspace !== undefined) {
    io.err(
      `${command.name} works on the whole database, every workspace: --workspace does not apply.\n\n${command.usage}`,
    );
    return 2;
  }
  try {
    await command.run(
      {
        copyDatabase:
          copyDatabase ?? (() => Promise.reject(new Error("db copy is not wired to the databases"))),
        out: (text) => io.out(sanitizeText(text)),
      },
      args,
    );
    return 0;
  } catch (error) {
    return refusal(error, io);
  }
}
