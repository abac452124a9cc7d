/**
 * Votes and the editorial settings through the real Bolt app: `/read vote`, `/read config
 * order|picks|review` (admins only, nothing changes for others), `config show` and the help.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getSettings } from "../../src/core/settings/manageSettings.js";
import { asAdmin, share, T1 } from "./draftKit.js";
import { allText, Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.stop();
});

const settings = () => getSettings({ store: h.store }, { workspace: T1 });

describe("/read vote", () => {
  it("counts a member's +1 once, and not on their own link", async () => {
    await share(h, { url: "https://vote.example/a", user: "UAMY", name: "Amy" });
    const first = await h.command("vote 1", { user: "UBEN" });
    expect(first.body?.response_type).toBe("ephemeral");
    expect(first.body?.text).toContain("Counted: #1");
    expect(first.body?.text).toContain("👍 1");

    const again = await h.command("vote #1", { user: "UBEN" });
    expect(again.body?.text).toContain("You already recommend #1");
    expect(again.body?.text).toContain("👍 1");

    const own = await h.command("vote 1", { user: "UAMY" });
    expect(own.body?.text).toContain("your own share");

    expect((await h.command("vote 1", { user: "UCARL" })).body?.text).toContain("👍 2");
    expect((await h.links())[0]?.votes.map((v) => v.userId)).toEqual(["UBEN", "UCARL"]);
  });

  it("says so for a link that is not there, and shows a hostile title as text", async () => {
    expect((await h.command("vote 9")).body?.text).toContain("There's no link #9 here.");
    const link = await share(h, { url: "https://vote.example/b", user: "UAMY" });
    await h.store.links.update(T1, link.id, { title: "<!everyone> <@U1> & co" });
    const text = allText((await h.command(`vote ${link.id}`, { user: "UBEN" })).body);
    expect(text).toContain("&lt;!everyone&gt; &lt;@U1&gt; &amp; co");
    expect(text).not.toMatch(/<!everyone>|<@U1>/);
  });
});

describe("/read config order, picks and review", () => {
  it("changes them for admins and shows them in config show", async () => {
    expect(await asAdmin(h, "config order votes")).toContain("most recommended (👍) first");
    expect(await asAdmin(h, 'config picks title "Editors\' choice" emoji 🏆')).toContain(
      "Picks section: 🏆 Editors' choice",
    );
    expect(await asAdmin(h, "config picks emoji none")).toContain("Picks section: Editors' choice");
    const review = await asAdmin(h, "config review 5 <#CREVIEW|review>");
    expect(review).toContain("Review draft: in <#CREVIEW>, 5 days before each roundup");
    expect(review).toContain("invite me there");
    expect(await settings()).toMatchObject({
      order: "votes",
      picks: { title: "Editors' choice", emoji: null },
      review: { days: 5, channelId: "CREVIEW" },
    });

    const shown = allText((await h.command("config show")).body);
    expect(shown).toContain("Order within sections: most recommended (👍) first");
    expect(shown).toContain("Picks section: Editors' choice");
    expect(shown).toContain("Review draft: in <#CREVIEW>, 5 days before each roundup");

    expect(await asAdmin(h, "config review off")).toContain("Review draft: off");
    expect((await settings()).review).toEqual({ days: 0, channelId: "CREVIEW" });
    expect(await asAdmin(h, "config picks default")).toContain("Picks section: ⭐ Picks of the month");
  });

  it("refuses members and what the core refuses, changing nothing", async () => {
    for (const text of ["config order votes", "config picks title Mine", "config review 3 <#CREVIEW|r>"]) {
      const res = await h.command(text, { user: "UAMY" });
      expect(res.body?.text).toContain("Only workspace admins and people they add");
    }
    expect((await h.command("config order loudest", { user: "UADMIN" })).body?.text).toContain(
      "isn't an order I know",
    );
    expect((await h.command("config review 3", { user: "UADMIN" })).body?.text).toContain(
      "Say where the draft goes",
    );
    expect((await h.command("config review 40 <#CREVIEW|r>", { user: "UADMIN" })).body?.text).toContain(
      "1 to 27 days",
    );
    expect((await h.command("config picks emoji <!here>", { user: "UADMIN" })).body?.text).toContain(
      "isn't an emoji",
    );
    expect(await settings()).toMatchObject({
      order: "shared",
      picks: { title: "Picks of the month", emoji: "⭐" },
      review: { days: 0, channelId: null },
    });
  });
});

describe("help", () => {
  it("lists vote and the editorial settings", async () => {
    const help = allText((await h.command("help")).body);
    expect(help).toContain("/read vote &lt;id&gt;");
    expect(help).toContain("/read config order shared|votes");
    expect(help).toContain("/read config review &lt;days&gt; #channel");
  });
});
