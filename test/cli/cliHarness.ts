import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { entryArguments } from "../helpers/builtCli.js";

/** The repository root: the CLI runs from here, as `npm run cli` would. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

const SPAWN_TIMEOUT_MS = 20_000;

export interface CliResult {
  /** Exit status, or null when the process was killed (e.g. by the timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the parent minus anything that would connect a chat platform or change the database. */
function cleanEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "NODE_OPTIONS"]) {
    delete env[name];
  }
  env.DATABASE_URL = databaseUrl;
  env.LOG_LEVEL = "silent";
  // These tests are about the reading list; fetching pages has its own tests against loopback servers.
  env.FETCH_METADATA = "false";
  env.NO_COLOR = "1";
  return { ...env, ...extra };
}

/** Runs the CLI as a process (the build when current, see `entryArguments`) against `databaseUrl` and collects its output. */
export function runCli(
  databaseUrl: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entryArguments("cli"), ...args], {
      cwd: repoRoot,
      env: cleanEnv(databaseUrl, extraEnv),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: SPAWN_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** A temporary folder holding one database; `cli` runs the CLI on it, `cleanup` removes it all. */
export interface Sandbox {
  dir: string;
  databaseUrl: string;
  cli: (...args: string[]) => Promise<CliResult>;
  cleanup: () => void;
}

export function createSandbox(databaseUrl?: (dir: string) => string): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "roundup-cli-e2e-"));
  const url = databaseUrl ? databaseUrl(dir) : join(dir, "roundup.db");
  return {
    dir,
    databaseUrl: url,
    cli: (...args) => runCli(url, args),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The fields `list --json` promises for each link. */
export interface LinkJson {
  id: number;
  url: string;
  title: string | null;
  author: string | null;
  note: string | null;
  category: string | null;
  sharedBy: string;
  sharedAt: string;
  recommendations: { by: string; note: string | null; at: string }[];
}

/** Parses the stdout of a successful `list --json`, failing loudly with the output when it is not JSON. */
export function parseJson<T>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(
      `expected JSON on stdout (status ${result.status})\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
    );
  }
}
