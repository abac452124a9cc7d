/**
 * The review draft on Discord, end to end: the real discord.js client against the fake Discord, a real
 * SQLite store, the scheduler's tick driven with an injected clock. The draft goes to the review
 * channel days ahead; editors change it from its messages, which are edited in place; members are
 * refused; Post now posts once; Hold holds past the due time; a restart keeps the controls working.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import { setOrder, setReview } from "../../src/core/settings/editorialSettings.js";
import { setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import {
  buttonClick,
  formSubmit,
  MANAGE_GUILD,
  type RecordedRequest,
  readCommand,
  type Sender,
  selectChoice,
  str,
} from "./fakeDiscord.js";
import {
  CHANNEL,
  EPHEMERAL,
  GUILD_A,
  type Harness,
  messageOf,
  startHarness,
  textOf,
  until,
  writesMessage,
} from "./harness.js";
import { expectWithinLimits, visibleText } from "./limits.js";

const WS = `discord:${GUILD_A}`;
const REVIEW = "320000000000000001";
const PERIOD = "2026-06";
const admin: Sender = {
  guildId: GUILD_A,
  userId: "520000000000000001",
  name: "Bob",
  permissions: MANAGE_GUILD,
};
const member: Sender = { guildId: GUILD_A, userId: "540000000000000001", name: "Carol" };
const other: Sender = { guildId: GUILD_A, userId: "560000000000000001", name: "Dana" };

let h: Harness;
/** Link ids in sharing order. */
let ids: number[];

const deps = () => ({ store: h.store, clock: h.clock });
const tickDeps = () => ({
  store: h.store,
  clock: h.clock,
  publishers: { discord: h.bot.publisher },
  boards: { discord: h.bot.board },
});

async function share(count: number, from = 0): Promise<number[]> {
  const shared: number[] = [];
  for (let i = from; i < from + count; i++) {
    const { link } = await addLink(deps(), {
      workspace: WS,
      url: `https://review.example/${i}`,
      title: `Article ${i}`,
      note: i === 0 ? "@everyone must read" : null,
      category: i % 2 === 0 ? "tools" : null,
      userId: "1",
      userName: "Sam",
      source: "discord",
      at: Date.parse("2026-06-10T12:00:00Z") + i * 60_000,
    });
    shared.push(link.id);
  }
  return shared;
}

beforeEach(async () => {
  h = await startHarness({ now: "2026-06-20T12:00:00Z" });
  await setChannel(deps(), { workspace: WS, channelId: CHANNEL });
  await setSchedule(deps(), { workspace: WS, day: 1, time: "09:00", timeZone: "UTC" });
  await setReview(deps(), { workspace: WS, days: 3, channelId: REVIEW });
  ids = await share(3);
});
afterEach(async () => {
  try {
    for (const request of h.fake.requests.filter(writesMessage)) {
      expect(messageOf(request).allowed_mentions).toEqual({ parse: [] });
    }
  } finally {
    await h.close();
  }
});

const reviewPosts = () => h.fake.find("POST", new RegExp(`^/channels/${REVIEW}/messages$`));
const roundupPosts = () => h.fake.find("POST", new RegExp(`^/channels/${CHANNEL}/messages$`));
const draftEdits = () => h.fake.find("PATCH", new RegExp(`^/channels/${REVIEW}/messages/\\d+$`));

/** The draft's messages as the fake holds them now, in page order. */
async function draftMessages(): Promise<Record<string, unknown>[]> {
  const review = await h.store.reviews.get(WS, PERIOD);
  return (review?.messageIds ?? []).map((id) => h.fake.channelMessages.get(id) ?? {});
}
async function draftText(): Promise<string> {
  return visibleText((await draftMessages()) as Parameters<typeof visibleText>[0]);
}

