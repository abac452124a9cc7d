/** The bot process outlives a promise that fails with nothing to handle it. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startBotProcess, until } from "../helpers/botProcess.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

const rejectOnSignal = fileURLToPath(new URL("../fixtures/rejectOnSignal.mjs", import.meta.url));
let api: MockSlackApi;
let dir: string;

beforeAll(async () => {
  api = new MockSlackApi({});
  await api.start();
  dir = mkdtempSync(join(tmpdir(), "roundup-guards-"));
});
afterAll(async () => {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("logs an unhandled rejection and keeps serving", async () => {
  const bot = startBotProcess({
    DATABASE_URL: join(dir, "roundup.db"),
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: "signing-secret-value",
    SLACK_API_URL: api.url,
    PORT: "0",
    HOST: "127.0.0.1",
    FETCH_METADATA: "false",
    NODE_OPTIONS: `--import=${rejectOnSignal}`,
  });
  let exited = false;
  void bot.stopped.then(() => {
    exited = true;
  });
  const started = /"port":(\d+)[^\n]*Slack connected/;
  await until(() => started.test(bot.output()) || exited, 15_000, "the start-up line");
  const port = Number(started.exec(bot.output())?.[1]);

  bot.child.kill("SIGUSR2");
  await until(() => bot.output().includes("nobody handled this") || exited, 15_000, "the rejection");
  expect(exited).toBe(false);
  expect(bot.output()).toContain("still running");
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

  bot.child.kill("SIGTERM");
  expect(await bot.stopped).toBe(0);
});
