/**
 * Issue 14's commands on Discord end to end: the editorial settings (order, picks, review) for admins
 * and in config show, and votes from /read vote (own, counted, already), privately.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CommandOption,
  int,
  MANAGE_GUILD,
  messageCommand,
  readCommand,
  type Sender,
  str,
} from "./fakeDiscord.js";
import { EPHEMERAL, GUILD_A, type Harness, messageOf, startHarness, textOf } from "./harness.js";

const REVIEW = "320000000000000001";
const admin: Sender = {
  guildId: GUILD_A,
  userId: "520000000000000001",
  name: "Bob",
  permissions: MANAGE_GUILD,
};
const member: Sender = { guildId: GUILD_A, userId: "540000000000000001", name: "Carol" };
const sharer: Sender = { guildId: GUILD_A, userId: "560000000000000001", name: "Dana" };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function run(sender: Sender, path: string[], options: CommandOption[] = [], extra = {}) {
  const ack = await h.ask(readCommand(h.fake, sender, path, options, extra));
  return { text: textOf(ack), private: messageOf(ack)?.flags === EPHEMERAL, message: messageOf(ack) };
}

const channel = (name: string, value: string): CommandOption => ({ name, type: 7, value });
const reviewChannel = { channels: { [REVIEW]: { id: REVIEW, type: 0, name: "editors", permissions: "0" } } };

describe("the editorial settings on Discord", () => {
  it("are for admins: a member is refused and nothing changes", async () => {
    for (const [path, options] of [
      [["config", "order"], [str("by", "votes")]],
      [["config", "picks"], [str("title", "Mine")]],
      [["config", "review"], [int("days", 3)]],
    ] as const) {
      const answer = await run(member, [...path], [...options]);
      expect(answer.private).toBe(true);
      expect(answer.text).toContain("Only admins can change the roundup settings");
    }
    const show = await run(member, ["config", "show"]);
    expect(show.text).toContain("**Order within sections:** as shared");
    expect(show.text).toContain("**Picks:** ⭐ Picks of the month");
    expect(show.text).toContain("**Review draft:** off");
  });

  it("set the order, the picks heading and the review draft, and config show lists them", async () => {
    expect((await run(admin, ["config", "order"], [str("by", "votes")])).text).toBe(
      "✅ Within each section, the most recommended links (👍) come first, then in the order they were shared.",
    );
    expect(
      (await run(admin, ["config", "picks"], [str("title", "**Staff** @everyone"), str("emoji", "🏆")])).text,
    ).toBe("✅ Picks open the roundup under **🏆 \\*\\*Staff\\*\\* \\@everyone**.");
    const noChannel = await run(admin, ["config", "review"], [int("days", 3)]);
    expect(noChannel.text).toContain("Say where the draft goes");
    const review = await run(admin, ["config", "review"], [int("days", 3), channel("channel", REVIEW)], {
      resolved: reviewChannel,
    });
    expect(review.private).toBe(true);
    expect(review.text).toContain(
      `✅ The draft of each roundup goes to <#${REVIEW}> 3 days before it's due, for admins to drop, pick, move, hold or post it.`,
    );
    const show = await run(member, ["config", "show"]);
    expect(show.text).toContain("**Order within sections:** most recommended first");
    expect(show.text).toContain("**Picks:** 🏆 \\*\\*Staff\\*\\* \\@everyone");
    expect(show.text).toContain(`**Review draft:** 3 days before each roundup, in <#${REVIEW}>`);
    expect((await run(admin, ["config", "review"], [int("days", 0)])).text).toBe(
      "✅ No review draft: each roundup goes out as scheduled.",
    );
    expect((await run(member, ["config", "show"])).text).toContain("**Review draft:** off");
  });
});

describe("votes on Discord", () => {
  it("answer /read vote privately: own link, counted once, then already counted", async () => {
    const shared = await run(sharer, ["add"], [str("url", "https://votes.example/a"), str("note", "Good")]);
    expect(shared.private).toBe(false);
    const id = Number(shared.message.components[0].components[0].custom_id.split(":")[1]);

    const own = await run(sharer, ["vote"], [int("number", id)]);
    expect(own.private).toBe(true);
    expect(own.text).toContain("is your own share, which already says you recommend it: 👍 0.");
    const counted = await run(member, ["vote"], [int("number", id)]);
    expect(counted.private).toBe(true);
    expect(counted.text).toContain(`👍 Counted your +1 for #${id}`);
    expect(counted.text).toContain(": 👍 1.");
    const again = await run(member, ["vote"], [int("number", id)]);
    expect(again.text).toContain(`You already recommend #${id}`);
    expect(again.text).toContain("👍 1.");
    expect((await run(member, ["vote"], [int("number", 99_999)])).text).toBe(
      "⚠️ There's no link #99999 here.",
    );
  });

  it("put no +1 under a share only its sharer sees", async () => {
    const ack = await h.ask(messageCommand(h.fake, member, "see https://votes.example/private"));
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
    expect(messageOf(ack).components ?? []).toEqual([]);
  });
});
