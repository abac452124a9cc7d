import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadEnvFile } from "../../src/config.js";
import { runEntry } from "../helpers/entryProcess.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("loadConfig", () => {
  it("defaults to a database file under ./data and no platforms", () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: "./data/roundup.db",
      databasePoolMax: 10,
      logLevel: "info",
      fetch: { enabled: true, allowPrivateHosts: [], concurrency: 4 },
      catchUpDays: 7,
      tickSeconds: 30,
      http: { port: 3000, host: "0.0.0.0" },
      publicUrl: null,
      discord: null,
      slack: null,
    });
  });

  it("reads the fetcher's settings", () => {
    const config = loadConfig({
      FETCH_METADATA: "false",
      FETCH_ALLOW_PRIVATE_HOSTS: " Wiki.Internal , 10.0.0.5,",
      FETCH_CONCURRENCY: "8",
    });
    expect(config.fetch).toEqual({
      enabled: false,
      allowPrivateHosts: ["wiki.internal", "10.0.0.5"],
      concurrency: 8,
    });
    expect(() => loadConfig({ FETCH_CONCURRENCY: "lots" })).toThrow(/FETCH_CONCURRENCY/);
    expect(() => loadConfig({ FETCH_ALLOW_PRIVATE_HOSTS: "http://wiki/" })).toThrow(
      /FETCH_ALLOW_PRIVATE_HOSTS/,
    );
  });

  it("names the variable that is wrong, and never its value", () => {
    const load = () => loadConfig({ LOG_LEVEL: "loud", SLACK_BOT_TOKEN: "xoxb-secret-value" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/LOG_LEVEL/);
    expect(load).toThrow(/SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/);
    try {
      load();
    } catch (error) {
      expect((error as Error).message).not.toContain("xoxb-secret-value");
    }
  });

  it("reads the platforms' optional settings and checks them", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "d-token",
      DISCORD_GUILD_ID: "123456789012345678",
      DISCORD_API_URL: "http://127.0.0.1:9999/api",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_APP_TOKEN: "xapp-1",
      PORT: "8080",
    });
    expect(config.discord).toEqual({
      token: "d-token",
      guildId: "123456789012345678",
      apiUrl: "http://127.0.0.1:9999/api",
    });
    expect(config.slack).toEqual({ botToken: "xoxb-1", signingSecret: "s", appToken: "xapp-1" });
    expect(config.http).toEqual({ port: 8080, host: "0.0.0.0" });
    expect(() => loadConfig({ DISCORD_GUILD_ID: "my-server" })).toThrow(/DISCORD_GUILD_ID/);
    expect(() => loadConfig({ SLACK_API_URL: "ftp://x" })).toThrow(/SLACK_API_URL/);
    expect(() => loadConfig({ ROUNDUP_CATCH_UP_DAYS: "40" })).toThrow(/ROUNDUP_CATCH_UP_DAYS/);
    expect(loadConfig({ DATABASE_POOL_MAX: "25" }).databasePoolMax).toBe(25);
    expect(loadConfig({ PUBLIC_URL: "https://reading.example.com" }).publicUrl).toBe(
      "https://reading.example.com/",
    );
    expect(() => loadConfig({ PUBLIC_URL: "reading.example.com" })).toThrow(
      "PUBLIC_URL: must be an http(s) URL",
    );
    expect(() => loadConfig({ DATABASE_POOL_MAX: "0" })).toThrow("DATABASE_POOL_MAX: must be at least 1");
  });

  it("takes a SQLite path or a PostgreSQL URL, and refuses other URLs naming DATABASE_URL, never the URL", () => {
    const load = (url: string) => () => loadConfig({ DATABASE_URL: url });
    for (const url of [
      "postgres://roundup:pa55word@db.internal/roundup",
      "postgresql://db.internal/roundup?sslmode=require",
    ]) {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    expect(load("mysql://roundup:pa55word@db.internal/roundup")).toThrow(
      "DATABASE_URL: mysql: URLs are not supported; use a SQLite file path, a file: URL or a postgres:// URL",
    );
    expect(load("mysql://roundup:pa55word@db.internal/roundup")).not.toThrow(/pa55word/);
    for (const path of [
      "./data/roundup.db",
      "file:./data/roundup.db?mode=ro",
      "C:\\roundup\\roundup.db",
      ":memory:",
    ]) {
      expect(loadConfig({ DATABASE_URL: path }).databaseUrl).toBe(path);
    }
  });

  it("reads the Discord shards this process runs, out of the shard count", () => {
    const discord = (env: Record<string, string>) => loadConfig({ DISCORD_TOKEN: "d-token", ...env }).discord;
    expect(discord({ DISCORD_SHARDS: " 2, 0 ", DISCORD_SHARD_COUNT: "4" })).toEqual({
      token: "d-token",
      shards: { ids: [2, 0], count: 4 },
    });
    expect(discord({ DISCORD_SHARDS: "0", DISCORD_SHARD_COUNT: "1" })?.shards).toEqual({
      ids: [0],
      count: 1,
    });
    // Unset, or empty as in a copied .env.example: the whole gateway, as discord.js decides.
    expect(discord({})).toEqual({ token: "d-token" });
    expect(discord({ DISCORD_SHARDS: "", DISCORD_SHARD_COUNT: " " })).toEqual({ token: "d-token" });
  });

  it("refuses shards that are not distinct whole numbers below the count, naming the variable only", () => {
    const problem = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message.replace("Invalid configuration:\n", "").trim();
      }
      throw new Error("loaded");
    };
    const both =
      "DISCORD_SHARDS and DISCORD_SHARD_COUNT: set both to split the Discord gateway over processes, or neither.";
    expect(problem({ DISCORD_SHARDS: "0,1" })).toBe(both);
    expect(problem({ DISCORD_SHARD_COUNT: "2" })).toBe(both);
    const list = "DISCORD_SHARDS: must be shard numbers separated by commas, like 0,1";
    for (const shards of ["one", "0;1", "-1", "1.5", "0,,1", "0,"]) {
      expect(problem({ DISCORD_SHARDS: shards, DISCORD_SHARD_COUNT: "2" })).toBe(list);
    }
    expect(problem({ DISCORD_SHARDS: "1,0,1", DISCORD_SHARD_COUNT: "2" })).toBe(
      "DISCORD_SHARDS: names a shard twice: each shard runs in exactly one process",
    );
    expect(problem({ DISCORD_SHARDS: "0,7", DISCORD_SHARD_COUNT: "2" })).toBe(
      "DISCORD_SHARDS: every shard must be below DISCORD_SHARD_COUNT (shards count from 0).",
    );
    for (const count of ["two", "1.5", "-2"]) {
      expect(problem({ DISCORD_SHARDS: "0", DISCORD_SHARD_COUNT: count })).toBe(
        "DISCORD_SHARD_COUNT: must be a whole number of shards",
      );
    }
    expect(problem({ DISCORD_SHARDS: "0", DISCORD_SHARD_COUNT: "0" })).toBe(
      "DISCORD_SHARD_COUNT: must be at least 1",
    );
    // Shown beside the other variables' problems, in one message.
    const message = problem({ LOG_LEVEL: "loud", DISCORD_SHARDS: "3", DISCORD_SHARD_COUNT: "2" });
    expect(message).toContain("LOG_LEVEL");
    expect(message).toContain("DISCORD_SHARDS: every shard must be below DISCORD_SHARD_COUNT");
    expect(message).not.toMatch(/\b3\b/);
  });

  it("treats an empty token as unset, as in a copied .env.example", () => {
    expect(
      loadConfig({ DISCORD_TOKEN: "", SLACK_BOT_TOKEN: " ", SLACK_SIGNING_SECRET: "" }).discord,
    ).toBeNull();
  });
});

