import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { entryArguments } from "./builtCli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the process as `nobody`, who (unlike root) is held to file permissions; see `canRunAsNobody`. */
export const AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
export const canRunAsNobody = process.getuid?.() === 0 && existsSync("/usr/bin/setpriv");

export interface Finished {
  /** Exit status, or null when the process was killed (e.g. by the timeout). */
  status: number | null;
  /** Everything it printed, stdout and stderr together. */
  output: string;
  /** What it printed on stdout alone. */
  stdout: string;
  /** What it printed on stderr alone. */
  stderr: string;
}

/**
 * Runs `npm start`'s entry point (`bot`) or the CLI's until it ends, with only `env` (and PATH), in
 * `cwd` (the repository by default), through `prefix` if given (e.g. `AS_NOBODY`, or `prlimit`);
 * killed after `timeoutMs`.
 */
export function runEntry(
  entry: "bot" | "cli",
  options: {
    args?: string[];
    env?: Record<string, string>;
    cwd?: string;
    prefix?: string[];
    timeoutMs?: number;
  },
): Promise<Finished> {
  const node = [process.execPath, ...entryArguments(entry), ...(options.args ?? [])];
  const command = [...(options.prefix ?? []), ...node];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] as string, command.slice(1), {
      cwd: options.cwd ?? root,
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 20_000,
    });
    let output = "";
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output, stdout, stderr }));
  });
}
