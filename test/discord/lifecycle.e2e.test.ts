/** Starting, surviving a dropped gateway, stopping cleanly, and `npm run discord:register`. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startDiscord } from "../../src/adapters/discord/startDiscord.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { FakeDiscord, readCommand, type Sender, str } from "./fakeDiscord.js";
import {
  ALICE,
  captureLogger,
  EPHEMERAL,
  GUILD_A,
  messageOf,
  page,
  SlowFetcher,
  startHarness,
  textOf,
  until,
} from "./harness.js";

const alice: Sender = { guildId: GUILD_A, userId: ALICE, name: "Alice" };

describe("startDiscord", () => {
  it("registers the commands in one guild when given one", async () => {
    const h = await startHarness({ guildId: GUILD_A });
    try {
      const puts = h.fake.find("PUT", /commands$/);
      expect(puts.map((p) => p.path)).toEqual([`/applications/${h.fake.appId}/guilds/${GUILD_A}/commands`]);
      expect(((puts[0]?.body ?? []) as { name: string }[]).map((c) => c.name)).toEqual([
        "read",
        "Add to reading list",
      ]);
    } finally {
      await h.close();
    }
  });

  it("caches guilds, channels and roles, but no members, users or messages", async () => {
    const h = await startHarness({ guilds: [{ id: GUILD_A, channels: 5, roles: 3, members: 20 }] });
    try {
      await h.ask(readCommand(h.fake, alice, ["add"], [str("url", "https://cache.example/")]));
      const guild = h.bot.client.guilds.cache.get(GUILD_A);
      expect(guild?.channels.cache.size).toBe(5);
      expect(guild?.roles.cache.size).toBe(3);
      expect([...(guild?.members.cache.keys() ?? [])]).toEqual([h.fake.botUser.id]);
      expect([...h.bot.client.users.cache.keys()]).toEqual([h.fake.botUser.id]);
      const channel = guild?.channels.cache.first();
      expect(channel?.isTextBased() && channel.messages.cache.size).toBe(0);
    } finally {
      await h.close();
    }
  });

  it("keeps answering after the gateway drops, resuming the session", async () => {
    const h = await startHarness();
    try {
      h.fake.dropGateway(4000);
      await until(() => h.fake.resumes === 1 && h.fake.connected === 1, 10_000);
      const ack = await h.ask(
        readCommand(h.fake, alice, ["add"], [str("url", "https://after.example/drop")]),
      );
      expect(textOf(ack)).toContain("after.example/drop");
      expect(h.fake.identifies).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it("finishes the work in flight before it stops, and turns away what comes meanwhile", async () => {
    const fetcher = new SlowFetcher();
    const h = await startHarness({ fetcher });
    const payload = readCommand(h.fake, alice, ["add"], [str("url", "https://inflight.example/")]);
    await h.ask(payload);
    await until(() => fetcher.waiting === 1);
    let stopped = false;
    const stopping = h.bot.stop().then(() => {
      stopped = true;
    });
    // Turned away, so the bot took in an interaction after stopping began: had stopping not waited for
    // the page lookup it would have logged out by then and this could not have been answered.
    const late = await h.ask(readCommand(h.fake, alice, ["help"]));
    expect(messageOf(late).flags).toBe(EPHEMERAL);
    expect(textOf(late)).toMatch(/restarting/);
    expect(stopped).toBe(false);
    fetcher.release(page("Finished Before Stopping"));
    await stopping;
    const [edit] = h.fake.find("PATCH", new RegExp(payload.token));
    expect(edit && textOf(edit)).toContain("Finished Before Stopping");
    await until(() => h.fake.connected === 0);
    await h.close();
  });

  it("fails to start with a token Discord refuses", async () => {
    const fake = await FakeDiscord.start({ guilds: [] });
    fake.override = (r) =>
      r.path === "/gateway/bot"
        ? { status: 401, body: { message: "401: Unauthorized", code: 0 } }
        : undefined;
    const temp = tempStore();
    try {
      await expect(
        startDiscord({
          token: "wrong",
          apiUrl: fake.apiUrl,
          logger: captureLogger([]),
          core: createRoundupCore({
            store: temp.store,
            clock: fixedClock("2026-07-01T00:00:00Z"),
            logger: captureLogger([]),
          }),
        }),
      ).rejects.toThrow(/token/i);
    } finally {
      await temp.cleanup();
      await fake.close();
    }
  });
});

describe("npm run discord:register", () => {
  it("registers the commands and prints the invite link", async () => {
    const fake = await FakeDiscord.start();
    try {
      const script = fileURLToPath(new URL("../../src/adapters/discord/register.ts", import.meta.url));
      const child = spawn(process.execPath, ["--import", "tsx", script], {
        env: {
          PATH: process.env.PATH,
          DISCORD_TOKEN: "register-token",
          DISCORD_API_URL: fake.apiUrl,
          DISCORD_GUILD_ID: GUILD_A,
        },
      });
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
      });
      child.stderr.on("data", (chunk) => {
        out += chunk;
      });
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(out).toContain(`Registered 2 commands in server ${GUILD_A}`);
      expect(out).toContain(`https://discord.com/oauth2/authorize?client_id=${fake.appId}`);
      expect(code).toBe(0);
      expect(fake.find("PUT", /commands$/).map((r) => r.path)).toEqual([
        `/applications/${fake.appId}/guilds/${GUILD_A}/commands`,
      ]);
      expect(fake.requests.every((r) => r.headers.authorization === "Bot register-token")).toBe(true);
    } finally {
      await fake.close();
    }
  });
});
