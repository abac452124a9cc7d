/**
 * Every `/read` subcommand end to end: the real discord.js Client, logged in against the fake Discord,
 * answering interactions from the fake gateway with a real SQLite store behind it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCategory } from "../../src/core/categories/manageCategories.js";
import { addLink } from "../../src/core/links/addLink.js";
import { ensureWorkspace } from "../../src/core/workspace.js";
import {
  bool,
  buttonClick,
  int,
  MANAGE_GUILD,
  messageCommand,
  type RecordedRequest,
  readCommand,
  type Sender,
  str,
} from "./fakeDiscord.js";
import {
  ALICE,
  BOB,
  CHANNEL,
  EPHEMERAL,
  GUILD_A,
  GUILD_B,
  type Harness,
  MOD_ROLE,
  messageOf,
  startHarness,
  textOf,
  until,
  writesMessage,
} from "./harness.js";

let h: Harness;
const WS_A = `discord:${GUILD_A}`;
const alice: Sender = { guildId: GUILD_A, userId: ALICE, name: "Alice" };
const carol: Sender = { guildId: GUILD_A, userId: "540000000000000001", name: "Carol" };
const moderator: Sender = { guildId: GUILD_A, userId: "550000000000000001", name: "Mo", roles: [MOD_ROLE] };
const admin: Sender = { guildId: GUILD_A, userId: BOB, name: "Bob", permissions: MANAGE_GUILD };

// Every test gets its own bot, fake Discord and store (some 50 ms each), and sets up the data it reads.
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  try {
    // What the last test of this file checks on its own tour holds for every test's messages too.
    for (const request of h.fake.requests.filter(writesMessage)) {
      expect(messageOf(request).allowed_mentions).toEqual({ parse: [] });
    }
  } finally {
    await h.close();
  }
});

/** The answer's text, and whether only the asker sees it. */
async function answer(
  sender: Sender,
  path: string[],
  options: Parameters<typeof readCommand>[3] = [],
  extra = {},
) {
  const ack = await h.ask(readCommand(h.fake, sender, path, options, extra));
  const message = messageOf(ack);
  return { ack, text: textOf(ack), private: message?.flags === EPHEMERAL, message };
}

/** Alice's link, shared as the first /read add test shares it. */
async function shareAlicesPost() {
  await answer(
    alice,
    ["add"],
    [str("url", "https://example.com/post"), str("category", "tools"), str("note", "Worth it")],
  );
}

/** Carol's link, shared from a message with "Add to reading list" (no category). */
async function shareCarolsMessage() {
  await h.ask(
    messageCommand(
      h.fake,
      carol,
      "Great read (see https://blog.example.org/a_(b)), and also https://second.example",
    ),
  );
}

/** https://paged.example/0, /1, … shared by Alice in Articles & Learning. */
async function sharePaged(count = 12) {
  for (let i = 0; i < count; i++) {
    await answer(alice, ["add"], [str("url", `https://paged.example/${i}`), str("category", "Articles")]);
  }
}

/** A section named Mods, after the default ones. */
async function addModsSection() {
  await answer(admin, ["category", "add"], [str("name", "Mods")]);
}

interface CommandJson {
  name: string;
  type?: number;
  contexts?: number[];
  required?: boolean;
  autocomplete?: boolean;
  max_length?: number;
  channel_types?: number[];
  options?: CommandJson[];
}

const links = () => h.store.links.list(WS_A);
const categoryNames = async () =>
  (await h.store.categories.list(WS_A, { includeArchived: true })).map((c) => c.name);

describe("registration", () => {
  it("bulk-overwrites /read and the message command at start-up", () => {
    const [put] = h.fake.find("PUT", /^\/applications\/\d+\/commands$/);
    expect(put?.path).toBe(`/applications/${h.fake.appId}/commands`);
    const [read, menu] = (put?.body ?? []) as CommandJson[];
    expect(read?.name).toBe("read");
    expect(read?.contexts).toEqual([0]);
    const top = read?.options ?? [];
    expect(top.map((o) => [o.name, o.type])).toEqual([
      ["add", 1],
      ["list", 1],
      ["edit", 1],
      ["remove", 1],
      ["search", 1],
      ["vote", 1],
      ["roundup", 2],
      ["category", 2],
      ["config", 2],
      ["help", 1],
    ]);
    const child = (options: CommandJson[], name: string) =>
      options.find((o) => o.name === name)?.options ?? [];
    const names = (options: CommandJson[]) => options.map((o) => o.name);
    expect(names(child(top, "roundup"))).toEqual(["preview", "export", "post"]);
    expect(names(child(top, "category"))).toEqual([
      "add",
      "rename",
      "move",
      "archive",
      "unarchive",
      "remove",
      "list",
    ]);
    expect(names(child(top, "config"))).toEqual([
      "channel",
      "schedule",
      "admins",
      "quiet",
      "archive",
      "title",
      "intro",
      "order",
      "picks",
      "review",
      "show",
    ]);
    expect(child(top, "add")).toEqual([
      expect.objectContaining({ name: "url", type: 3, required: true }),
      expect.objectContaining({ name: "category", type: 3, autocomplete: true }),
      expect.objectContaining({ name: "note", type: 3, max_length: 1000 }),
    ]);
    const schedule = child(child(top, "config"), "schedule");
    expect(schedule.map((o) => [o.name, o.autocomplete ?? false])).toEqual([
      ["day", false],
      ["time", false],
      ["timezone", true],
    ]);
    expect(child(child(top, "config"), "channel")[0]).toMatchObject({
      name: "channel",
      type: 7,
      channel_types: [0, 5],
    });
    expect(child(child(top, "config"), "review")).toEqual([
      expect.objectContaining({ name: "days", type: 4, required: true, min_value: 0, max_value: 27 }),
      expect.objectContaining({ name: "channel", type: 7, channel_types: [0] }),
    ]);
    expect(child(child(top, "config"), "order")[0]).toMatchObject({
      choices: [
        { name: "shared", value: "shared" },
        { name: "votes", value: "votes" },
      ],
    });
    for (const name of ["rename", "move", "archive", "unarchive", "remove"]) {
      expect(child(child(top, "category"), name)[0]).toMatchObject({ name: "category", autocomplete: true });
    }
    expect(menu).toMatchObject({ name: "Add to reading list", type: 3, contexts: [0] });
  });

  it("logs the invite link with its scopes and permissions", () => {
    const line = h.logs.find((l) => typeof l.invite === "string");
    const invite = new URL(String(line?.invite));
    expect(invite.searchParams.get("client_id")).toBe(h.fake.appId);
    expect(invite.searchParams.get("scope")).toBe("bot applications.commands");
    const permissions = BigInt(invite.searchParams.get("permissions") ?? "0");
    expect(permissions & (1n << 11n)).toBe(1n << 11n); // Send Messages
    expect(permissions & (1n << 14n)).toBe(1n << 14n); // Embed Links
  });

  it("asks the gateway for guilds only: no member or message intents", () => {
    expect(h.fake.identifies[0]?.intents).toBe(1);
  });
});

