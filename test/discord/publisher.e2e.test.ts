/**
 * The roundup publisher the scheduler uses, and discord.js's own retries: 429s are waited out, 5xx
 * retried, a refused permission reported as permanent; interaction answers survive a 5xx too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordPublisher, nonceFor } from "../../src/adapters/discord/publisher.js";
import { PublishError } from "../../src/core/ports/publisher.js";
import {
  FakeDiscord,
  type FakeReply,
  type RecordedRequest,
  rateLimited,
  readCommand,
  str,
} from "./fakeDiscord.js";
import { ALICE, CHANNEL, GUILD_A, startHarness, textOf, until } from "./harness.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

/** Answers the next `times` matching requests with `reply`, then lets the fake answer as usual. */
function failNext(times: number, match: RegExp, reply: FakeReply) {
  let left = times;
  fake.override = (r) => {
    if (left > 0 && match.test(r.path)) {
      left--;
      return reply;
    }
    return undefined;
  };
}

const message = {
  content: "## Roundup",
  embeds: [{ title: "Tools", description: "**[A](<https://a.example>)**" }],
};
const posts = () => fake.find("POST", new RegExp(`^/channels/${CHANNEL}/messages$`));

describe("createDiscordPublisher", () => {
  const publisher = () => createDiscordPublisher({ token: "publisher-token", apiUrl: fake.apiUrl });

  it("posts with the part's key as an enforced nonce and no mentions", async () => {
    const before = posts().length;
    const id = await publisher().send(CHANNEL, message, "discord:1/2026-06/0");
    expect(id).toMatch(/^\d+$/);
    const [post] = posts().slice(before);
    expect(post?.body).toMatchObject({
      content: "## Roundup",
      allowed_mentions: { parse: [] },
      nonce: nonceFor("discord:1/2026-06/0"),
      enforce_nonce: true,
    });
    expect(post?.headers.authorization).toBe("Bot publisher-token");
    expect(nonceFor("discord:1/2026-06/0")).toHaveLength(25);
    expect(nonceFor("discord:1/2026-06/1")).not.toBe(nonceFor("discord:1/2026-06/0"));
  });

  it("waits out a 429 and posts once", async () => {
    const before = posts().length;
    failNext(1, /^\/channels\//, rateLimited(0.2));
    await publisher().send(CHANNEL, message, "k429");
    const after = posts().slice(before);
    expect(after).toHaveLength(2);
    expect(after[0]?.body.nonce).toBe(after[1]?.body.nonce);
    fake.override = null;
  });

  it("retries a 500 with the same nonce, so Discord keeps one message", async () => {
    const before = posts().length;
    failNext(2, /^\/channels\//, { status: 500, body: { message: "oops", code: 0 } });
    await publisher().send(CHANNEL, message, "k500");
    const after = posts().slice(before);
    expect(after).toHaveLength(3);
    expect(new Set(after.map((p) => p.body.nonce)).size).toBe(1);
    fake.override = null;
  });

  it("reports a missing permission as permanent, in words an admin can act on", async () => {
    failNext(1, /^\/channels\//, { status: 403, body: { message: "Missing Permissions", code: 50013 } });
    const error = await publisher()
      .send(CHANNEL, message, "k403")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({
      permanent: true,
      message: expect.stringMatching(/Send Messages and Embed Links/),
    });
    fake.override = null;
  });

  it("reports a deleted channel as permanent", async () => {
    failNext(1, /^\/channels\//, { status: 404, body: { message: "Unknown Channel", code: 10003 } });
    await expect(publisher().send(CHANNEL, message, "k404")).rejects.toMatchObject({
      permanent: true,
      message: "the roundup channel no longer exists",
    });
    fake.override = null;
  });
});

describe("interaction answers", () => {
  it("survive a 500 and a 429 on the way out", async () => {
    const h = await startHarness();
    try {
      let calls = 0;
      h.fake.override = (r) => {
        if (!r.path.endsWith("/callback")) return undefined;
        calls++;
        if (calls === 1) return { status: 500, body: { message: "oops", code: 0 } };
        if (calls === 2) return rateLimited(0.05);
        return undefined;
      };
      const payload = readCommand(
        h.fake,
        { guildId: GUILD_A, userId: ALICE },
        ["add"],
        [str("url", "https://retry.example/")],
      );
      h.fake.interact(payload);
      const callbacks = () => h.traffic(payload).filter((r) => r.path.endsWith("/callback"));
      await until(() => callbacks().length === 3);
      // The answer's retries end before its work does; stopping waits for all work in flight.
      await h.bot.stop();
      expect(h.logs.some((l) => l.msg === "stopped with Discord work still running")).toBe(false);
      expect(callbacks()).toHaveLength(3);
      expect(textOf(callbacks()[2] as RecordedRequest)).toContain("retry.example");
      expect(await h.store.links.list(`discord:${GUILD_A}`)).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
