/**
 * The gateway split over processes (DISCORD_SHARDS of DISCORD_SHARD_COUNT): each bot identifies as its
 * own shards, holds only its shards' guilds, answers the interactions Discord routes to it
 * (`(guild_id >> 22) % count`), and only the process holding shard 0 registers the commands.
 */
import { ShardClientUtil } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningDiscord, startDiscord } from "../../src/adapters/discord/startDiscord.js";
import type { DiscordShards } from "../../src/config.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { FakeDiscord, readCommand, type Sender, shardOf, str } from "./fakeDiscord.js";
import { ALICE, BOB, CHANNEL, captureLogger, GUILD_A, GUILD_B, textOf } from "./harness.js";

// Of two shards, GUILD_A's events go over shard 1 and GUILD_B's over shard 0.
const ON_SHARD_1 = GUILD_A;
const ON_SHARD_0 = GUILD_B;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ fake: FakeDiscord; store: SqliteStore }> {
  const fake = await FakeDiscord.start({ guilds: [{ id: ON_SHARD_0 }, { id: ON_SHARD_1 }], shardCount: 2 });
  cleanups.push(() => fake.close());
  const temp = tempStore();
  cleanups.push(temp.cleanup);
  return { fake, store: temp.store };
}

/** A bot process holding `shards`, with a token of its own so its authorized REST calls tell which one made them. */
async function startBot(
  fake: FakeDiscord,
  store: SqliteStore,
  shards: DiscordShards,
  logs: Record<string, unknown>[] = [],
): Promise<RunningDiscord> {
  const logger = captureLogger(logs);
  const bot = await startDiscord({
    token: `token-shards-${shards.ids.join("-")}`,
    apiUrl: fake.apiUrl,
    shards,
    logger,
    core: createRoundupCore({ store, clock: fixedClock("2026-07-15T12:00:00Z"), logger }),
  });
  cleanups.push(() => bot.stop());
  return bot;
}

const guildsOf = (bot: RunningDiscord) => [...bot.client.guilds.cache.keys()];
const commandPuts = (fake: FakeDiscord) => fake.find("PUT", /\/commands$/);

describe("Discord shards over processes", () => {
  it("routes the test guilds the way discord.js computes a guild's shard", () => {
    for (const guild of [ON_SHARD_0, ON_SHARD_1]) {
      expect(shardOf(guild, 2)).toBe(ShardClientUtil.shardIdForGuildId(guild, 2));
    }
    expect([shardOf(ON_SHARD_0, 2), shardOf(ON_SHARD_1, 2)]).toEqual([0, 1]);
  });

  it("identifies as shard [1, 2], holds only that shard's guilds, and leaves the commands to shard 0", async () => {
    const { fake, store } = await setUp();
    const logs: Record<string, unknown>[] = [];
    const bot = await startBot(fake, store, { ids: [1], count: 2 }, logs);

    expect(fake.identifiedShards).toEqual([[1, 2]]);
    expect([...bot.client.ws.shards.keys()]).toEqual([1]);
    expect(guildsOf(bot)).toEqual([ON_SHARD_1]);
    expect(commandPuts(fake)).toHaveLength(0);
    expect(logs.map((l) => l.msg)).toContain(
      "Discord commands are registered by the process that holds shard 0",
    );
    expect(logs.find((l) => String(l.msg).startsWith("Discord connected"))).toMatchObject({
      shards: [1],
      shardCount: 2,
    });

    // Posting goes over REST, so this process can post a roundup to a guild it holds no shard of.
    const posted = await bot.publisher.send(`${ON_SHARD_0.slice(0, -1)}2`, { embeds: [] }, "roundup:x:1");
    expect(posted).toMatch(/^\d+$/);
    expect(fake.find("POST", /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });

  it("runs shards 0 and 1 in two bots on one store: each answers its own guilds' commands", async () => {
    const { fake, store } = await setUp();
    const [zero, one] = await Promise.all([
      startBot(fake, store, { ids: [0], count: 2 }),
      startBot(fake, store, { ids: [1], count: 2 }),
    ]);
    const seen = new Map<RunningDiscord, string[]>([
      [zero, []],
      [one, []],
    ]);
    for (const [bot, ids] of seen) bot.client.on("interactionCreate", (ix) => ids.push(ix.id));

    expect(fake.identifiedShards.map(String).sort()).toEqual(["0,2", "1,2"]);
    expect(guildsOf(zero)).toEqual([ON_SHARD_0]);
    expect(guildsOf(one)).toEqual([ON_SHARD_1]);
    const puts = commandPuts(fake);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers.authorization).toBe("Bot token-shards-0");

    const ask = async (sender: Sender, url: string) => {
      const payload = readCommand(fake, sender, ["add"], [str("url", url)]);
      fake.interact(payload);
      const ack = await fake.waitFor(
        (r) => r.method === "POST" && r.path.startsWith(`/interactions/${payload.id}/`),
      );
      return { id: payload.id, ack };
    };
    const onZero = await ask(
      { guildId: ON_SHARD_0, userId: ALICE, channelId: CHANNEL },
      "https://zero.example/",
    );
    const onOne = await ask({ guildId: ON_SHARD_1, userId: BOB, channelId: CHANNEL }, "https://one.example/");

    expect(textOf(onZero.ack)).toContain("zero.example");
    expect(textOf(onOne.ack)).toContain("one.example");
    // Each interaction reached only the process holding its guild's shard, which answered it.
    expect(seen.get(zero)).toEqual([onZero.id]);
    expect(seen.get(one)).toEqual([onOne.id]);
    // Both wrote to the one store.
    expect((await store.links.list(`discord:${ON_SHARD_0}`)).map((l) => l.url)).toEqual([
      "https://zero.example/",
    ]);
    expect((await store.links.list(`discord:${ON_SHARD_1}`)).map((l) => l.url)).toEqual([
      "https://one.example/",
    ]);
  });
});
