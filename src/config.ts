import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";

const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || /^https?:\/\/[^\s]+$/.test(value), {
    message: "must be an http(s) URL",
  });

/** Why DATABASE_URL cannot be used, when it is a URL of a database Roundup cannot open yet. */
function unsupportedDatabaseUrl(value: string): string | null {
  // One letter before the colon is a Windows drive (C:\roundup.db), which is a path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === "file" || scheme === "postgres" || scheme === "postgresql")
    return null;
  return `${scheme}: URLs are not supported; use a SQLite file path, a file: URL or a postgres:// URL`;
}

/** Every setting Roundup reads from the environment; `.env.example` documents each one. */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, "must be a file path, a file: URL, :memory: or a postgres:// URL")
    .default("./data/roundup.db")
    .superRefine((value, context) => {
      const problem = unsupportedDatabaseUrl(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  DATABASE_POOL_MAX: z.coerce
    .number({ message: "must be a whole number of connections" })
    .int("must be a whole number of connections")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FETCH_METADATA: z
    .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
    .default("true")
    .transform((value) => ["true", "1", "yes"].includes(value)),
  FETCH_ALLOW_PRIVATE_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host.length > 0),
    )
    .refine((hosts) => hosts.every((host) => /^[a-z0-9.-]+$|^\[?[0-9a-f:.]+\]?$/.test(host)), {
      message: "must be host names separated by commas, like wiki.internal,10.0.0.5",
    }),
  FETCH_CONCURRENCY: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(32, "must be at most 32")
    .default(4),
  ROUNDUP_CATCH_UP_DAYS: z.coerce
    .number({ message: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(0, "must be 0 or more")
    .max(28, "must be at most 28")
    .default(7),
  ROUNDUP_TICK_SECONDS: z.coerce
    .number({ message: "must be a whole number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1")
    .max(3600, "must be at most 3600")
    .default(30),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int()
    .min(0)
    .max(65535, "must be a port number")
    .default(3000),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  PUBLIC_URL: optionalUrl,
  DISCORD_TOKEN: optionalSecret,
  DISCORD_GUILD_ID: z
    .string()
    .trim()
    .regex(/^(\d{17,20})?$/, "must be a server (guild) id: 17 to 20 digits")
    .optional()
    .transform((value) => value || undefined),
  DISCORD_API_URL: optionalUrl,
  DISCORD_SHARDS: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^\d+(\s*,\s*\d+)*$/.test(value), {
      message: "must be shard numbers separated by commas, like 0,1",
    })
    .transform((value) => value?.split(",").map((shard) => Number(shard.trim())))
    .refine((shards) => shards === undefined || new Set(shards).size === shards.length, {
      message: "names a shard twice: each shard runs in exactly one process",
    }),
  DISCORD_SHARD_COUNT: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^\d+$/.test(value), {
      message: "must be a whole number of shards",
    })
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .refine((count) => count === undefined || count >= 1, { message: "must be at least 1" }),
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  SLACK_API_URL: optionalUrl,
});

export interface Config {
  databaseUrl: string;
  /** The most connections this process opens to PostgreSQL (unused on SQLite). */
  databasePoolMax: number;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  fetch: { enabled: boolean; allowPrivateHosts: string[]; concurrency: number };
  /** A roundup later than this is recorded as skipped instead of posted. */
  catchUpDays: number;
  /** How often the scheduler asks which workspaces are due. */
  tickSeconds: number;
  http: { port: number; host: string };
  /** Where people reach this server (PUBLIC_URL), ending in "/": the base of the web archive's addresses. */
  publicUrl: string | null;
  discord: { token: string; guildId?: string; apiUrl?: string; shards?: DiscordShards } | null;
  slack: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string } | null;
}

/** The gateway shards this process runs (`ids`) out of the `count` all processes share. */
export interface DiscordShards {
  ids: number[];
  count: number;
}

/**
 * DISCORD_SHARDS and DISCORD_SHARD_COUNT together: both or neither, every shard below the count. Each
 * field is read on its own, so these problems show beside the other variables' in one message.
 */
