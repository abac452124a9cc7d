/**
 * `/read roundup post`: 300 links with long notes posted to the roundup channel as messages within
 * every Discord limit, all 300 there, nobody pinged; once per month through the ledger.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { setChannel } from "../../src/core/settings/manageSettings.js";
import { bool, MANAGE_GUILD, readCommand, type Sender, str } from "./fakeDiscord.js";
import { BOB, CHANNEL, GUILD_A, GUILD_B, type Harness, startHarness, textOf, until } from "./harness.js";
import { expectWithinLimits, visibleText } from "./limits.js";

let h: Harness;
const admin: Sender = { guildId: GUILD_A, userId: BOB, name: "Bob", permissions: MANAGE_GUILD };
const WS_A = `discord:${GUILD_A}`;
const HOSTILE = "@everyone <@&1> [x](https://evil)";

function note(i: number): string {
  const words = Array.from({ length: 160 }, (_, w) => `note${i}word${w}`);
  return words
    .join(" ")
    .slice(0, 995)
    .replace(/\s+\S*$/, "");
}

// Every test gets its own bot, fake Discord and store, and sets up the links and channel it needs.
beforeEach(async () => {
  h = await startHarness({ now: "2026-07-20T12:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

/** June 2026 in guild A: `count` links (300 unless told) with long notes, #7 hostile; one link in guild B. */
async function shareJune(count = 300) {
  const categories = ["articles", "tools", null];
  for (let i = 0; i < count; i++) {
    await addLink(
      { store: h.store, clock: h.clock },
      {
        workspace: WS_A,
        url: `https://links.example/${i}`,
        title: i === 7 ? HOSTILE : `Link ${i}: a title of some length`,
        note: i === 7 ? HOSTILE : note(i),
        category: categories[i % 3] ?? null,
        userId: `7000000000000000${String(i % 10).padStart(2, "0")}`,
        userName: `Sharer ${i % 10}`,
        source: "discord",
        at: Date.parse("2026-06-10T12:00:00Z") + i * 60_000,
      },
    );
  }
  await addLink(
    { store: h.store, clock: h.clock },
    {
      workspace: `discord:${GUILD_B}`,
      url: "https://b-only.example/",
      userId: "1",
      userName: "Bea",
      source: "discord",
      at: Date.parse("2026-06-10T12:00:00Z"),
    },
  );
}

const setRoundupChannel = () =>
  setChannel({ store: h.store, clock: h.clock }, { workspace: WS_A, channelId: CHANNEL });

const channelPosts = () => h.fake.find("POST", new RegExp(`^/channels/${CHANNEL}/messages$`));

describe("/read roundup post", () => {
  it("refuses when there is no roundup channel", async () => {
    await shareJune(3);
    const ack = await h.ask(readCommand(h.fake, admin, ["roundup", "post"], [str("month", "2026-06")]));
    expect(textOf(ack)).toMatch(/There's no roundup channel yet/);
    expect(channelPosts()).toHaveLength(0);
  });

  it("posts 300 links to the channel, split within every limit, all of them there", async () => {
    await shareJune();
    await setRoundupChannel();
    const payload = readCommand(h.fake, admin, ["roundup", "post"], [str("month", "2026-06")]);
    const ack = await h.ask(payload);
    expect(textOf(ack)).toMatch(/Posting the June 2026 roundup \(300 links\) to <#\d+> in \d+ messages…/);
    const outcome = await h.fake.waitFor(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${payload.token}/messages/@original`),
      20_000,
    );
    expect(textOf(outcome)).toContain("✅ Posted the June 2026 roundup (300 links)");

    const posts = channelPosts();
    expect(posts.length).toBeGreaterThan(30);
    for (const post of posts) {
      expectWithinLimits(post.body);
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
      expect(post.body.enforce_nonce).toBe(true);
      expect(post.body.nonce.length).toBeLessThanOrEqual(25);
    }
    expect(new Set(posts.map((p) => p.body.nonce)).size).toBe(posts.length);
    const text = visibleText(posts.map((p) => p.body));
    for (let i = 0; i < 300; i++) {
      expect(text).toContain(`(<https://links.example/${i}>)`);
      if (i !== 7) expect(text).toContain(note(i));
    }
    expect(text).not.toContain("b-only.example");
    expect(text).not.toMatch(/(^|[^\\])@everyone/);
    expect(text).not.toMatch(/(^|[^\\])<@/);
    expect(text).not.toContain("](https://evil)");
    expect(posts[0]?.body.content).toContain("What we've been reading in June 2026");
    const run = await h.store.runs.get(WS_A, "2026-06");
    expect(run).toMatchObject({ status: "posted" });
    expect(run?.messageIds).toHaveLength(posts.length);
  });

  it("does not post the same month twice unless asked to again", async () => {
    await shareJune(30); // a month of several messages; the 300 are the test above's
    await setRoundupChannel();
    const first = readCommand(h.fake, admin, ["roundup", "post"], [str("month", "2026-06")]);
    await h.ask(first);
    const posted = await h.fake.waitFor(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${first.token}/messages/@original`),
      20_000,
    );
    if (!textOf(posted).includes("✅ Posted")) throw new Error(`June was not posted: ${textOf(posted)}`);

    const before = channelPosts().length;
    const payload = readCommand(h.fake, admin, ["roundup", "post"], [str("month", "2026-06")]);
    await h.ask(payload);
    const outcome = await h.fake.waitFor((r) => r.method === "PATCH" && r.path.includes(payload.token));
    expect(textOf(outcome)).toMatch(/was already posted\. To post it once more/);
    expect(channelPosts()).toHaveLength(before);

    const again = readCommand(
      h.fake,
      admin,
      ["roundup", "post"],
      [str("month", "2026-06"), bool("again", true)],
    );
    await h.ask(again);
    await h.fake.waitFor((r) => r.method === "PATCH" && r.path.includes(again.token), 20_000);
    expect(channelPosts().length).toBe(before * 2);
  });

  it("explains a permission Discord refuses, and the ledger remembers where it stopped", async () => {
    await setRoundupChannel();
    h.fake.override = (r) =>
      r.method === "POST" && r.path.startsWith("/channels/")
        ? { status: 403, body: { message: "Missing Permissions", code: 50013 } }
        : undefined;
    try {
      const payload = readCommand(h.fake, admin, ["roundup", "post"], [str("month", "2026-05")]);
      await addLink(
        { store: h.store, clock: h.clock },
        {
          workspace: WS_A,
          url: "https://may.example/",
          userId: "1",
          userName: "Mae",
          source: "discord",
          at: Date.parse("2026-05-10T12:00:00Z"),
        },
      );
      await h.ask(payload);
      const outcome = await h.fake.waitFor((r) => r.method === "PATCH" && r.path.includes(payload.token));
      expect(textOf(outcome)).toMatch(/Posting the May 2026 roundup stopped: the bot lacks a permission/);
      await until(async () => (await h.store.runs.get(WS_A, "2026-05"))?.status === "failed");
    } finally {
      h.fake.override = null;
    }
  });
});
