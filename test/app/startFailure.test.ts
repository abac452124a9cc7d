/**
 * `npm start` when a platform refuses the credentials or cannot be reached: one plain line that
 * says which and what to check, exit status 1, no stack trace and no secret.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../discord/fakeDiscord.js";
import { startBotProcess } from "../helpers/botProcess.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

const SLACK_TOKEN = "xoxb-start-failure-secret";
const DISCORD_TOKEN = "discord-start-failure-secret";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "roundup-start-failure-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const bot = startBotProcess({
    DATABASE_URL: join(dir, "roundup.db"),
    PORT: "0",
    HOST: "127.0.0.1",
    FETCH_METADATA: "false",
    LOG_LEVEL: "info",
    ...env,
  });
  const code = await bot.stopped;
  return { code, output: bot.output() };
}

function expectPlain(output: string): void {
  expect(output).not.toContain(SLACK_TOKEN);
  expect(output).not.toContain(DISCORD_TOKEN);
  expect(output).not.toMatch(/\n\s+at /);
}

describe("npm start when a platform will not have it", () => {
  it("says Slack refused the bot token", async () => {
    const api = new MockSlackApi({});
    await api.start();
    api.on("auth.test", () => ({ ok: false, error: "invalid_auth" }));
    try {
      const { code, output } = await run({
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_SIGNING_SECRET: "signing-secret",
        SLACK_API_URL: api.url,
      });
      expect(code).toBe(1);
      expect(output).toContain(
        "Roundup could not start. Slack refused SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token again",
      );
      expectPlain(output);
    } finally {
      await api.stop();
    }
  });

  it("says Slack could not be reached", async () => {
    const { code, output } = await run({
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: "signing-secret",
      SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
    });
    expect(code).toBe(1);
    expect(output).toContain("Roundup could not start. Could not reach Slack's Web API");
    expectPlain(output);
  });

  it("says Discord refused the bot token", async () => {
    const fake = await FakeDiscord.start();
    fake.override = (r) =>
      r.path === "/gateway/bot"
        ? { status: 401, body: { message: "401: Unauthorized", code: 0 } }
        : undefined;
    try {
      const { code, output } = await run({ DISCORD_TOKEN, DISCORD_API_URL: fake.apiUrl });
      expect(code).toBe(1);
      expect(output).toContain("Roundup could not start. Discord refused DISCORD_TOKEN");
      expectPlain(output);
    } finally {
      await fake.close();
    }
  });
});
