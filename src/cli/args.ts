import { type ParseArgsConfig, parseArgs } from "node:util";

/** The command line was wrong (unknown flag, missing argument): exit 2 with the usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";

  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** How the CLI is run from a checkout: every usage, example and hint shows this. */
export const PROGRAM = "npm run -s cli --";

/** A command line a person can paste to run `args` on `workspace`. */
export function commandLine(args: string, workspace: string): string {
  return `${PROGRAM} ${args} --workspace ${workspace}`;
}

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** Whether `arg` is an option of `options` that takes a value (`--note`, not `--note=x` or `--json`). */
export function takesValue(arg: string, options: Options): boolean {
  return arg.startsWith("--") && options[arg.slice(2)]?.type === "string";
}

/**
 * Joins each option that takes a value to the argument after it, whatever that looks like: a note may
 * start with "-" (`--note "-5% faster"`), which node's parser would refuse as ambiguous.
 */
function attachValues(args: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      joined.push(...args.slice(i));
      break;
    }
    joined.push(takesValue(arg, options) && i + 1 < args.length ? `${arg}=${args[++i]}` : arg);
  }
  return joined;
}

export interface Parsed {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** Strict parse: unknown flags and missing values are usage errors that quote the command's usage. */
export function parse(args: string[], options: Options, usage: string): Parsed {
  const all: Options = { ...options, help: { type: "boolean", short: "h" }, workspace: { type: "string" } };
  try {
    const { values, positionals } = parseArgs({
      args: attachValues(args, all),
      options: all,
      allowPositionals: true,
      strict: true,
      allowNegative: true,
    });
    return { positionals, values: values as Parsed["values"] };
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "invalid arguments", usage);
  }
}

export function stringValue(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
}

/** Exactly `count` positionals, or a usage error naming what is missing or extra. */
export function expectPositionals(parsed: Parsed, names: string[], usage: string, optional = 0): string[] {
  const { positionals } = parsed;
  if (positionals.length < names.length - optional) {
    throw new UsageError(`missing ${names.slice(positionals.length).join(" ")}`, usage);
  }
  if (positionals.length > names.length) {
    throw new UsageError(`unexpected argument "${positionals[names.length]}"`, usage);
  }
  return positionals;
}

export function linkId(text: string, usage: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`"${text}" isn't a link id (a whole number)`, usage);
  return Number(text);
}
