import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLastMonthDueAgain, seedDueRoundup, startBotProcess, until } from "../helpers/botProcess.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

const workspace = "slack:T1";

describe("the bot posts a due roundup on its own", () => {
  let api: MockSlackApi;
  let dir: string;
  let path: string;

  beforeAll(async () => {
    api = new MockSlackApi({});
    await api.start();
    dir = mkdtempSync(join(tmpdir(), "roundup-scheduled-"));
    path = join(dir, "roundup.db");
    await seedDueRoundup(path, {
      workspace,
      channelId: "CROUNDUP",
      source: "slack",
      title: "Last month's read",
    });
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function startBot() {
    return startBotProcess({
      DATABASE_URL: path,
      SLACK_BOT_TOKEN: "xoxb-scheduled",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: api.url,
      PORT: "0",
      HOST: "127.0.0.1",
      FETCH_METADATA: "false",
      ROUNDUP_TICK_SECONDS: "1",
      LOG_LEVEL: "warn",
    });
  }

  it("posts it to the channel when due, and a restart right after posts nothing more", async () => {
    const first = startBot();
    await until(() => api.callsTo("chat.postMessage").length > 0, 20_000, "the roundup to be posted");
    const post = api.callsTo("chat.postMessage")[0];
    expect(post?.params.channel).toBe("CROUNDUP");
    expect(JSON.stringify(post?.params.blocks)).toContain("Last month's read");
    first.child.kill("SIGTERM");
    expect(await first.stopped).toBe(0);

    const due = await makeLastMonthDueAgain(path, workspace);
    const second = startBot();
    await until(() => due.handled(), 20_000, "the restarted bot to handle the month due again");
    await due.close();
    second.child.kill("SIGTERM");
    expect(await second.stopped).toBe(0);
    expect(api.callsTo("chat.postMessage")).toHaveLength(1);
  });
});
