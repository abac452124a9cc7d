/**
 * Worker processes that start racing at one signal: each opens its database, says "ready" and waits,
 * so the race begins only once every process is up (node with tsx takes about a second to start, and
 * longer when several start on two cores), not at a guessed instant.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const READY = "ready";

export interface WorkerExit {
  status: number | null;
  signal: NodeJS.Signals | null;
  /** The last line it printed on stdout, parsed as JSON: the worker's report; null if it printed none. */
  report: unknown;
  /** Everything it printed, stdout then stderr, to show when it failed. */
  output: string;
}

export interface WorkerProcess {
  /** Resolves once the worker waits for `go` (with `waitForGo`), rejects if it ended before. */
  ready: Promise<void>;
  go(): void;
  exited: Promise<WorkerExit>;
}

/**
 * Runs `script` (relative to the repository) under tsx with only `env` (and PATH). With
 * `waitForGo`, the worker is told to call `waitForGo()` and waits there for `go()`.
 */
export function startWorker(
  script: string,
  env: Record<string, string>,
  options: { waitForGo?: boolean } = {},
): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env, ...(options.waitForGo ? { WAIT_FOR_GO: "1" } : {}) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  // A worker that died before `go` shows in `exited`, not as a write error here.
  child.stdin.on("error", () => {});
  if (!options.waitForGo) child.stdin.end();
  let stdout = "";
  let stderr = "";
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    signalReady = resolve;
  });
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stdout.split("\n").includes(READY)) signalReady();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<WorkerExit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => {
      const last = stdout
        .trim()
        .split("\n")
        .filter((line) => line !== READY)
        .at(-1);
      resolve({ status, signal, report: parseReport(last), output: `${stdout}${stderr}` });
    });
  });
  const readyOrEnded = Promise.race([
    ready,
    exited.then((exit) => {
      throw new Error(`${script} ended before it was ready (${exit.status ?? exit.signal}): ${exit.output}`);
    }),
  ]);
  // Only a caller that waits for it hears of it; a worker run without `waitForGo` is never ready.
  readyOrEnded.catch(() => {});
  return {
    ready: readyOrEnded,
    go: () => child.stdin.end("go\n"),
    exited,
  };
}

function parseReport(line: string | undefined): unknown {
  try {
    return line ? JSON.parse(line) : null;
  } catch {
    return null;
  }
}

/** In a worker started with `waitForGo`: says it is ready, then waits for the parent's signal. */
export async function waitForGo(): Promise<void> {
  if (!process.env.WAIT_FOR_GO) return;
  process.stdout.write(`${READY}\n`);
  await once(process.stdin, "data");
  process.stdin.destroy();
}
