/**
 * Sharing with a page lookup behind it: the answer goes out at once while the page is slow, and is
 * edited with what the page said; a hostile page title pings nobody and links nowhere.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messageCommand, readCommand, type Sender, str } from "./fakeDiscord.js";
import {
  ALICE,
  EPHEMERAL,
  GUILD_A,
  type Harness,
  messageOf,
  page,
  SlowFetcher,
  startHarness,
  textOf,
  until,
} from "./harness.js";

let fetcher: SlowFetcher;
let h: Harness;
const alice: Sender = { guildId: GUILD_A, userId: ALICE, name: "Alice" };

// Every test gets its own bot, fake Discord, store and page lookups.
beforeEach(async () => {
  fetcher = new SlowFetcher();
  h = await startHarness({ fetcher });
});
afterEach(async () => {
  fetcher.release({ ok: false, reason: "the test ended" });
  await h.close();
});

/** The first edit of the interaction's original answer. */
function editOf(payload: { token: string }) {
  return h.fake.waitFor(
    (r) => r.method === "PATCH" && r.path.endsWith(`/${payload.token}/messages/@original`),
  );
}

describe("/read add with a page lookup", () => {
  it("acknowledges within a second while the page is still loading, then edits in the title", async () => {
    const payload = readCommand(h.fake, alice, ["add"], [str("url", "https://slow.example/article")]);
    const sent = performance.now();
    const ack = await h.ask(payload);
    const elapsed = ack.at - sent;
    expect(elapsed).toBeLessThan(1_000);
    expect(elapsed).toBeLessThan(3_000);
    expect(textOf(ack)).toContain("Reading the page for its title…");
    await until(() => fetcher.waiting === 1);
    expect(h.fake.find("PATCH", new RegExp(payload.token))).toHaveLength(0);

    fetcher.release(page("How Slow Pages Work", "Dana Writer"));
    const edit = await editOf(payload);
    expect(textOf(edit)).toContain("[How Slow Pages Work](<https://slow.example/article>) by Dana Writer");
    expect(textOf(edit)).not.toContain("Reading the page");
    expect(messageOf(edit).allowed_mentions).toEqual({ parse: [] });
    const [link] = await h.store.links.list(`discord:${GUILD_A}`);
    expect(link).toMatchObject({ title: "How Slow Pages Work", author: "Dana Writer" });
  });

  it("says briefly when the page could not be read", async () => {
    const payload = readCommand(h.fake, alice, ["add"], [str("url", "https://down.example/")]);
    await h.ask(payload);
    await until(() => fetcher.waiting === 1);
    fetcher.release({ ok: false, reason: "the page took too long to answer" });
    const edit = await editOf(payload);
    expect(textOf(edit)).toMatch(/I couldn't read the page \(the page took too long to answer\)/);
  });

  it("shows a hostile page title and note as plain text, pinging nobody", async () => {
    const hostile = "@everyone <@&1> [x](https://evil)";
    const payload = readCommand(
      h.fake,
      alice,
      ["add"],
      [str("url", "https://hostile.example/"), str("note", hostile)],
    );
    const ack = await h.ask(payload);
    await until(() => fetcher.waiting === 1);
    fetcher.release(page(hostile, "<@123>"));
    const edit = await editOf(payload);
    for (const request of [ack, edit]) {
      const text = textOf(request);
      expect(text).not.toMatch(/(^|[^\\])@everyone/);
      expect(text).not.toMatch(/(^|[^\\])<@/);
      expect(text).not.toContain("](https://evil)");
      expect(messageOf(request).allowed_mentions).toEqual({ parse: [] });
    }
    expect(textOf(edit)).toContain("\\@everyone \\<\\@&1\\> \\[x\\]\\(https://evil\\)");
  });

  it("answers the message command privately, then edits it the same way", async () => {
    const payload = messageCommand(h.fake, alice, "look https://menu.example/post");
    const ack = await h.ask(payload);
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
    await until(() => fetcher.waiting === 1);
    fetcher.release(page("From a Message"));
    expect(textOf(await editOf(payload))).toContain("From a Message");
  });

  it("answers a duplicate at once, without reading the page again", async () => {
    const first = readCommand(h.fake, alice, ["add"], [str("url", "https://slow.example/article")]);
    await h.ask(first);
    await until(() => fetcher.waiting === 1);
    fetcher.release(page("How Slow Pages Work", "Dana Writer"));
    await editOf(first);
    const asked = fetcher.asked.length;
    const ack = await h.ask(
      readCommand(h.fake, alice, ["add"], [str("url", "https://slow.example/article/")]),
    );
    expect(textOf(ack)).toMatch(/Already on the list/);
    expect(fetcher.asked).toHaveLength(asked);
  });
});