// Removed when the file is done: the spawning tests below run at the same time.
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** An empty folder to run in, holding `.env` when given. */
function workingDir(dotEnv?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "roundup-cwd-"));
  dirs.push(dir);
  if (dotEnv !== undefined) writeFileSync(join(dir, ".env"), dotEnv);
  return dir;
}

/*
 * The entry points themselves, each in a process of its own (1-2 s each): what they print, on which
 * stream, and their exit status. The describes run concurrently, so the processes overlap, and
 * each gets the time of a busy machine.
 */
const SPAWNS = { timeout: 60_000 };

describe.concurrent("npm start without credentials", SPAWNS, () => {
  it("says what to set and where it is explained, and exits non-zero", async () => {
    // An empty folder, so no .env in the checkout can give the bot credentials.
    const run = await runEntry("bot", { cwd: workingDir(), env: { DATABASE_URL: ":memory:" } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("DISCORD_TOKEN");
    expect(run.stderr).toContain("SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET");
    expect(run.stderr).toContain("README.md");
  });

  it("refuses a bad setting at start, naming it", async () => {
    const run = await runEntry("bot", {
      cwd: workingDir(),
      env: { DATABASE_URL: ":memory:", LOG_LEVEL: "chatty" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/LOG_LEVEL/);
  });
});

describe.concurrent("npm start with nothing to run", SPAWNS, () => {
  it("touches nothing: no data folder and no database file", async () => {
    const dir = workingDir();
    const run = await runEntry("bot", { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.output).toContain("Roundup has no chat platform to connect to yet.");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe.concurrent("a database URL of a kind Roundup cannot open", SPAWNS, () => {
  it("stops the CLI, naming DATABASE_URL, and creates nothing", async () => {
    const dir = workingDir();
    const run = await runEntry("cli", {
      cwd: dir,
      args: ["list"],
      env: { DATABASE_URL: "mysql://db.internal/roundup" },
    });
    expect(run.status).toBe(2);
    expect(run.output).toContain(
      "DATABASE_URL: mysql: URLs are not supported; use a SQLite file path, a file: URL or a postgres:// URL",
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe.concurrent(".env in the working directory", SPAWNS, () => {
  it("is read by npm start and by the CLI", async () => {
    const botDir = workingDir("LOG_LEVEL=chatty\n");
    const cliDir = workingDir(
      "# copied from .env.example\nDATABASE_URL=./from-dotenv.db\nFETCH_METADATA=false\n",
    );
    const [bot, cli] = await Promise.all([
      runEntry("bot", { cwd: botDir }),
      runEntry("cli", { cwd: cliDir, args: ["add", "https://dotenv.example/"] }),
    ]);
    expect(bot.status).toBe(2);
    expect(bot.output).toMatch(/LOG_LEVEL/);
    expect(cli.status, cli.output).toBe(0);
    expect(existsSync(join(cliDir, "from-dotenv.db"))).toBe(true);
  });

  it("gives way to a variable set in the environment", async () => {
    const dir = workingDir("LOG_LEVEL=chatty\n");
    const run = await runEntry("bot", { cwd: dir, env: { LOG_LEVEL: "warn" } });
    expect(run.status).toBe(1);
    expect(run.output).toContain("Roundup has no chat platform to connect to yet.");
  });
});

describe("loadEnvFile", () => {
  it("adds what .env sets and keeps what is set already", () => {
    const dir = workingDir(
      '# Roundup\r\nPORT=8080\r\n\r\nexport LOG_LEVEL=debug\r\nSLACK_APP_TOKEN="xapp-1 # kept" # a comment\r\n',
    );
    const env: Record<string, string | undefined> = { LOG_LEVEL: "warn" };
    loadEnvFile(dir, env);
    expect(env).toEqual({ PORT: "8080", LOG_LEVEL: "warn", SLACK_APP_TOKEN: "xapp-1 # kept" });
  });

  it("reads a copy of .env.example as it is", () => {
    const dir = workingDir(readFileSync(join(root, ".env.example"), "utf8"));
    const env: Record<string, string | undefined> = {};
    loadEnvFile(dir, env);
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });

  it("refuses a line that is not a setting, naming its number and never its text, and sets nothing", () => {
    const dir = workingDir("PORT=8080\nDISCORD_TOKEN: secret-token\nLOG_LEVEL=debug\n");
    const env: Record<string, string | undefined> = {};
    expect(() => loadEnvFile(dir, env)).toThrow(
      `.env in ${dir}: line 2 is not NAME=value (or a # comment): fix it, or remove it.`,
    );
    expect(env).toEqual({});
  });

  it("does nothing without a .env, and says so when .env cannot be read", () => {
    const env = {};
    loadEnvFile(workingDir(), env);
    expect(env).toEqual({});
    const dir = workingDir();
    mkdirSync(join(dir, ".env"));
    expect(() => loadEnvFile(dir, env)).toThrow(ConfigError);
    expect(() => loadEnvFile(dir, env)).toThrow(`Could not read .env in ${dir} (EISDIR)`);
  });
});
