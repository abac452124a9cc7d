import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess, until } from "../helpers/botProcess.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

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
    const bot = startBotProcess({
      DATABASE_URL: join(dir, "roundup.db"),
      SLACK_BOT_TOKEN: "xoxb-very-secret-token",
      SLACK_SIGNING_SECRET: "signing-secret-value",
      SLACK_API_URL: api.url,
      PORT: "0",
      HOST: "127.0.0.1",
      FETCH_METADATA: "false",
      LOG_LEVEL: "debug",
    });
    const started = /"port":(\d+)[^\n]*Slack connected/;
    await until(() => started.test(bot.output()), 15_000, "the start-up line");
    const port = Number(started.exec(bot.output())?.[1]);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    bot.child.kill("SIGTERM");
    expect(await bot.stopped).toBe(0);
    expect(bot.output()).not.toContain("xoxb-very-secret-token");
    expect(bot.output()).not.toContain("signing-secret-value");
  });
});