describe("/read add", () => {
  it("adds a link and shows the channel who shared it", async () => {
    const {
      ack,
      text,
      private: hidden,
    } = await answer(
      alice,
      ["add"],
      [str("url", "https://example.com/post"), str("category", "tools"), str("note", "Worth it")],
    );
    expect(ack.body.type).toBe(4);
    expect(hidden).toBe(false);
    expect(text).toContain("**Alice** added #");
    expect(text).toContain("**Tools**");
    expect(text).toContain("Worth it");
    const link = (await links()).find((l) => l.url === "https://example.com/post");
    expect(link?.sharedById).toBe(ALICE);
    expect(link?.sharedByName).toBe("Alice");
    expect(link?.source).toBe("discord");
  });

  it("tells a second sharer privately that the link is already there, keeping their note", async () => {
    await shareAlicesPost();
    const { text, private: hidden } = await answer(
      carol,
      ["add"],
      [str("url", "https://www.example.com/post/?utm_source=x"), str("note", "Agreed")],
    );
    expect(hidden).toBe(true);
    expect(text).toMatch(/Already on the list: #\d+ .*shared by Alice/);
    expect((await links()).find((l) => l.url === "https://example.com/post")?.recommendations).toEqual([
      expect.objectContaining({ userName: "Carol", note: "Agreed" }),
    ]);
  });

  it("refuses a bad URL privately, storing nothing", async () => {
    const before = (await links()).length;
    const { text, private: hidden } = await answer(alice, ["add"], [str("url", "javascript:alert(1)")]);
    expect(hidden).toBe(true);
    expect(text).toMatch(/Only web links/);
    expect(text.split("\n")).toHaveLength(1);
    expect(await links()).toHaveLength(before);
  });

  it("refuses an unknown category, storing nothing", async () => {
    const before = (await links()).length;
    const { text, private: hidden } = await answer(
      alice,
      ["add"],
      [str("url", "https://example.com/other"), str("category", "Poetry")],
    );
    expect(hidden).toBe(true);
    expect(text).toMatch(/There's no category "Poetry"/);
    expect(await links()).toHaveLength(before);
  });
});

describe("Add to reading list", () => {
  it("adds the message's first link with its text as the note", async () => {
    const ack = await h.ask(
      messageCommand(
        h.fake,
        carol,
        "Great read (see https://blog.example.org/a_(b)), and also https://second.example",
      ),
    );
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
    const link = (await links()).find((l) => l.url === "https://blog.example.org/a_(b)");
    expect(link?.note).toBe(
      "Great read (see https://blog.example.org/a_(b)), and also https://second.example",
    );
    expect(link?.sharedByName).toBe("Carol");
  });

  it("says so when the message has no link", async () => {
    const ack = await h.ask(messageCommand(h.fake, carol, "no links here"));
    expect(textOf(ack)).toMatch(/no link in it/);
    expect(messageOf(ack).flags).toBe(EPHEMERAL);
  });
});

describe("/read list", () => {
  it("lists this month's links privately", async () => {
    await shareAlicesPost();
    await shareCarolsMessage();
    const { text, private: hidden } = await answer(alice, ["list"]);
    expect(hidden).toBe(true);
    expect(text).toContain("Links shared in July 2026");
    expect(text).toContain("example.com/post");
    expect(text).toContain("blog.example.org");
  });

  it("filters by category and by who shared", async () => {
    await shareAlicesPost();
    await shareCarolsMessage();
    const tools = await answer(alice, ["list"], [str("category", "Tools")]);
    expect(tools.text).toContain("example.com/post");
    expect(tools.text).not.toContain("blog.example.org");
    const mine = await answer(carol, ["list"], [bool("mine", true)]);
    expect(mine.text).toContain("blog.example.org");
    expect(mine.text).not.toContain("example.com/post");
  });

  it("pages with Previous and Next buttons", async () => {
    for (let i = 0; i < 12; i++) {
      await answer(alice, ["add"], [str("url", `https://paged.example/${i}`), str("category", "Articles")]);
    }
    const first = await answer(alice, ["list"], [str("category", "Articles")]);
    const row = first.message.components[0].components;
    expect(row.map((b: { disabled: boolean }) => b.disabled)).toEqual([true, false]);
    expect(first.text).toContain("paged.example/0");
    expect(first.text).not.toContain("paged.example/11");
    const click = buttonClick(h.fake, alice, row[1].custom_id);
    const next = await h.ask(click);
    expect(next.body.type).toBe(7);
    expect(textOf(next)).toContain("paged.example/11");
    expect(textOf(next)).not.toContain("paged.example/0>");
    expect(messageOf(next).components[0].components[0].disabled).toBe(false);
  });

  it("pages through the category asked for, even when another category is named by its id", async () => {
    const guild = "140000000000000001";
    const workspace = `discord:${guild}`;
    const deps = { store: h.store, clock: h.clock };
    const share = (url: string) =>
      addLink(deps, {
        workspace,
        url,
        category: "Tools",
        userId: ALICE,
        userName: "Alice",
        source: "discord",
      });
    await share("https://tooled.example/0");
    const tools = (await h.store.categories.list(workspace)).find((c) => c.name === "Tools");
    if (!tools) throw new Error("no Tools");
    const named = await addCategory(deps, { workspace, name: String(tools.id) });
    const others = (await h.store.categories.list(workspace)).filter((c) => c.id !== named.id);
    await h.store.categories.reorder(workspace, [named.id, ...others.map((c) => c.id)]);
    for (let i = 1; i < 12; i++) await share(`https://tooled.example/${i}`);
    const member: Sender = { guildId: guild, userId: ALICE, name: "Alice" };

    const first = await answer(member, ["list"], [str("category", "Tools")]);
    expect(first.text).toContain("Links shared in July 2026 (in Tools)");
    expect(first.text).toContain("tooled.example/0");
    const row = first.message.components[0].components;
    const next = await h.ask(buttonClick(h.fake, member, row[1].custom_id));
    expect(textOf(next)).toContain("tooled.example/11");
  });

  it("refuses a bad month and an unknown category", async () => {
    const month = await answer(alice, ["list"], [str("month", "2026-13")]);
    expect(month.private).toBe(true);
    expect(month.text).toMatch(/"2026-13" isn't a month/);
    const category = await answer(alice, ["list"], [str("category", "Nope")]);
    expect(category.text).toMatch(/There's no category "Nope"/);
  });

  it("says when a month has nothing", async () => {
    const { text } = await answer(alice, ["list"], [str("month", "2020-01")]);
    expect(text).toMatch(/No links shared in January 2020 yet/);
  });
});

describe("/read search", () => {
  it("finds links in any month, and says when nothing matches", async () => {
    await shareAlicesPost();
    const found = await answer(alice, ["search"], [str("query", "worth")]);
    expect(found.private).toBe(true);
    expect(found.text).toContain("example.com/post");
    const none = await answer(alice, ["search"], [str("query", "zebra")]);
    expect(none.text).toMatch(/Nothing matches "zebra"/);
  });
});

describe("/read edit and remove", () => {
  const idOf = async (url: string) => (await links()).find((l) => l.url === url)?.id ?? 0;

  it("lets the sharer edit their link", async () => {
    await shareAlicesPost();
    const id = await idOf("https://example.com/post");
    const { text, private: hidden } = await answer(
      alice,
      ["edit"],
      [int("id", id), str("title", "A better title"), str("category", "Other")],
    );
    expect(hidden).toBe(true);
    expect(text).toContain(`Updated #${id}`);
    expect(text).toContain("A better title");
    expect(await h.store.links.get(WS_A, id)).toMatchObject({ title: "A better title", categoryId: null });
  });

  it("refuses someone else's link to a member, and changes nothing", async () => {
    await shareAlicesPost();
    const id = await idOf("https://example.com/post");
    const { text } = await answer(carol, ["edit"], [int("id", id), str("note", "Mine now")]);
    expect(text).toMatch(/shared by Alice; only they or an admin can change it/);
    expect((await h.store.links.get(WS_A, id))?.note).toBe("Worth it");
    const removal = await answer(carol, ["remove"], [int("id", id)]);
    expect(removal.text).toMatch(/only they or an admin/);
    expect(await h.store.links.get(WS_A, id)).toBeDefined();
  });

  it("lets an admin edit anyone's link", async () => {
    await shareAlicesPost();
    const id = await idOf("https://example.com/post");
    await answer(admin, ["edit"], [int("id", id), str("note", "Edited by an admin")]);
    expect((await h.store.links.get(WS_A, id))?.note).toBe("Edited by an admin");
  });

  it("refuses an unknown category and an unknown id", async () => {
    await shareAlicesPost();
    const id = await idOf("https://example.com/post");
    expect((await answer(alice, ["edit"], [int("id", id), str("category", "Nope")])).text).toMatch(
      /no category "Nope"/,
    );
    expect((await answer(alice, ["remove"], [int("id", 99999)])).text).toMatch(/There's no link #99999 here/);
  });

  it("lets the sharer remove their link", async () => {
    await sharePaged(1);
    const id = await idOf("https://paged.example/0");
    const { text } = await answer(alice, ["remove"], [int("id", id)]);
    expect(text).toContain(`Removed #${id}`);
    expect(await h.store.links.get(WS_A, id)).toBeUndefined();
  });
});

describe("/read category", () => {
  it("refuses a non-admin and changes nothing", async () => {
    await ensureWorkspace(h, WS_A); // a server already using /read, with the default sections
    for (const [path, options] of [
      [["category", "add"], [str("name", "Papers")]],
      [
        ["category", "rename"],
        [str("category", "Tools"), str("name", "Gadgets")],
      ],
      [
        ["category", "move"],
        [str("category", "Tools"), int("position", 1)],
      ],
      [["category", "remove"], [str("category", "Tools")]],
    ] as const) {
      const { text, private: hidden } = await answer(alice, [...path], [...options]);
      expect(hidden).toBe(true);
      expect(text).toMatch(/Only admins can change the roundup's sections/);
    }
    expect(await categoryNames()).toEqual(["Articles & Learning", "Neat Open Source Projects", "Tools"]);
  });

  it("lets a member with Manage Server add, rename, move and remove sections", async () => {
    expect(
      (await answer(admin, ["category", "add"], [str("name", "Papers"), str("emoji", "📄")])).text,
    ).toContain("Added the section 📄 **Papers**");
    expect(
      (await answer(admin, ["category", "rename"], [str("category", "Papers"), str("name", "Research")]))
        .text,
    ).toContain("Renamed **Papers** to **Research**");
    const moved = await answer(
      admin,
      ["category", "move"],
      [str("category", "Research"), int("position", 1)],
    );
    expect(moved.text).toMatch(/^Moved/);
    expect(moved.text).toContain("1. 📄 **Research**");
    expect((await categoryNames())[0]).toBe("Research");
    expect((await answer(admin, ["category", "remove"], [str("category", "Research")])).text).toContain(
      "Removed **Research**; 0 links moved to *Other*",
    );
  });

  it("archives a section, keeping its links, and brings it back; autocomplete offers what fits", async () => {
    const refused = await answer(alice, ["category", "archive"], [str("category", "Tools")]);
    expect(refused.text).toMatch(/Only admins/);
    const archived = await answer(admin, ["category", "archive"], [str("category", "tools")]);
    expect(archived.text).toContain("Archived **Tools**");
    expect(
      (await h.store.categories.list(WS_A, { includeArchived: true })).find((c) => c.name === "Tools"),
    ).toMatchObject({ archived: true });
    const suggest = async (path: string[]) => {
      const ack = await h.ask(
        readCommand(h.fake, admin, path, [str("category", "", true)], { autocomplete: true }),
      );
      return ack.body.data.choices.map((c: { value: string }) => c.value) as string[];
    };
    expect(await suggest(["add"])).not.toContain("Tools");
    expect(await suggest(["category", "unarchive"])).toEqual(["Tools"]);
    expect(await suggest(["category", "rename"])).toContain("Tools");
    const refusedAdd = await answer(
      alice,
      ["add"],
      [str("url", "https://archived.example/"), str("category", "Tools")],
    );
    expect(refusedAdd.private).toBe(true);
    expect((await links()).some((l) => l.url === "https://archived.example/")).toBe(false);

    const back = await answer(admin, ["category", "unarchive"], [str("category", "Tools")]);
    expect(back.text).toContain("**Tools** is back");
    expect(await suggest(["category", "unarchive"])).toEqual([]);
    expect(await suggest(["add"])).toContain("Tools");
  });

  it("lists the sections for anyone", async () => {
    const { text, private: hidden } = await answer(alice, ["category", "list"]);
    expect(hidden).toBe(true);
    expect(text).toContain("1. 📚 **Articles & Learning**");
  });

  it("refuses an unknown category", async () => {
    const { text } = await answer(admin, ["category", "remove"], [str("category", "Nope")]);
    expect(text).toMatch(/There's no category "Nope"/);
  });
});

describe("/read config", () => {
  it("refuses a non-admin and changes nothing", async () => {
    const channel = await answer(
      alice,
      ["config", "channel"],
      [{ name: "channel", type: 7, value: CHANNEL }],
      {
        resolved: { channels: { [CHANNEL]: { id: CHANNEL, type: 0, name: "reading", permissions: "0" } } },
      },
    );
    expect(channel.text).toMatch(/Only admins/);
    const schedule = await answer(
      alice,
      ["config", "schedule"],
      [int("day", 3), str("time", "10:00"), str("timezone", "Europe/Berlin")],
    );
    expect(schedule.text).toMatch(/Only admins/);
    expect(await h.store.settings.get(WS_A)).toMatchObject({
      channelId: null,
      schedule: { day: 1, timeZone: "UTC" },
    });
  });

  it("says whether the bot can post in the channel it is given", async () => {
    // The fake's channels deny Send Messages to @everyone, the bot's only role so far.
    const seeded = (BigInt(GUILD_A) + 1_000_000_000n).toString();
    const pick = () =>
      answer(admin, ["config", "channel"], [{ name: "channel", type: 7, value: seeded }], {
        resolved: { channels: { [seeded]: { id: seeded, type: 0, name: "channel-0", permissions: "0" } } },
      });
    const blocked = await pick();
    expect(blocked.text).toContain(`The roundup will be posted in <#${seeded}>`);
    expect(blocked.text).toContain("I can't post there yet: give me Send Messages in that channel");
    expect((await h.store.settings.get(WS_A)).channelId).toBe(seeded);

    // Given a role that may do anything, as Discord tells the bot about itself.
    const adminRole = (BigInt(GUILD_A) + 501n * 1_000_000_000n).toString();
    h.fake.dispatch("GUILD_MEMBER_UPDATE", {
      guild_id: GUILD_A,
      user: h.fake.botUser,
      roles: [adminRole],
      nick: null,
      avatar: null,
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    });
    await until(
      () => h.bot.client.guilds.cache.get(GUILD_A)?.members.me?.roles.cache.has(adminRole) ?? false,
    );
    expect((await pick()).text).toContain("I can post there.");
  });

  it("sets the channel and the schedule", async () => {
    const channel = await answer(
      admin,
      ["config", "channel"],
      [{ name: "channel", type: 7, value: CHANNEL }],
      {
        resolved: { channels: { [CHANNEL]: { id: CHANNEL, type: 0, name: "reading", permissions: "0" } } },
      },
    );
    expect(channel.text).toContain(`<#${CHANNEL}>`);
    const schedule = await answer(
      admin,
      ["config", "schedule"],
      [int("day", 3), str("time", "9:30"), str("timezone", "Europe/Berlin")],
    );
    expect(schedule.text).toContain("day 3 of each month at 09:30 (Europe/Berlin)");
    expect(schedule.text).toContain("Next: the July 2026 roundup");
    expect(await h.store.settings.get(WS_A)).toMatchObject({
      channelId: CHANNEL,
      schedule: { day: 3, time: "09:30", timeZone: "Europe/Berlin" },
    });
  });

  it("refuses a bad time zone and a bad time", async () => {
    await answer(
      admin,
      ["config", "schedule"],
      [int("day", 3), str("time", "9:30"), str("timezone", "Europe/Berlin")],
    );
    const zone = await answer(
      admin,
      ["config", "schedule"],
      [int("day", 3), str("time", "10:00"), str("timezone", "Mars/Olympus")],
    );
    expect(zone.private).toBe(true);
    expect(zone.text).toMatch(/"Mars\/Olympus" isn't a time zone/);
    const time = await answer(
      admin,
      ["config", "schedule"],
      [int("day", 3), str("time", "25:00"), str("timezone", "UTC")],
    );
    expect(time.text).toMatch(/isn't a time/);
    expect((await h.store.settings.get(WS_A)).schedule.timeZone).toBe("Europe/Berlin");
  });

  it("adds a role as admins: its members can then change things", async () => {
    expect((await answer(moderator, ["category", "add"], [str("name", "Mods")])).text).toMatch(/Only admins/);
    const added = await answer(
      admin,
      ["config", "admins"],
      [str("action", "add"), { name: "who", type: 9, value: MOD_ROLE }],
      {
        resolved: {
          roles: { [MOD_ROLE]: { id: MOD_ROLE, name: "mods", permissions: "0", position: 1, color: 0 } },
        },
      },
    );
    expect(added.text).toContain(`<@&${MOD_ROLE}> can now change settings`);
    expect((await answer(moderator, ["category", "add"], [str("name", "Mods")])).text).toContain(
      "Added the section",
    );
    const list = await answer(alice, ["config", "admins"], [str("action", "list")]);
    expect(list.text).toContain(`Members with Manage Server, plus <@&${MOD_ROLE}>`);
    const removed = await answer(
      admin,
      ["config", "admins"],
      [str("action", "remove"), { name: "who", type: 9, value: MOD_ROLE }],
      {
        resolved: {
          roles: { [MOD_ROLE]: { id: MOD_ROLE, name: "mods", permissions: "0", position: 1, color: 0 } },
        },
      },
    );
    expect(removed.text).toContain("no longer an added admin");
    expect((await answer(moderator, ["category", "remove"], [str("category", "Mods")])).text).toMatch(
      /Only admins/,
    );
  });

  it("adds a member as admin, and refuses a member adding themselves", async () => {
    const self = await answer(
      carol,
      ["config", "admins"],
      [str("action", "add"), { name: "who", type: 9, value: carol.userId }],
      {
        resolved: {
          users: {
            [carol.userId]: { id: carol.userId, username: "carol", discriminator: "0", avatar: null },
          },
        },
      },
    );
    expect(self.text).toMatch(/Only admins/);
    const added = await answer(
      admin,
      ["config", "admins"],
      [str("action", "add"), { name: "who", type: 9, value: carol.userId }],
      {
        resolved: {
          users: {
            [carol.userId]: { id: carol.userId, username: "carol", discriminator: "0", avatar: null },
          },
        },
      },
    );
    expect(added.text).toContain(`<@${carol.userId}> can now change settings`);
    expect((await h.store.settings.get(WS_A)).admins).toContainEqual({ kind: "user", id: carol.userId });
  });

  it("sets the title, the intro and quiet months, refusing a non-admin and an empty title", async () => {
    const refused = await answer(alice, ["config", "quiet"], [bool("note", true)]);
    expect(refused.text).toMatch(/Only admins/);
    expect((await h.store.settings.get(WS_A)).quietMonthNote).toBe(false);

    const quiet = await answer(admin, ["config", "quiet"], [bool("note", true)]);
    expect(quiet.text).toContain("short note");
    expect((await h.store.settings.get(WS_A)).quietMonthNote).toBe(true);

    const notAdmin = await answer(alice, ["config", "archive"], [str("mode", "private")]);
    expect(notAdmin.text).toMatch(/Only admins/);
    const archived = await answer(admin, ["config", "archive"], [str("mode", "private")]);
    expect(archived.private).toBe(true);
    expect(archived.text).toBe(
      "✅ The web archive is private, at (set PUBLIC_URL to give it an address) (only people with the address).",
    );
    expect((await h.store.settings.get(WS_A)).archive.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const noSlug = await answer(admin, ["config", "archive"], [str("mode", "public")]);
    expect(noSlug.text).toContain("add --slug");

    const title = await answer(admin, ["config", "title"], [str("template", "Team **reads**, {month}")]);
    expect(title.text).toMatch(/Team \\\*\\\*reads\\\*\\\*, \w+ 2026/);
    const blank = await answer(admin, ["config", "title"], [str("template", "   ")]);
    expect(blank.private).toBe(true);
    expect(blank.text).toContain("1 to 200 characters");
    expect((await h.store.settings.get(WS_A)).titleTemplate).toBe("Team **reads**, {month}");

    await answer(admin, ["config", "intro"], [str("text", "What caught our eye.")]);
    expect((await h.store.settings.get(WS_A)).intro).toBe("What caught our eye.");
    const shown = await answer(alice, ["config", "show"]);
    expect(shown.text).toContain("**Intro:** What caught our eye.");
    expect(shown.text).toContain("**Quiet months:** a short note");
    const cleared = await answer(admin, ["config", "intro"]);
    expect(cleared.text).toContain("no intro");
    expect((await h.store.settings.get(WS_A)).intro).toBeNull();
  });

  it("shows the settings", async () => {
    await answer(admin, ["config", "channel"], [{ name: "channel", type: 7, value: CHANNEL }], {
      resolved: { channels: { [CHANNEL]: { id: CHANNEL, type: 0, name: "reading", permissions: "0" } } },
    });
    await answer(
      admin,
      ["config", "schedule"],
      [int("day", 3), str("time", "9:30"), str("timezone", "Europe/Berlin")],
    );
    await answer(
      admin,
      ["config", "admins"],
      [str("action", "add"), { name: "who", type: 9, value: carol.userId }],
      {
        resolved: {
          users: {
            [carol.userId]: { id: carol.userId, username: "carol", discriminator: "0", avatar: null },
          },
        },
      },
    );
    const { text, private: hidden } = await answer(alice, ["config", "show"]);
    expect(hidden).toBe(true);
    expect(text).toContain(`**Roundup channel:** <#${CHANNEL}>`);
    expect(text).toContain("day 3 of each month at 09:30 (Europe/Berlin)");
    expect(text).toContain(`<@${carol.userId}>`);
  });
});

describe("/read roundup", () => {
  it("previews last month privately, for anyone", async () => {
    await sharePaged();
    h.clock.set("2026-08-10T12:00:00Z");
    const { text, private: hidden } = await answer(alice, ["roundup", "preview"]);
    expect(hidden).toBe(true);
    expect(text).toContain("What we've been reading in July 2026");
    expect(text).toContain("paged.example/5");
  });

  it("exports last month as a Markdown file, privately, for anyone", async () => {
    await sharePaged();
    h.clock.set("2026-08-10T12:00:00Z");
    const { ack } = await answer(alice, ["roundup", "export"]);
    // A callback with a file arrives as multipart form data: the message as JSON, then the file.
    expect(String(ack.headers["content-type"])).toMatch(/^multipart\/form-data/);
    const body = String(ack.body);
    const payload = JSON.parse(
      /name="payload_json"\r\n(?:[^\r\n]+\r\n)*\r\n(.*)\r\n/.exec(body)?.[1] ?? "{}",
    );
    expect(payload.data.flags).toBe(EPHEMERAL);
    expect(payload.data.content).toContain("The July 2026 roundup");
    expect(payload.data.allowed_mentions).toEqual({ parse: [] });
    expect(body).toContain('filename="roundup-2026-07.md"');
    expect(body).toContain("# What we've been reading in July 2026\n");
    expect(body).toMatch(/- \[[^\]]+\]\(https:\/\/paged\.example\/5\)/);
  });

  it("refuses a bad month", async () => {
    const { text } = await answer(alice, ["roundup", "preview"], [str("month", "July")]);
    expect(text).toMatch(/"July" isn't a month/);
  });

  it("refuses a post to a non-admin and posts nothing", async () => {
    const { text } = await answer(alice, ["roundup", "post"]);
    expect(text).toMatch(/Only admins can post the roundup/);
    expect(h.fake.find("POST", /^\/channels\//)).toHaveLength(0);
  });
});

describe("/read help", () => {
  it("explains the commands privately", async () => {
    const { text, private: hidden } = await answer(alice, ["help"]);
    expect(hidden).toBe(true);
    expect(text).toContain("/read add");
    expect(text).toContain("Add to reading list");
  });
});

describe("autocomplete", () => {
  it("suggests the workspace's categories", async () => {
    await addModsSection();
    const ack = await h.ask(
      readCommand(h.fake, alice, ["add"], [str("category", "ar", true)], { autocomplete: true }),
    );
    expect(ack.body.type).toBe(8);
    expect(ack.body.data.choices).toEqual([{ name: "📚 Articles & Learning", value: "Articles & Learning" }]);
    const all = await h.ask(
      readCommand(h.fake, alice, ["list"], [str("category", "", true)], { autocomplete: true }),
    );
    expect(all.body.data.choices.map((c: { value: string }) => c.value)).toEqual([
      "Articles & Learning",
      "Neat Open Source Projects",
      "Tools",
      "Mods",
      "Other",
    ]);
  });

  it("suggests time zones", async () => {
    const ack = await h.ask(
      readCommand(h.fake, admin, ["config", "schedule"], [int("day", 1), str("timezone", "berl", true)], {
        autocomplete: true,
      }),
    );
    expect(ack.body.data.choices[0]).toEqual({ name: "Europe/Berlin", value: "Europe/Berlin" });
    const york = await h.ask(
      readCommand(h.fake, admin, ["config", "schedule"], [str("timezone", "new y", true)], {
        autocomplete: true,
      }),
    );
    expect(york.body.data.choices.map((c: { value: string }) => c.value)).toContain("America/New_York");
  });
});

describe("tenant isolation", () => {
  const bea: Sender = {
    guildId: GUILD_B,
    userId: "560000000000000001",
    name: "Bea",
    permissions: MANAGE_GUILD,
  };

  it("never shows or changes guild A's links from guild B", async () => {
    await shareAlicesPost();
    await sharePaged();
    await addModsSection();
    h.clock.set("2026-07-20T12:00:00Z");
    await answer(bea, ["add"], [str("url", "https://b.example/only-b")]);
    const list = await answer(bea, ["list"]);
    expect(list.text).toContain("b.example/only-b");
    expect(list.text).not.toContain("example.com/post");
    expect(list.text).not.toContain("paged.example");
    expect((await answer(bea, ["search"], [str("query", "paged")])).text).toMatch(/Nothing matches/);
    const idInA = (await links()).find((l) => l.url === "https://paged.example/3")?.id ?? 0;
    expect((await answer(bea, ["edit"], [int("id", idInA), str("note", "hijack")])).text).toMatch(
      new RegExp(`There's no link #${idInA} here`),
    );
    expect((await answer(bea, ["remove"], [int("id", idInA)])).text).toMatch(/There's no link/);
    expect((await h.store.links.get(WS_A, idInA))?.note).toBeNull();
    h.clock.set("2026-08-10T12:00:00Z");
    const preview = await answer(bea, ["roundup", "preview"]);
    expect(preview.text).toContain("b.example/only-b");
    expect(preview.text).not.toContain("paged.example");
    const choices = await h.ask(
      readCommand(h.fake, bea, ["add"], [str("category", "", true)], { autocomplete: true }),
    );
    expect(choices.body.data.choices.map((c: { value: string }) => c.value)).not.toContain("Mods");
    expect((await links()).some((l) => l.url.includes("b.example"))).toBe(false);
  });
});

describe("a server that has not used /read yet", () => {
  it("reads as empty with the default sections, and reading does not create it", async () => {
    const guild = "160000000000000001";
    const fresh: Sender = { guildId: guild, userId: BOB, name: "Bob", permissions: MANAGE_GUILD };
    h.clock.set("2026-07-20T12:00:00Z");
    expect((await answer(fresh, ["list"])).text).toContain("No links shared in July 2026 yet");
    expect((await answer(fresh, ["search"], [str("query", "anything")])).text).toMatch(/Nothing matches/);
    expect((await answer(fresh, ["category", "list"])).text).toMatch(/Articles & Learning[\s\S]*Tools/);
    expect((await answer(fresh, ["config", "show"])).text).toContain("Roundup channel:** not set");
    expect((await answer(fresh, ["roundup", "preview"])).text).toMatch(/June 2026/);
    const choices = await h.ask(
      readCommand(h.fake, fresh, ["add"], [str("category", "", true)], { autocomplete: true }),
    );
    expect(choices.body.data.choices.map((c: { value: string }) => c.value)).toContain("Tools");
    const created = h.store.db.$client
      .prepare("SELECT key FROM workspaces WHERE key = ?")
      .get(`discord:${guild}`);
    expect(created).toBeUndefined();
  });
});

describe("failures", () => {
  it("answers an unexpected error with a short apology and logs it with the interaction id", async () => {
    const list = h.store.links.list.bind(h.store.links);
    h.store.links.list = () => {
      throw new Error("SQLITE_IOERR: disk I/O error at /secret/path");
    };
    try {
      const payload = readCommand(h.fake, alice, ["search"], [str("query", "anything")]);
      const ack = await h.ask(payload);
      expect(messageOf(ack).flags).toBe(EPHEMERAL);
      expect(textOf(ack)).toBe("⚠️ Sorry, something went wrong on my side. Please try again in a minute.");
      const logged = h.logs.find(
        (l) => l.interactionId === payload.id && l.msg === "Discord interaction failed",
      );
      expect(logged).toMatchObject({ command: "/read search", guild: GUILD_A });
      expect(JSON.stringify(logged)).not.toContain(payload.token);
    } finally {
      h.store.links.list = list;
    }
  });

  it("tells someone outside a server that Roundup works in one", async () => {
    const payload = readCommand(h.fake, alice, ["help"]) as Record<string, unknown>;
    const { member, guild_id: _guild, ...rest } = payload;
    const dm = {
      ...rest,
      user: (member as { user: unknown }).user,
      context: 1,
      channel: { id: "600000000000000001", type: 1 },
    };
    const ack = await h.ask(dm as unknown as { id: string });
    expect(textOf(ack)).toMatch(/works inside a server/);
  });
});

describe("admin notices", () => {
  it("hands the scheduler's notice to the next admin, once, and to no one else", async () => {
    const guild = "130000000000000001";
    await ensureWorkspace(h, `discord:${guild}`);
    await h.store.settings.setAdminNotice(`discord:${guild}`, "The roundup was due but there is no channel.");
    const member: Sender = { guildId: guild, userId: ALICE, name: "Alice" };
    const boss: Sender = { guildId: guild, userId: BOB, name: "Bob", permissions: MANAGE_GUILD };
    const notices = (payload: { token: string }) =>
      h.traffic(payload).filter((r) => r.method === "POST" && r.path.startsWith("/webhooks/"));

    const first = readCommand(h.fake, member, ["help"]);
    await h.ask(first);
    const second = readCommand(h.fake, boss, ["category", "list"]);
    await h.ask(second);
    await until(() => notices(second).length === 1);
    const notice = notices(second)[0] as RecordedRequest;
    expect(textOf(notice)).toBe("ℹ️ The roundup was due but there is no channel.");
    expect(messageOf(notice).flags).toBe(EPHEMERAL);
    expect(notices(first)).toHaveLength(0);
    const third = readCommand(h.fake, boss, ["help"]);
    await h.ask(third);
    // A notice follows the answer in the same piece of work; stopping waits for all work in flight.
    await h.bot.stop();
    expect(h.logs.some((l) => l.msg === "stopped with Discord work still running")).toBe(false);
    expect(notices(third)).toHaveLength(0);
  });
});

describe("admin notices, by the bot's clock", () => {
  it("looks for a new notice again once a minute has passed on the injected clock", async () => {
    const guild = "150000000000000001";
    const workspace = `discord:${guild}`;
    await h.store.workspaces.ensure(workspace, []);
    const boss: Sender = { guildId: guild, userId: BOB, name: "Bob", permissions: MANAGE_GUILD };
    const notices = (payload: { token: string }) =>
      h.traffic(payload).filter((r) => r.method === "POST" && r.path.startsWith("/webhooks/"));
    const start = h.clock.now();
    try {
      // Nothing to hand over: the workspace is then not asked again for a minute.
      await h.ask(readCommand(h.fake, boss, ["help"]));
      await h.store.settings.setAdminNotice(workspace, "The roundup could not be posted.");
      h.clock.set(new Date(start + 2 * 60_000).toISOString());
      const later = readCommand(h.fake, boss, ["help"]);
      await h.ask(later);
      await until(() => notices(later).length === 1);
      expect(textOf(notices(later)[0] as RecordedRequest)).toBe("ℹ️ The roundup could not be posted.");
    } finally {
      h.clock.set(new Date(start).toISOString());
    }
  });
});

describe("allowed mentions", () => {
  it("went out with nothing allowed on every message the bot created or edited", async () => {
    // A tour of what the bot says: answers, edits by button, a notice as a follow-up.
    await shareAlicesPost();
    await shareCarolsMessage();
    await sharePaged(40);
    await answer(carol, ["add"], [str("url", "https://example.com/post"), str("note", "Agreed")]);
    await answer(alice, ["add"], [str("url", "javascript:alert(1)")]);
    const first = await answer(alice, ["list"], [str("category", "Articles")]);
    await h.ask(buttonClick(h.fake, alice, first.message.components[0].components[1].custom_id));
    await answer(alice, ["search"], [str("query", "worth")]);
    const id = (await links()).find((l) => l.url === "https://example.com/post")?.id ?? 0;
    await answer(alice, ["edit"], [int("id", id), str("note", "Edited")]);
    await answer(carol, ["remove"], [int("id", id)]);
    await addModsSection();
    await answer(admin, ["category", "rename"], [str("category", "Mods"), str("name", "Moderators")]);
    await answer(admin, ["category", "archive"], [str("category", "Moderators")]);
    await answer(admin, ["category", "list"]);
    await answer(admin, ["config", "schedule"], [int("day", 3), str("time", "9:30"), str("timezone", "UTC")]);
    await answer(admin, ["config", "title"], [str("template", "Team **reads**, {month}")]);
    await answer(alice, ["config", "show"]);
    await answer(alice, ["help"]);
    await h.store.settings.setAdminNotice(WS_A, "The roundup was due but there is no channel.");
    h.clock.set("2026-08-10T12:00:00Z");
    const notified = readCommand(h.fake, admin, ["roundup", "preview"]);
    await h.ask(notified);
    await until(() => h.traffic(notified).some((r) => r.path.startsWith("/webhooks/")));

    const creating = h.fake.requests.filter(writesMessage);
    expect(creating.length).toBeGreaterThan(50);
    for (const request of creating) expect(messageOf(request).allowed_mentions).toEqual({ parse: [] });
  });
});
