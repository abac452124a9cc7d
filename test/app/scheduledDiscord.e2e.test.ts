/**
 * `npm start` with a Discord token, as its own process against the loopback Discord: a roundup due
 * in two seconds lands in the guild's roundup channel, and a restart right after posts nothing more.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../discord/fakeDiscord.js";
import { visibleText } from "../discord/limits.js";
import { makeLastMonthDueAgain, seedDueRoundup, startBotProcess, until } from "../helpers/botProcess.js";

const GUILD = "110000000000000009";
const CHANNEL = "310000000000000009";
const workspace = `discord:${GUILD}`;

describe("the Discord bot posts a due roundup on its own", () => {
  let fake: FakeDiscord;
  let dir: string;
  let path: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ guilds: [{ id: GUILD }] });
    dir = mkdtempSync(join(tmpdir(), "roundup-scheduled-discord-"));
    path = join(dir, "roundup.db");
    await seedDueRoundup(path, {
      workspace,
      channelId: CHANNEL,
      source: "discord",
      title: "Last month's read",
      note: "@everyone should read this",
    });
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function startBot() {
    return startBotProcess({
      DATABASE_URL: path,
      DISCORD_TOKEN: "discord-scheduled-token",
      DISCORD_API_URL: fake.apiUrl,
      FETCH_METADATA: "false",
      ROUNDUP_TICK_SECONDS: "1",
      LOG_LEVEL: "warn",
    });
  }

  const channelPosts = () => fake.find("POST", new RegExp(`^/channels/${CHANNEL}/messages$`));

  it("posts it to the channel when due, and a restart right after posts nothing more", async () => {
    const first = startBot();
    await until(() => channelPosts().length > 0, 20_000, "the roundup to be posted");
    const post = channelPosts()[0];
    expect(post?.body.allowed_mentions).toEqual({ parse: [] });
    const text = visibleText([post?.body]);
    expect(text).toContain("Last month's read");
    expect(text).toContain("\\@everyone should read this");
    first.child.kill("SIGTERM");
    expect(await first.stopped).toBe(0);

    const due = await makeLastMonthDueAgain(path, workspace);
    const second = startBot();
    await until(() => due.handled(), 20_000, "the restarted bot to handle the month due again");
    await due.close();
    second.child.kill("SIGTERM");
    expect(await second.stopped).toBe(0);
    expect(channelPosts()).toHaveLength(1);
  });
});
