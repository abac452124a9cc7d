import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bool, int, MANAGE_GUILD, readCommand, type Sender, str } from "./fakeDiscord.js";
import { ALICE, BOB, EPHEMERAL, GUILD_A, type Harness, messageOf, startHarness, textOf } from "./harness.js";

let h: Harness;
const alice: Sender = { guildId: GUILD_A, userId: ALICE, name: "Alice" };
const admin: Sender = { guildId: GUILD_A, userId: BOB, name: "Bob", permissions: MANAGE_GUILD };

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("/read add", () => {
  it("adds a link and shows the channel who shared it", async () => {
    const ack = await h.ask(
      readCommand(
        h.fake,
        alice,
        ["add"],
        [str("url", "https://example.com/post"), str("category", "tools"), str("note", "Worth it")],
      ),
    );
    expect(ack.body.type).toBe(4);
    expect(messageOf(ack).flags ?? 0).toBe(0);
    expect(textOf(ack)).toContain("Alice");
    expect(textOf(ack)).toContain("Tools");
    expect(textOf(ack)).toContain("Worth it");
    const [link] = h.store.links.list(`discord:${GUILD_A}`);
    expect(link?.url).toBe("https://example.com/post");
    expect(link?.sharedById).toBe(ALICE);
  });

  it("refuses a bad URL privately, storing nothing", async () => {
    const before = h.store.links.list(`discord:${GUILD_A}`).length;
    const ack = await h.ask(readCommand(h.fake, alice, ["add"], [str("url", "javascript:alert(1)")]));
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
    expect(textOf(ack)).toMatch(/Only web links/);
    expect(h.store.links.list(`discord:${GUILD_A}`)).toHaveLength(before);
  });
});

describe("/read list", () => {
  it("lists this month's links privately", async () => {
    const ack = await h.ask(readCommand(h.fake, alice, ["list"], [bool("mine", true)]));
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
    expect(textOf(ack)).toContain("example.com/post");
  });

  it("refuses a bad month", async () => {
    const ack = await h.ask(readCommand(h.fake, alice, ["list"], [str("month", "2026-13")]));
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
    expect(textOf(ack)).toMatch(/isn't a month/);
  });
});

describe("/read category", () => {
  it("refuses a non-admin and changes nothing", async () => {
    const ack = await h.ask(readCommand(h.fake, alice, ["category", "add"], [str("name", "Papers")]));
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
    expect(textOf(ack)).toMatch(/Only admins/);
    expect(h.store.categories.list(`discord:${GUILD_A}`).map((c) => c.name)).not.toContain("Papers");
  });

  it("lets a member with Manage Server add one", async () => {
    const ack = await h.ask(
      readCommand(h.fake, admin, ["category", "add"], [str("name", "Papers"), str("emoji", "📄")]),
    );
    expect(textOf(ack)).toContain("Papers");
    expect(h.store.categories.list(`discord:${GUILD_A}`).map((c) => c.name)).toContain("Papers");
  });

  it("moves one", async () => {
    const ack = await h.ask(
      readCommand(h.fake, admin, ["category", "move"], [str("category", "Papers"), int("position", 1)]),
    );
    expect(textOf(ack)).toMatch(/1\. 📄 \*\*Papers\*\*/);
  });
});
