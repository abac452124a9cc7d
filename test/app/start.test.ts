import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockSlackApi } from "../slack/mockSlackApi.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("npm start with Slack credentials", () => {
  let api: MockSlackApi;
  let dir: string;

  beforeAll(async () => {
    api = new MockSlackApi({});
    await api.start();
    dir = mkdtempSync(join(tmpdir(), "roundup-start-"));
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves /healthz, never logs its secrets, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        DATABASE_URL: join(dir, "roundup.db"),
        SLACK_BOT_TOKEN: "xoxb-very-secret-token",
        SLACK_SIGNING_SECRET: "signing-secret-value",
        SLACK_API_URL: api.url,
        PORT: "0",
        HOST: "127.0.0.1",
        FETCH_METADATA: "false",
        LOG_LEVEL: "debug",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"port":(\d+)[^\n]*Slack connected/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).not.toContain("xoxb-very-secret-token");
    expect(output).not.toContain("signing-secret-value");
  });
});