/** The scheduler's tick 3 days before the roundup: the draft goes out. */
async function openDraft(): Promise<void> {
  h.clock.set("2026-06-28T09:00:00Z");
  await schedulerTick(tickDeps(), { owner: "test" });
  expect(reviewPosts().length).toBeGreaterThan(0);
}

/** The request that finishes an interaction answered late (after a deferral): its original edited. */
function finalAnswer(ix: { token: string }): Promise<RecordedRequest> {
  return h.fake.waitFor(
    (r) => r.method === "PATCH" && r.path === `/webhooks/${h.fake.appId}/${ix.token}/messages/@original`,
  );
}

/** Presses a draft control (or one of a link's controls) and waits for its answer. */
async function press(sender: Sender, customId: string, on?: Record<string, unknown>) {
  const ix = buttonClick(h.fake, sender, customId, on);
  const ack = await h.ask(ix);
  const done = [5, 6].includes(ack.body.type) ? await finalAnswer(ix) : ack;
  return { ack, done, text: textOf(done) };
}

async function choose(sender: Sender, customId: string, values: string[], on?: Record<string, unknown>) {
  const ix = selectChoice(h.fake, sender, customId, values, on);
  const ack = await h.ask(ix);
  const done = [5, 6].includes(ack.body.type) ? await finalAnswer(ix) : ack;
  return { ack, done, text: textOf(done) };
}

