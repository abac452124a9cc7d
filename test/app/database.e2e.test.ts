/**
 * `npm start` and the CLI on a database they cannot use: one plain line naming DATABASE_URL, the
 * path and what to do, exit status 1, never a stack trace, and never a hang.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { AS_NOBODY, canRunAsNobody, type Finished, runEntry } from "../helpers/entryProcess.js";

let dir: string;
let closedPort: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "roundup-bad-db-"));
  chmodSync(dir, 0o777);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
  entry: "bot" | "cli",
  databaseUrl: string,
  options: { args?: string[]; prefix?: string[]; timeoutMs?: number } = {},
): Promise<Finished> {
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: "info", FETCH_METADATA: "false" };
  // The bot has a platform to start (one it never reaches), or it would stop before the database.
  const platform = { DISCORD_TOKEN: "discord-secret", DISCORD_API_URL: `http://127.0.0.1:${closedPort}/api` };
  return runEntry(entry, { ...options, env: entry === "bot" ? { ...env, ...platform } : env });
}

/** Exit status 1 and a single line that names DATABASE_URL and says each of `parts`. */
function expectOneLine(result: Finished, ...parts: string[]): void {
  expect(result.status, result.output).toBe(1);
  const lines = result.output.trim().split("\n");
  expect(lines, result.output).toHaveLength(1);
  for (const part of ["DATABASE_URL", ...parts]) expect(lines[0]).toContain(part);
  expect(result.output).not.toContain("discord-secret");
}

describe("npm start and the CLI with a database they cannot use", () => {
  it("explain a file that is not a database", async () => {
    const path = join(dir, "random.db");
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 151 + 7) % 256)));
    const [bot, cli] = await Promise.all([run("bot", path), run("cli", path, { args: ["list"] })]);
    expectOneLine(bot, "Roundup could not start.", path, "is not a SQLite database");
    expectOneLine(cli, path, "is not a SQLite database");
  });

  it("stops at once when the database's folder cannot be created", async () => {
    // Before, creating a folder under /proc looped forever at full CPU; the timeout ends that.
    const cli = await run("cli", "/proc/nope/x.db", { args: ["list"], timeoutMs: 10_000 });
    expectOneLine(cli, "/proc/nope/x.db", "the folder /proc/nope cannot be created");
  });

  it.skipIf(!existsSync("/usr/bin/prlimit"))("explains a disk I/O error at start", async () => {
    // A file-size limit makes the first write fail for real, as a failing disk would.
    const path = join(dir, "io", "roundup.db");
    const bot = await run("bot", path, { prefix: ["prlimit", "--fsize=20000"] });
    expectOneLine(bot, "Roundup could not start.", path, "disk I/O error");
  });

  it.skipIf(!canRunAsNobody)(
    "refuse to start the bot on a file it cannot write; the CLI says why an add fails",
    async () => {
      const path = join(dir, "read-only.db");
      const store = SqliteStore.open(path);
      await addLink(
        { store, clock: { now: () => Date.parse("2026-07-01T10:00:00Z") } },
        {
          workspace: "local:default",
          url: "https://kept.example",
          userId: "u",
          userName: "U",
          source: "cli",
        },
      );
      await store.close();
      chmodSync(path, 0o444);
      const [bot, cli] = await Promise.all([
        run("bot", path, { prefix: AS_NOBODY }),
        run("cli", path, { args: ["add", "https://refused.example"], prefix: AS_NOBODY }),
      ]);
      expectOneLine(bot, "Roundup could not start.", path, "cannot write");
      expectOneLine(cli, path, "cannot write");
    },
  );
});
