/**
 * The web archive through `npm start`: the bot's own composition (main.ts) serves a workspace's public
 * archive at PUBLIC_URL, from the database the CLI configured, beside Slack and /healthz.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/ports/clock.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import { previousPeriod } from "../../src/core/time/period.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { FakeDiscord } from "../discord/fakeDiscord.js";
import { startBotProcess, until } from "../helpers/botProcess.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

/** A port nothing listens on right now, for a bot that must know its PUBLIC_URL before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe("npm start with PUBLIC_URL", () => {
  let api: MockSlackApi;
  let dir: string;
  const period = previousPeriod(Date.now(), "UTC");

  beforeAll(async () => {
    api = new MockSlackApi({});
    await api.start();
    dir = mkdtempSync(join(tmpdir(), "roundup-archive-"));
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A database whose workspace has last month's link in a public archive at /team-reading/. */
  async function seed(path: string, workspace: string): Promise<void> {
    const store = SqliteStore.open(path);
    const core = createRoundupCore({
      store,
      clock: systemClock,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      owner: "seed",
    });
    await core.addLink({
      workspace,
      url: "https://example.com/worth-it",
      title: "Worth reading on the web",
      userId: "510000000000000009",
      userName: "Ada",
      source: workspace.startsWith("slack:") ? "slack" : "discord",
      at: Date.parse(`${period}-15T12:00:00Z`),
    });
    await core.setArchive({ workspace, mode: "public", slug: "team-reading" });
    await store.close();
  }

  /** Starts the bot with `env` on a free port at PUBLIC_URL, checks the archive, stops it. */
  async function servesTheArchive(path: string, env: Record<string, string>): Promise<void> {
    const port = await freePort();
    const site = `http://127.0.0.1:${port}/`;
    const bot = startBotProcess({
      DATABASE_URL: path,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: site,
      FETCH_METADATA: "false",
      LOG_LEVEL: "warn",
      ...env,
    });
    try {
      await until(
        () =>
          fetch(`${site}healthz`).then(
            (r) => r.ok,
            () => false,
          ),
        20_000,
        `the bot to answer /healthz\n${bot.output()}`,
      );
      const index = await fetch(`${site}team-reading/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain(`href="${site}team-reading/${period}"`);
      const month = await (await fetch(`${site}team-reading/${period}`)).text();
      expect(month).toContain("Worth reading on the web");
      const feed = await fetch(`${site}team-reading/feed.xml`);
      expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      expect(await feed.text()).toContain(`${site}team-reading/${period}`);
      expect((await fetch(`${site}someone-else/`)).status).toBe(404);
    } finally {
      bot.child.kill("SIGTERM");
    }
    expect(await bot.stopped).toBe(0);
  }

  it("serves a workspace's public archive beside Slack: index, last month's page and its feed", async () => {
    const path = join(dir, "slack.db");
    await seed(path, "slack:T1");
    await servesTheArchive(path, {
      SLACK_BOT_TOKEN: "xoxb-archive",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: api.url,
    });
  });

  it("serves it with Discord alone, on a web server of its own", async () => {
    const guild = "110000000000000019";
    const fake = await FakeDiscord.start({ guilds: [{ id: guild }] });
    try {
      const path = join(dir, "discord.db");
      await seed(path, `discord:${guild}`);
      await servesTheArchive(path, { DISCORD_TOKEN: "discord-archive-token", DISCORD_API_URL: fake.apiUrl });
    } finally {
      await fake.close();
    }
  });
});
