/**
 * The review draft through `npm start`: main.ts must hand the Slack adapter's board to the scheduler,
 * which posts the draft on its own, and a press on the draft's "Post now" posts the roundup once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { setChannel } from "../../src/core/settings/manageSettings.js";
import { previousPeriod } from "../../src/core/time/period.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { startBotProcess, until } from "../helpers/botProcess.js";
import { requireCurrentBuild } from "../helpers/builtCli.js";
import { button, press } from "../slack/draftKit.js";
import { allText, sign, USERS } from "../slack/harness.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

const workspace = "slack:T1";
const DAY = 24 * 60 * 60 * 1000;

describe("the review draft under npm start", () => {
  let api: MockSlackApi;
  let dir: string;
  let path: string;

  beforeAll(async () => {
    api = new MockSlackApi(USERS);
    await api.start();
    dir = mkdtempSync(join(tmpdir(), "roundup-review-"));
    path = join(dir, "roundup.db");
    // Last month's roundup is due in two days, with its draft three days ahead: the draft is due now.
    const store = SqliteStore.open(path);
    const clock = { now: () => Date.now() };
    const period = previousPeriod(Date.now(), "UTC");
    await setChannel({ store, clock }, { workspace, channelId: "CROUNDUP" });
    await store.settings.setReview(workspace, { days: 3, channelId: "CREVIEW" });
    await addLink(
      { store, clock },
      {
        workspace,
        url: "https://example.com/reviewed",
        title: "A link worth reviewing",
        userId: "UAMY",
        userName: "Amy",
        source: "slack",
        at: Date.parse(`${period}-15T12:00:00Z`),
      },
    );
    await store.settings.setNextDue(workspace, { period, at: Date.now() + 2 * DAY });
    await store.close();
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("posts the draft on schedule, and Post now posts the reviewed roundup once", async (context) => {
    requireCurrentBuild("dist/main.js", context);
    const bot = startBotProcess(
      {
        DATABASE_URL: path,
        SLACK_BOT_TOKEN: "xoxb-review",
        SLACK_SIGNING_SECRET: "secret",
        SLACK_API_URL: api.url,
        PORT: "0",
        HOST: "127.0.0.1",
        FETCH_METADATA: "false",
        ROUNDUP_TICK_SECONDS: "1",
        LOG_LEVEL: "info",
      },
      { built: true },
    );
    try {
      await until(() => api.messagesIn("CREVIEW").length > 0, 20_000, "the draft to be posted");
      const [draft] = api.messagesIn("CREVIEW");
      expect(allText(draft)).toContain("A link worth reviewing");
      expect(api.messagesIn("CROUNDUP")).toEqual([]);

      const port = /"port":(\d+)[^\n]*Slack connected/.exec(bot.output())?.[1];
      expect(port).toBeDefined();
      const postNow = button(draft as never, "Post now");
      const payload = press(
        draft as never,
        { type: "button", block_id: "draft_controls", action_id: postNow.action_id, value: postNow.value },
        "UADMIN",
      );
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(body, timestamp, "secret"),
        },
        body,
      });
      expect(res.status).toBe(200);
      await until(() => api.messagesIn("CROUNDUP").length > 0, 20_000, "the roundup to be posted");
      expect(allText(api.messagesIn("CROUNDUP")[0])).toContain("A link worth reviewing");
      await until(
        () => allText(api.messagesIn("CREVIEW")[0]).includes("osted"),
        20_000,
        "the draft to say posted",
      );
    } finally {
      bot.child.kill("SIGTERM");
      expect(await bot.stopped).toBe(0);
    }
    expect(api.messagesIn("CROUNDUP")).toHaveLength(1);
  });
});
