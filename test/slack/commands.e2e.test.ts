/**
 * Every `/read` subcommand through the real Bolt app: happy paths, admin refusals (nothing changes),
 * and the refusals a person can fix.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCategories } from "../../src/core/categories/manageCategories.js";
import { addLink } from "../../src/core/links/addLink.js";
import { getSettings } from "../../src/core/settings/manageSettings.js";
import { allText, Harness, waitFor } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.stop();
});

const T1 = "slack:T1";
const categories = () => listCategories({ store: h.store }, { workspace: T1, includeArchived: true });
const settings = () => getSettings({ store: h.store }, { workspace: T1 });

async function share(
  url: string,
  user: string,
  name: string,
  at: string,
  category: string | null = null,
  note: string | null = null,
) {
  return (
    await addLink(
      { store: h.store, clock: h.clock },
      {
        workspace: T1,
        url,
        category,
        note,
        userId: user,
        userName: name,
        source: "slack",
        at: Date.parse(at),
      },
    )
  ).link;
}

describe("help", () => {
  it("answers help, nothing and unknown words with the command list", async () => {
    for (const text of ["help", "", "frobnicate"]) {
      const res = await h.command(text);
      expect(res.body?.response_type).toBe("ephemeral");
      expect(allText(res.body)).toContain("/read add &lt;url&gt;");
    }
    expect((await h.command("frobnicate")).body?.text).toContain("I don't know `frobnicate`");
  });
});

describe("list and search", () => {
  it("lists this month by default, filtered by month, category and mine", async () => {
    await share("https://a.example/1", "UAMY", "Amy", "2026-07-02T10:00:00Z", "tools", "Amy's tool");
    await share("https://a.example/2", "UBEN", "Ben", "2026-07-03T10:00:00Z", "articles");
    await share("https://a.example/3", "UAMY", "Amy", "2026-06-15T10:00:00Z");

    const month = await h.command("list");
    expect(month.body?.text).toBe("2 links shared in July 2026");
    expect(allText(month.body)).toContain("<https://a.example/1|https://a.example/1>");
    expect(allText(month.body)).toContain("> Amy's tool");

    const june = await h.command("list 2026-06");
    expect(june.body?.text).toBe("1 link shared in June 2026");
    expect((await h.command("list tools")).body?.text).toBe("1 link shared in July 2026 (in tools)");
    expect(allText((await h.command("list mine", { user: "UBEN" })).body)).toContain("https://a.example/2");
    expect((await h.command("list 2026-05")).body?.text).toContain("No links shared in May 2026");
  });

  it("refuses a bad month and an unknown category", async () => {
    expect((await h.command("list 2026-13")).body?.text).toBe(
      ':warning: "2026-13" isn\'t a month. Use the form YYYY-MM, like 2026-07.',
    );
    expect((await h.command("list podcasts")).body?.text).toMatch(
      /^:warning: There's no category "podcasts"/,
    );
  });

  it("searches every month", async () => {
    await share(
      "https://rust.example/async",
      "UAMY",
      "Amy",
      "2026-03-02T10:00:00Z",
      null,
      "async Rust explained",
    );
    await share("https://go.example/", "UAMY", "Amy", "2026-07-02T10:00:00Z");
    const res = await h.command("search rust async");
    expect(res.body?.text).toContain("1 matching");
    expect(allText(res.body)).toContain("https://rust.example/async");
    expect((await h.command("search nothing-like-it")).body?.text).toContain("Nothing matches");
  });
});

describe("a team that has not used /read yet", () => {
  it("reads as empty with the default categories, and reading does not create it", async () => {
    expect((await h.command("list")).body?.text).toContain("No links shared in July 2026");
    expect((await h.command("search anything")).body?.text).toContain("Nothing matches");
    expect(allText((await h.command("category list")).body)).toMatch(/Articles &amp; Learning[\s\S]*Tools/);
    expect((await h.command("config show", { user: "UADMIN" })).status).toBe(200);
    expect((await h.command("roundup preview", { user: "UADMIN" })).status).toBe(200);
    expect(await h.store.workspaces.exists(T1)).toBe(false);
  });
});

describe("edit and remove", () => {
  it("lets the sharer edit and remove their link", async () => {
    const link = await share("https://e.example/1", "UAMY", "Amy", "2026-07-02T10:00:00Z");
    expect((await h.command(`edit ${link.id} note "Now with a note"`)).body?.text).toContain(
      `Updated #${link.id}`,
    );
    await h.command(`edit ${link.id} title A Proper Title`);
    await h.command(`edit ${link.id} category tools`);
    expect((await h.links())[0]).toMatchObject({
      note: "Now with a note",
      title: "A Proper Title",
      categoryName: "Tools",
    });
    await h.command(`edit ${link.id} category none`);
    expect((await h.links())[0]?.categoryName).toBeNull();
    expect((await h.command(`remove #${link.id}`)).body?.text).toContain(`Removed #${link.id}`);
    expect(await h.links()).toHaveLength(0);
  });

  it("refuses someone else's link unless they are an admin", async () => {
    const link = await share("https://e.example/2", "UAMY", "Amy", "2026-07-02T10:00:00Z");
    const edit = await h.command(`edit ${link.id} note mine now`, { user: "UBEN" });
    expect(edit.body?.text).toContain("only they or an admin can change it");
    const remove = await h.command(`remove ${link.id}`, { user: "UBEN" });
    expect(remove.body?.text).toContain("only they or an admin can change it");
    expect((await h.links())[0]?.note).toBeNull();

    await h.command(`edit ${link.id} note tidied by an admin`, { user: "UADMIN" });
    expect((await h.links())[0]?.note).toBe("tidied by an admin");
    await h.command(`remove ${link.id}`, { user: "UOWNER" });
    expect(await h.links()).toHaveLength(0);
  });

  it("refuses unknown ids and unknown categories", async () => {
    expect((await h.command("remove 99")).body?.text).toBe(":warning: There's no link #99 here.");
    const link = await share("https://e.example/3", "UAMY", "Amy", "2026-07-02T10:00:00Z");
    expect((await h.command(`edit ${link.id} category podcasts`)).body?.text).toMatch(
      /no category "podcasts"/,
    );
    expect((await h.command("edit x note y")).body?.text).toContain("isn't a link id");
  });
});

describe("category", () => {
  it("lists for anyone, and changes only for admins", async () => {
    expect(allText((await h.command("category list")).body)).toContain("1. 📚 *Articles &amp; Learning*");

    const before = await categories();
    for (const text of [
      'category add "Talks & Videos"',
      "category rename tools to Utilities",
      "category move tools 1",
      "category remove tools",
      "category archive tools",
    ]) {
      const res = await h.command(text, { user: "UAMY" });
      expect(res.body?.text).toContain("Only workspace admins and people they add can change categories");
    }
    expect(await categories()).toEqual(before);
  });

  it("adds, renames, moves, archives and removes for an admin", async () => {
    const admin = { user: "UADMIN" };
    expect((await h.command('category add "Talks &amp; Videos" 🎬', admin)).body?.text).toContain(
      "Added the category *Talks &amp; Videos*",
    );
    expect((await h.command("category rename tools to Dev Tools", admin)).body?.text).toContain(
      "Renamed *Tools* to *Dev Tools*",
    );
    await h.command("category move talks 1", admin);
    expect((await categories()).map((c) => c.name)).toEqual([
      "Talks & Videos",
      "Articles & Learning",
      "Neat Open Source Projects",
      "Dev Tools",
    ]);
    await h.command("category archive neat", admin);
    expect((await categories()).find((c) => c.slug === "neat-open-source-projects")?.archived).toBe(true);
    await share("https://c.example/1", "UAMY", "Amy", "2026-07-02T10:00:00Z", "dev-tools");
    expect((await h.command("category remove dev tools", admin)).body?.text).toContain(
      "1 link moved to _Other_",
    );
    expect(await categories()).toHaveLength(3);
  });

  it("refuses unknown categories and duplicate names", async () => {
    const admin = { user: "UADMIN" };
    expect((await h.command("category remove podcasts", admin)).body?.text).toMatch(
      /^:warning: There's no category "podcasts"/,
    );
    expect((await h.command("category add tools", admin)).body?.text).toContain(
      'There is already a category called "Tools"',
    );
  });
});

describe("config", () => {
  it("shows the settings to anyone", async () => {
    const res = await h.command("config show");
    expect(allText(res.body)).toContain("Channel: not set yet");
    expect(allText(res.body)).toContain("Schedule: day 1 of each month at 09:00 (UTC)");
  });

  it("sets the channel from Slack's escaped form, or this channel", async () => {
    const res = await h.command("config channel <#C0READING|reading>", { user: "UADMIN" });
    expect(res.body?.text).toContain("<#C0READING>");
    expect((await settings()).channelId).toBe("C0READING");
    await h.command("config channel", { user: "UADMIN", channel: "C0HERE" });
    expect((await settings()).channelId).toBe("C0HERE");
  });

  it("sets the schedule, and refuses a bad time zone, day or time", async () => {
    const admin = { user: "UOWNER" };
    expect((await h.command("config schedule 3 08:30 Europe/Berlin", admin)).body?.text).toContain(
      "day 3 of each month at 08:30 (Europe/Berlin)",
    );
    expect((await h.command("config schedule 5 10:00 Mars/Olympus", admin)).body?.text).toMatch(
      /^:warning: "Mars\/Olympus" isn't a time zone/,
    );
    expect((await h.command("config schedule 31 10:00 UTC", admin)).body?.text).toContain("from 1 to 28");
    expect((await h.command("config schedule 5 25:00", admin)).body?.text).toContain("isn't a time");
    expect((await settings()).schedule).toEqual({ day: 3, time: "08:30", timeZone: "Europe/Berlin" });
  });

  it("lets admins add admins, who can then change settings; others are refused", async () => {
    expect((await h.command("config channel <#C0X|x>", { user: "UBEN" })).body?.text).toContain(
      "Only workspace admins",
    );
    expect((await h.command("config admins add <@UBEN|ben>", { user: "UAMY" })).body?.text).toContain(
      "Only workspace admins",
    );
    expect(await settings()).toMatchObject({ channelId: null, admins: [] });

    expect((await h.command("config admins add <@UBEN|ben>", { user: "UADMIN" })).body?.text).toContain(
      "<@UBEN> can now change settings",
    );
    expect(allText((await h.command("config admins")).body)).toContain("plus: <@UBEN>");
    await h.command("config channel <#C0X|x>", { user: "UBEN" });
    expect((await settings()).channelId).toBe("C0X");

    await h.command("config admins remove <@UBEN>", { user: "UADMIN" });
    expect((await h.command("config channel <#C0Y|y>", { user: "UBEN" })).body?.text).toContain(
      "Only workspace admins",
    );
    expect((await h.command("config admins remove <@UBEN>", { user: "UADMIN" })).body?.text).toContain(
      "isn't on the admin list",
    );
  });

  it("shows the next roundup and how the last one went, and switches quiet-month notes", async () => {
    await h.command("config channel <#C0ROUND|roundup>", { user: "UADMIN" });
    await share("https://q.example/1", "UAMY", "Amy", "2026-06-03T10:00:00Z");
    const post = await h.command("roundup post 2026-06", { user: "UADMIN" });
    await waitFor(() => h.followUps(post.responseId)[0]);
    const shown = allText((await h.command("config show")).body);
    expect(shown).toContain("Next roundup: July 2026, on 2026-08-01 09:00 (UTC)");
    expect(shown).toContain("Last roundup: June 2026, posted (1 message)");
    expect(shown).toContain("Quiet months: post nothing");

    expect((await h.command("config quiet on", { user: "UAMY" })).body?.text).toContain(
      "Only workspace admins",
    );
    expect((await h.command("config quiet on", { user: "UADMIN" })).body?.text).toContain("short note");
    expect((await settings()).quietMonthNote).toBe(true);

    expect((await h.command("config archive public team-reading", { user: "UAMY" })).body?.text).toContain(
      "Only workspace admins",
    );
    expect((await settings()).archive.mode).toBe("off");
    const archived = await h.command("config archive public team-reading", { user: "UADMIN" });
    expect(archived.body?.text).toBe("The web archive is public, at (set PUBLIC_URL to give it an address).");
    expect((await settings()).archive).toMatchObject({ mode: "public", slug: "team-reading" });
    expect((await h.command("config archive loud", { user: "UADMIN" })).body?.text).toContain(
      "/read config archive off | private [rotate] | public",
    );
    const quiet = await h.command("roundup post 2026-05", { user: "UADMIN" });
    expect((await waitFor(() => h.followUps(quiet.responseId)[0])).text).toContain(
      "Posted the May 2026 roundup",
    );
    expect(allText(h.api.callsTo("chat.postMessage")[1]?.params as { blocks?: unknown[] })).toContain(
      "A quiet month",
    );
  });

  it("hands an admin the scheduler's notice once, on their next command", async () => {
    await h.store.workspaces.ensure(T1, []);
    await h.store.settings.setAdminNotice(
      T1,
      "The monthly roundup was due but there is no <channel> & nothing was posted.",
    );
    expect(allText((await h.command("list")).body)).not.toContain("monthly roundup was due");
    const admin = await h.command("list", { user: "UADMIN" });
    expect(admin.body?.text).toContain(
      ":information_source: The monthly roundup was due but there is no &lt;channel&gt; &amp; nothing was posted.",
    );
    expect(allText((await h.command("help", { user: "UADMIN" })).body)).not.toContain(
      "monthly roundup was due",
    );
    expect((await settings()).adminNotice).toBeNull();
  });

  it("looks for a new notice again once a minute has passed on the injected clock", async () => {
    await h.store.workspaces.ensure(T1, []);
    // Nothing to hand over: the workspace is then not asked again for a minute.
    expect(allText((await h.command("help", { user: "UADMIN" })).body)).not.toContain("could not be posted");
    await h.store.settings.setAdminNotice(T1, "The roundup could not be posted.");
    h.clock.set?.("2026-07-20T12:02:00Z");
    expect((await h.command("help", { user: "UADMIN" })).body?.text).toContain(
      ":information_source: The roundup could not be posted.",
    );
  });

  it("sets the title and intro", async () => {
    await h.command("config title Reading notes, {month}", { user: "UADMIN" });
    await h.command("config intro What caught our eye.", { user: "UADMIN" });
    expect(await settings()).toMatchObject({
      titleTemplate: "Reading notes, {month}",
      intro: "What caught our eye.",
    });
  });
});

describe("roundup", () => {
  beforeEach(async () => {
    await share("https://r.example/1", "UAMY", "Amy", "2026-06-03T10:00:00Z", "tools", "Great tool");
    await share("https://r.example/2", "UBEN", "Ben", "2026-06-04T10:00:00Z");
  });

  it("previews last month privately by default, and any month on request", async () => {
    const res = await h.command("roundup preview");
    expect(res.body?.response_type).toBe("ephemeral");
    expect(res.body?.text).toBe("What we've been reading in June 2026: 2 links");
    expect(res.body?.blocks?.[0]).toMatchObject({ type: "header" });
    expect(allText(res.body)).toContain("Great tool");
    expect((await h.command("roundup preview 2026-05")).body?.text).toContain("May 2026: 0 links");
    expect((await h.command("roundup preview 2026-5")).body?.text).toContain("isn't a month");
    expect(h.api.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("exports last month as Markdown in a code block, privately, escaped for Slack", async () => {
    await share("https://r.example/3", "UAMY", "Amy", "2026-06-05T10:00:00Z", null, "<!here> & <@U1>");
    const res = await h.command("roundup export");
    expect(res.body?.response_type).toBe("ephemeral");
    const text = String(res.body?.text);
    expect(text).toMatch(/^:memo: The June 2026 roundup \(3 links\) as Markdown, ready to publish:\n```\n/);
    expect(text).toContain("# What we've been reading in June 2026\n");
    expect(text).toContain("- [https\\://r.example/2](https://r.example/2)");
    // Slack shows the entities as the characters; nobody is notified.
    expect(text).toContain("\\&lt;!here\\&gt; &amp; \\&lt;\\@U1\\&gt;");
    expect(text).not.toMatch(/<!|<@/);
    expect(text.endsWith("\n```")).toBe(true);
    expect(h.api.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("posts to the roundup channel for admins only", async () => {
    await h.command("config channel <#C0ROUND|roundup>", { user: "UADMIN" });
    const refused = await h.command("roundup post 2026-06", { user: "UAMY" });
    expect(refused.body?.text).toContain("Only workspace admins and people they add can post the roundup");

    const res = await h.command("roundup post 2026-06", { user: "UADMIN" });
    expect(res.body?.text).toBe("Posting the June 2026 roundup (2 links) to <#C0ROUND>…");
    const done = await waitFor(() => h.followUps(res.responseId)[0]);
    expect(done.text).toContain(":white_check_mark: Posted the June 2026 roundup");
    const posts = h.api.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.channel).toBe("C0ROUND");
    expect(posts[0]?.token).toBe("xoxb-test-token");
    expect(allText(posts[0]?.params as { text?: string; blocks?: unknown[] })).toContain(
      "<https://r.example/1|https://r.example/1>",
    );
  });

  it("posts a month once, however often it is asked, and again on purpose", async () => {
    const admin = { user: "UADMIN" };
    await h.command("config channel <#C0ROUND|roundup>", admin);
    const first = await h.command("roundup post 2026-06", admin);
    await waitFor(() => h.followUps(first.responseId)[0]);
    const second = await h.command("roundup post 2026-06", admin);
    const already = await waitFor(() => h.followUps(second.responseId)[0]);
    expect(already.text).toBe(
      "The June 2026 roundup was already posted. To post it once more, use `/read roundup post 2026-06 again`.",
    );
    expect(h.api.callsTo("chat.postMessage")).toHaveLength(1);
    const again = await h.command("roundup post 2026-06 again", admin);
    expect((await waitFor(() => h.followUps(again.responseId)[0])).text).toContain(
      "Posted the June 2026 roundup",
    );
    expect(h.api.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("explains a missing channel, an empty month, a bad month and a channel it cannot post in", async () => {
    const admin = { user: "UADMIN" };
    expect((await h.command("roundup post", admin)).body?.text).toContain("There's no roundup channel yet");
    await h.command("config channel <#CNOTIN|secret>", admin);
    expect((await h.command("roundup post 2026-05", admin)).body?.text).toContain(
      "No links were shared in May 2026",
    );
    expect((await h.command("roundup post 2026-13", admin)).body?.text).toContain("isn't a month");
    const res = await h.command("roundup post 2026-06", admin);
    const failed = await waitFor(() => h.followUps(res.responseId)[0]);
    expect(failed.text).toBe(
      ":warning: Posting the June 2026 roundup stopped: the bot is not in the roundup channel: invite it, or give it chat:write.public. Fix that and run `/read roundup post 2026-06` to finish it.",
    );
  });
});