function shardProblems(env: Record<string, string | undefined>): string[] {
  const shards = configSchema.shape.DISCORD_SHARDS.safeParse(env.DISCORD_SHARDS);
  const count = configSchema.shape.DISCORD_SHARD_COUNT.safeParse(env.DISCORD_SHARD_COUNT);
  if (!shards.success || !count.success) return [];
  if ((shards.data === undefined) !== (count.data === undefined)) {
    return [
      "  DISCORD_SHARDS and DISCORD_SHARD_COUNT: set both to split the Discord gateway over processes, or neither.",
    ];
  }
  const total = count.data;
  if (shards.data && total !== undefined && shards.data.some((shard) => shard >= total)) {
    return ["  DISCORD_SHARDS: every shard must be below DISCORD_SHARD_COUNT (shards count from 0)."];
  }
  return [];
}

/** A configuration problem, worded for whoever set the environment; never contains a value. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads and checks the environment once; a wrong value fails with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  const hasSlackToken = Boolean(env.SLACK_BOT_TOKEN?.trim());
  if (hasSlackToken !== Boolean(env.SLACK_SIGNING_SECRET?.trim())) {
    problems.push("  SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: set both to connect Slack, or neither.");
  }
  problems.push(...shardProblems(env));
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    databasePoolMax: values.DATABASE_POOL_MAX,
    logLevel: values.LOG_LEVEL,
    fetch: {
      enabled: values.FETCH_METADATA,
      allowPrivateHosts: values.FETCH_ALLOW_PRIVATE_HOSTS,
      concurrency: values.FETCH_CONCURRENCY,
    },
    catchUpDays: values.ROUNDUP_CATCH_UP_DAYS,
    tickSeconds: values.ROUNDUP_TICK_SECONDS,
    http: { port: values.PORT, host: values.HOST },
    publicUrl: values.PUBLIC_URL ? values.PUBLIC_URL.replace(/\/*$/, "/") : null,
    discord: values.DISCORD_TOKEN
      ? {
          token: values.DISCORD_TOKEN,
          ...(values.DISCORD_GUILD_ID ? { guildId: values.DISCORD_GUILD_ID } : {}),
          ...(values.DISCORD_API_URL ? { apiUrl: values.DISCORD_API_URL } : {}),
          ...(values.DISCORD_SHARDS && values.DISCORD_SHARD_COUNT
            ? { shards: { ids: values.DISCORD_SHARDS, count: values.DISCORD_SHARD_COUNT } }
            : {}),
        }
      : null,
    slack:
      values.SLACK_BOT_TOKEN && values.SLACK_SIGNING_SECRET
        ? {
            botToken: values.SLACK_BOT_TOKEN,
            signingSecret: values.SLACK_SIGNING_SECRET,
            ...(values.SLACK_APP_TOKEN ? { appToken: values.SLACK_APP_TOKEN } : {}),
            ...(values.SLACK_API_URL ? { apiUrl: values.SLACK_API_URL } : {}),
          }
        : null,
  };
}

/** A `.env` line that sets something: `NAME=value`, optionally after `export`. */
const ENV_LINE = /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/;

/**
 * Adds the settings of `.env` in `dir` to `env`, as `.env.example` promises; a variable already set
 * wins. No file is fine. A file that cannot be read, or a line that is neither a setting, a comment
 * nor blank, is a ConfigError that names the (first such) line but never shows it (it may hold a token).
 */
export function loadEnvFile(
  dir: string = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): void {
  let text: string;
  try {
    text = readFileSync(join(dir, ".env"), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    throw new ConfigError(`Could not read .env in ${dir} (${code}): make it a readable file, or remove it.`);
  }
  const lines = text.split(/\r?\n/);
  const wrong = lines.findIndex((line) => !ENV_LINE.test(line) && !/^\s*(#.*)?$/.test(line));
  if (wrong >= 0) {
    throw new ConfigError(
      `.env in ${dir}: line ${wrong + 1} is not NAME=value (or a # comment): fix it, or remove it.`,
    );
  }
  // Line by line, since Node 20's parser reads a line without "=" as part of the next one's name.
  for (const line of lines.filter((l) => ENV_LINE.test(l))) {
    for (const [name, value] of Object.entries(parseEnv(line))) env[name] ??= value;
  }
}

/** For an entry point: `.env` and the environment, checked, or null after telling stderr what is wrong. */
export function loadConfigOrExplain(env: Record<string, string | undefined> = process.env): Config | null {
  try {
    loadEnvFile(process.cwd(), env);
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return null;
  }
}