describe("the review draft on Discord", () => {
  it("is posted to the review channel by the scheduler's tick 3 days ahead, once", async () => {
    h.clock.set("2026-06-28T08:00:00Z");
    await schedulerTick(tickDeps(), { owner: "test" });
    expect(reviewPosts()).toHaveLength(0);
    await openDraft();
    expect(reviewPosts()).toHaveLength(1);
    const body = reviewPosts()[0]?.body;
    expectWithinLimits(body);
    const text = visibleText([body]);
    expect(text).toContain("Draft: What we've been reading in June 2026");
    expect(text).toContain(`**${ids[0]}.** [Article 0](<https://review.example/0>)`);
    expect(text).toContain("\\@everyone must read");
    expect(text).toContain("posts 2026-07-01 09:00 (UTC)");
    expect(body.components[0].components[0]).toMatchObject({
      custom_id: `rv:link:${PERIOD}`,
      placeholder: "Choose a link to edit",
    });
    expect(body.components[0].components[0].options).toHaveLength(3);
    expect(body.components[1].components.map((c: { label: string }) => c.label)).toEqual([
      "Post now",
      "Hold",
    ]);
    h.clock.set("2026-06-29T09:00:00Z");
    await schedulerTick(tickDeps(), { owner: "test" });
    expect(reviewPosts()).toHaveLength(1);
  });

  it("lets an admin drop, pick, move and edit a note, each editing the draft message in place", async () => {
    await openDraft();
    const [draft] = await draftMessages();
    const [first, second, third] = ids as [number, number, number];

    const chosen = await choose(admin, `rv:link:${PERIOD}`, [String(second)], draft);
    expect(chosen.ack.body.type).toBe(4);
    expect(messageOf(chosen.ack).flags).toBe(EPHEMERAL);
    expect(chosen.text).toContain(`**${second}.** [Article 1]`);
    const controls = messageOf(chosen.ack).components;
    expect(controls[0].components.map((c: { custom_id: string }) => c.custom_id)).toEqual([
      `rv:drop:${PERIOD}:${second}`,
      `rv:pick:${PERIOD}:${second}`,
      `rv:note:${PERIOD}:${second}`,
    ]);

    const dropped = await press(admin, `rv:drop:${PERIOD}:${second}`);
    expect(dropped.ack.body.type).toBe(6);
    expect(dropped.text).toContain("Dropped");
    expect(messageOf(dropped.done).components[0].components[0].label).toBe("Restore");
    expect(draftEdits()).toHaveLength(1);
    expect(await draftText()).toContain(
      `**${second}.** [Article 1](<https://review.example/1>)\n-# ~~dropped~~`,
    );

    const picked = await press(admin, `rv:pick:${PERIOD}:${third}`);
    expect(picked.text).toContain("Picked");
    expect(draftEdits()).toHaveLength(2);
    const afterPick = await draftText();
    // The pick opens the roundup: it comes first in the draft.
    expect(afterPick.indexOf(`**${third}.**`)).toBeLessThan(afterPick.indexOf(`**${first}.**`));
    expect(afterPick).toContain("⭐ pick");

    const tools = (await h.store.categories.list(WS, { includeArchived: false })).find(
      (c) => c.slug === "tools",
    );
    const articles = (await h.store.categories.list(WS, { includeArchived: false })).find(
      (c) => c.slug === "articles-learning",
    );
    expect(tools && articles).toBeTruthy();
    const moved = await choose(admin, `rv:move:${PERIOD}:${first}:0`, [String(articles?.id)]);
    expect(moved.ack.body.type).toBe(6);
    expect(moved.text).toContain("Moved to Articles & Learning");
    expect(draftEdits()).toHaveLength(3);
    expect(await draftText()).toMatch(
      new RegExp(`\\*\\*${first}\\.\\*\\* \\[Article 0\\][^\\n]*\\n-# 📚 Articles & Learning`),
    );

    const form = await h.ask(buttonClick(h.fake, admin, `rv:note:${PERIOD}:${first}`));
    expect(form.body.type).toBe(9);
    expect(JSON.stringify(form.body.data)).toContain('"value":"@everyone must read"');
    const submit = formSubmit(h.fake, admin, `rv:note:${PERIOD}:${first}`, { note: "Better note, <@&1>" });
    expect((await h.ask(submit)).body.type).toBe(6);
    expect(textOf(await finalAnswer(submit))).toContain("Note saved");
    expect(draftEdits()).toHaveLength(4);
    expect(await draftText()).toContain("> Better note, \\<\\@&1\\>");
    // Edited in place: the draft is still the one message posted by the tick.
    expect(reviewPosts()).toHaveLength(1);
  });

  it("refuses a member privately, changing nothing", async () => {
    await openDraft();
    const [draft] = await draftMessages();
    const before = await draftText();
    for (const ix of [
      buttonClick(h.fake, member, `rv:drop:${PERIOD}:${ids[0]}`),
      buttonClick(h.fake, member, `rv:post:${PERIOD}`, draft),
      buttonClick(h.fake, member, `rv:hold:${PERIOD}`, draft),
      selectChoice(h.fake, member, `rv:link:${PERIOD}`, [String(ids[0])], draft),
      formSubmit(h.fake, member, `rv:note:${PERIOD}:${ids[0]}`, { note: "mine now" }),
    ]) {
      const ack = await h.ask(ix);
      expect(ack.body.type).toBe(4);
      expect(messageOf(ack).flags).toBe(EPHEMERAL);
      expect(textOf(ack)).toBe("⚠️ Only admins can edit the draft.");
    }
    expect(draftEdits()).toHaveLength(0);
    expect(roundupPosts()).toHaveLength(0);
    expect(await draftText()).toBe(before);
    const link = await h.store.links.get(WS, ids[0] as number);
    expect(link).toMatchObject({ dropped: false, note: "@everyone must read" });
    expect((await h.store.reviews.get(WS, PERIOD))?.heldBy).toBeNull();
  });

  it("posts the reviewed roundup on Post now, picks first and the dropped link left out, once", async () => {
    await openDraft();
    const [first, , third] = ids as [number, number, number];
    await press(admin, `rv:drop:${PERIOD}:${first}`);
    await press(admin, `rv:pick:${PERIOD}:${third}`);
    const [draft] = await draftMessages();

    const posted = await press(admin, `rv:post:${PERIOD}`, draft);
    expect(posted.ack.body.type).toBe(5);
    expect(messageOf(posted.ack).flags).toBe(EPHEMERAL);
    expect(posted.text).toBe(`✅ Posted the June 2026 roundup (2 links) to <#${CHANNEL}>.`);
    const roundup = visibleText(roundupPosts().map((r) => r.body));
    expect(roundup).toContain("Picks of the month");
    expect(roundup.indexOf("Article 2")).toBeLessThan(roundup.indexOf("Article 1"));
    expect(roundup).not.toContain("review.example/0");
    expect(await draftText()).toContain("Posted.");
    expect((await draftMessages())[0]).toMatchObject({
      components: [{}, { components: [{ label: "Post now", disabled: true }, { disabled: true }] }],
    });
    const sent = roundupPosts().length;

    const again = await press(admin, `rv:post:${PERIOD}`, draft);
    expect(again.text).toContain("The June 2026 roundup was already posted.");
    expect(roundupPosts()).toHaveLength(sent);
  });

  it("holds the roundup past its due time: the tick posts nothing and reminds the reviewers daily", async () => {
    await openDraft();
    const [draft] = await draftMessages();
    const held = await press(admin, `rv:hold:${PERIOD}`, draft);
    expect(held.text).toContain("⏸️ Held the June 2026 roundup");
    expect(await draftText()).toContain("Held by Bob");
    expect((await draftMessages())[0]).toMatchObject({
      components: [{}, { components: [{ label: "Post now" }, { label: "Release hold" }] }],
    });

    h.clock.set("2026-07-01T09:30:00Z");
    expect(await schedulerTick(tickDeps(), { owner: "test" })).toEqual([
      { workspace: WS, period: PERIOD, outcome: "held" },
    ]);
    expect(roundupPosts()).toHaveLength(0);
    const reminders = reviewPosts().slice(1);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.body.content).toContain(
      "The June 2026 roundup was due 2026-07-01 09:00 (UTC) and is still held by Bob",
    );
    const review = await h.store.reviews.get(WS, PERIOD);
    expect(reminders[0]?.body.message_reference).toMatchObject({ message_id: review?.messageIds[0] });

    // The next day: still held, reminded once more, still not posted.
    h.clock.set("2026-07-02T09:31:00Z");
    await schedulerTick(tickDeps(), { owner: "test" });
    expect(roundupPosts()).toHaveLength(0);
    expect(reviewPosts().slice(1)).toHaveLength(2);

    const released = await press(admin, `rv:release:${PERIOD}`, draft);
    expect(released.text).toContain("▶️ Released the June 2026 roundup");
    await schedulerTick(tickDeps(), { owner: "test" });
    expect(roundupPosts().length).toBeGreaterThan(0);
  });

  it("reminds without pointing at the draft where the bot may not reply", async () => {
    await openDraft();
    const [draft] = await draftMessages();
    await press(admin, `rv:hold:${PERIOD}`, draft);
    h.fake.override = (r) =>
      r.method === "POST" && r.body?.message_reference
        ? {
            status: 403,
            body: { code: 160002, message: "Cannot reply without permission to read message history" },
          }
        : undefined;
    h.clock.set("2026-07-01T09:30:00Z");
    await schedulerTick(tickDeps(), { owner: "test" });
    const reminders = reviewPosts().filter((r) => String(r.body.content ?? "").includes("still held by Bob"));
    expect(reminders.map((r) => Boolean(r.body.message_reference))).toEqual([true, false]);
    expect((await h.store.reviews.get(WS, PERIOD))?.remindedAt).toBe(Date.parse("2026-07-01T09:30:00Z"));
    h.fake.override = null;
  });

  it("keeps the controls working after a restart between draft and post", async () => {
    await openDraft();
    const [draft] = await draftMessages();
    await h.restart();
    const dropped = await press(admin, `rv:drop:${PERIOD}:${ids[1]}`);
    expect(dropped.text).toContain("Dropped");
    expect(draftEdits()).toHaveLength(1);
    const posted = await press(admin, `rv:post:${PERIOD}`, draft);
    expect(posted.text).toBe(`✅ Posted the June 2026 roundup (2 links) to <#${CHANNEL}>.`);
    expect(visibleText(roundupPosts().map((r) => r.body))).not.toContain("review.example/1");
  });

  it("posts a deleted draft message again on the next change", async () => {
    await openDraft();
    const [before] = (await h.store.reviews.get(WS, PERIOD))?.messageIds ?? [];
    h.fake.channelMessages.delete(before as string);
    await press(admin, `rv:pick:${PERIOD}:${ids[0]}`);
    expect(reviewPosts()).toHaveLength(2);
    const [after] = (await h.store.reviews.get(WS, PERIOD))?.messageIds ?? [];
    expect(after).not.toBe(before);
    expect(await draftText()).toContain("⭐ pick");
  });

  it("shows a month with more links than a page as several draft messages", async () => {
    await share(20, 3);
    await openDraft();
    expect(reviewPosts()).toHaveLength(3);
    const pages = await draftMessages();
    const options = pages.map(
      (page) =>
        (page.components as { components: { options?: { value: string }[] }[] }[])[0]?.components[0]
          ?.options ?? [],
    );
    expect(options.map((o) => o.length)).toEqual([10, 10, 3]);
    expect(new Set(options.flat().map((o) => o.value)).size).toBe(23);
    for (const page of pages) expectWithinLimits(page);
    const footers = pages.map((page) => (page.embeds as { footer: { text: string } }[])[0]?.footer.text);
    expect(footers.map((f) => /page (\d) of 3/.exec(f ?? "")?.[1])).toEqual(["1", "2", "3"]);
  });

  it("reorders the draft by votes when order is votes, from /read vote and the +1 button", async () => {
    await setOrder(deps(), { workspace: WS, order: "votes" });
    await openDraft();
    const [first, second, third] = ids as [number, number, number];
    // All three are in Tools or Other; Article 0 and 2 share Tools, in sharing order until voted.
    expect((await draftText()).indexOf(`**${first}.**`)).toBeLessThan(
      (await draftText()).indexOf(`**${third}.**`),
    );

    const voted = await h.ask(
      readCommand(h.fake, member, ["vote"], [{ name: "number", type: 4, value: third }]),
    );
    expect(messageOf(voted).flags).toBe(EPHEMERAL);
    expect(textOf(voted)).toContain(`Counted your +1 for #${third}`);
    expect(textOf(voted)).toContain("👍 1");
    const afterVote = await draftText();
    expect(afterVote.indexOf(`**${third}.**`)).toBeLessThan(afterVote.indexOf(`**${first}.**`));
    expect(afterVote).toContain("👍 1");

    // A share the channel saw carries +1; pressing it counts and shows the count on the button.
    const add = await h.ask(readCommand(h.fake, member, ["add"], [str("url", "https://review.example/new")]));
    const button = messageOf(add).components[0].components[0];
    expect(button).toMatchObject({ label: "+1" });
    const newId = Number(button.custom_id.split(":")[1]);
    const click = buttonClick(h.fake, other, button.custom_id);
    const ack = await h.ask(click);
    expect(ack.body.type).toBe(6);
    const edited = await finalAnswer(click);
    expect(edited.body.components[0].components[0].label).toBe("+1 · 👍 1");
    const privately = await h.fake.waitFor(
      (r) => r.method === "POST" && r.path === `/webhooks/${h.fake.appId}/${click.token}`,
    );
    expect(privately.body.flags).toBe(EPHEMERAL);
    expect(privately.body.content).toContain(`Counted your +1 for #${newId}`);
    // In Other, the new link (👍 1) now comes before Article 1 (shared earlier, no votes).
    await until(async () => {
      const text = await draftText();
      const at = text.indexOf(`**${newId}.**`);
      return at >= 0 && at < text.indexOf(`**${second}.**`);
    });
  });
});
