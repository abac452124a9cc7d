/**
 * What must never go wrong: unsigned or replayed requests, text that pings a channel, one team seeing
 * another's links, an internal error reaching a user, and a big roundup breaking Slack's limits.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SLACK_LIMITS } from "../../src/adapters/slack/render.js";
import { addLink } from "../../src/core/links/addLink.js";
import type { MetadataFetcher } from "../../src/core/ports/metadataFetcher.js";
import type { Store } from "../../src/core/ports/store.js";
import { allText, Harness, sign, waitFor } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

describe("request checks", () => {
  it("answers the health check", async () => {
    h = await Harness.start();
    const res = await fetch(`${h.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", slack: "http" });
  });

  it("refuses a bad signature, a stale and a future timestamp with 401, storing nothing", async () => {
    h = await Harness.start();
    const { body } = h.commandBody("add <https://sig.example/1> tools");
    const now = h.nowSeconds();
    const cases = [
      { signature: sign(body, now, "wrong-secret") },
      { signature: `v0=${"0".repeat(64)}` },
      { signature: sign(`${body}&extra=1`, now) },
      { timestamp: now - 6 * 60, signature: sign(body, now - 6 * 60) },
      { timestamp: now + 6 * 60, signature: sign(body, now + 6 * 60) },
    ];
    for (const options of cases) {
      const res = await h.post(body, options);
      expect(res.status).toBe(401);
    }
    const unsigned = await fetch(`${h.base}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(unsigned.status).toBe(401);
    expect(await h.links()).toHaveLength(0);
    // The same body, signed now, goes through.
    expect((await h.post(body)).status).toBe(200);
    expect(await h.links()).toHaveLength(1);
  });
});

describe("hostile text", () => {
  it("shows notes, titles and names as text that pings nobody, in replies and in the posted roundup", async () => {
    const fetcher: MetadataFetcher = {
      fetchMetadata: async () => ({
        ok: true,
        metadata: {
          title: "<!here> Big news <@U0VICTIM> & <https://evil.example|click>",
          author: "<!channel>",
          description: null,
          siteName: null,
          canonicalUrl: null,
        },
      }),
    };
    h = await Harness.start({ fetcher, clock: { now: () => Date.parse("2026-08-03T12:00:00Z") } });
    // As Slack sends it with escaping on (markup), and as typed literally (entities).
    const markup = await h.command(
      "add <https://ok.example/1> tools <!channel> <!here> <@U0VICTIM|victim> <https://evil.example|safe>",
    );
    const literal = await h.command(
      "add <https://ok.example/2> &lt;!channel&gt; &lt;@U0VICTIM&gt; &lt;https://evil.example|safe&gt;",
    );
    await waitFor(() => h.followUps(literal.responseId)[0]);
    await waitFor(() => h.followUps(markup.responseId)[0]);

    const [first, second] = await h.links();
    expect(first?.note).toBe("@channel @here @victim safe (https://evil.example)");
    expect(second?.note).toBe("<!channel> <@U0VICTIM> <https://evil.example|safe>");

    await h.command("config channel <#C0ROUND|roundup>", { user: "UADMIN" });
    const preview = await h.command("roundup preview 2026-08");
    const post = await h.command("roundup post 2026-08", { user: "UADMIN" });
    await waitFor(() => h.followUps(post.responseId)[0]);
    const posted = h.api
      .callsTo("chat.postMessage")
      .map((c) => allText(c.params as { text?: string; blocks?: unknown[] }));
    const everything = [
      allText(markup.body),
      allText(literal.body),
      ...h.followUps(markup.responseId).map(allText),
      ...h.followUps(literal.responseId).map(allText),
      allText(preview.body),
      ...posted,
    ];
    expect(posted.length).toBeGreaterThan(0);
    for (const text of everything) {
      // The only markup left is our own links to the shared pages.
      for (const [match] of text.matchAll(/<[^>]*>/g))
        expect(match).toMatch(/^<https:\/\/ok\.example\/[12]\|[^<>]*>$/);
      expect(text).not.toMatch(/<!|<@|<#|<https:\/\/evil/);
    }
    expect(posted.join("\n")).toContain(
      "&lt;!channel&gt; &lt;@U0VICTIM&gt; &lt;https://evil.example|safe&gt;",
    );
    expect(posted.join("\n")).toContain(
      "|&lt;!here&gt; Big news &lt;@U0VICTIM&gt; &amp; &lt;https://evil.example|click&gt;>",
    );
    // mrkdwn sections with user text are verbatim: Slack does not turn names or URLs into links there.
    const sections = h.api
      .callsTo("chat.postMessage")
      .flatMap((c) => c.params.blocks as { type: string; text?: { verbatim?: boolean } }[])
      .filter((b) => b.type === "section");
    expect(sections.every((b) => b.text?.verbatim === true)).toBe(true);
  });
});

describe("tenant isolation", () => {
  it("keeps two teams' links, categories and settings apart", async () => {
    h = await Harness.start();
    await h.command("add <https://team-one.example/secret> tools", { team: "T1" });
    await h.command('category add "Team One Only"', { team: "T1", user: "UADMIN" });
    await h.command("config channel <#C0ONE|one>", { team: "T1", user: "UADMIN" });

    const list = await h.command("list", { team: "T2" });
    expect(list.body?.text).toContain("No links shared");
    expect((await h.command("search secret", { team: "T2" })).body?.text).toContain("Nothing matches");
    expect((await h.command("remove 1", { team: "T2", user: "UADMIN" })).body?.text).toBe(
      ":warning: There's no link #1 here.",
    );
    expect((await h.command("edit 1 note mine", { team: "T2", user: "UADMIN" })).body?.text).toBe(
      ":warning: There's no link #1 here.",
    );
    expect(allText((await h.command("category list", { team: "T2" })).body)).not.toContain("Team One Only");
    expect(allText((await h.command("config show", { team: "T2" })).body)).toContain("Channel: not set yet");

    // Team two shares the same page: a separate link, not a duplicate of team one's.
    expect((await h.command("add <https://team-one.example/secret>", { team: "T2" })).body?.text).toContain(
      "Added #",
    );
    expect(await h.links("T1")).toHaveLength(1);
    expect((await h.links("T1"))[0]?.note).toBeNull();
    expect(await h.links("T2")).toHaveLength(1);
  });
});

describe("unexpected failures", () => {
  it("logs the error with the command and team, and the person sees a short apology", async () => {
    const failing = (store: Store): Store =>
      ({
        ...store,
        workspaces: store.workspaces,
        categories: store.categories,
        settings: store.settings,
        transaction: store.transaction.bind(store),
        close: store.close.bind(store),
        links: new Proxy(store.links, {
          get(target, key, receiver) {
            if (key === "list") {
              return () => {
                throw new Error("SQLITE_IOERR: disk I/O error at /var/secret/path");
              };
            }
            const value = Reflect.get(target, key, receiver);
            return typeof value === "function" ? value.bind(target) : value;
          },
        }),
      }) as Store;
    h = await Harness.start({ wrapStore: failing });
    const res = await h.command("list");
    expect(res.status).toBe(200);
    expect(res.body?.text).toBe(
      ":warning: Sorry, something went wrong on my side. Please try again in a minute.",
    );
    expect(res.raw).not.toContain("SQLITE");
    const logged = h.logLines.find((line) => line.msg === "Slack interaction failed");
    expect(logged).toMatchObject({ command: "/read list", team: "T1", user: "UAMY" });
    expect(JSON.stringify(logged)).toContain("disk I/O error");
  });
});

describe("a 300-link roundup", () => {
  it("posts in order, within every limit, with all 300 links", async () => {
    h = await Harness.start({ clock: { now: () => Date.parse("2026-08-02T09:00:00Z") } });
    const categories = ["articles", "neat", "tools", null];
    for (let i = 1; i <= 300; i++) {
      await addLink(
        { store: h.store, clock: h.clock },
        {
          workspace: "slack:T1",
          url: `https://big.example/post/${i}`,
          title: `${"A rather long title ".repeat(8)}#${i}`,
          author: i % 3 === 0 ? "Some Author & Co" : null,
          note: i % 7 === 0 ? `${"Long note & more <b>. ".repeat(45)}` : `Short note ${i}`,
          category: categories[i % 4] ?? null,
          userId: i % 2 ? "UAMY" : "UBEN",
          userName: i % 2 ? "Amy" : "Ben",
          source: "slack",
          at: Date.parse("2026-07-01T00:00:00Z") + i * 60_000,
        },
      );
    }
    await h.command("config channel <#C0BIG|big>", { user: "UADMIN" });
    const res = await h.command("roundup post", { user: "UADMIN" });
    expect(res.body?.text).toMatch(
      /^Posting the July 2026 roundup \(300 links\) to <#C0BIG> in \d+ messages…$/,
    );
    const done = await waitFor(() => h.followUps(res.responseId)[0], 15_000);
    expect(done.text).toContain("Posted the July 2026 roundup (300 links)");

    const posts = h.api.callsTo("chat.postMessage");
    expect(posts.length).toBeGreaterThan(1);
    const seen: number[] = [];
    posts.forEach((post, i) => {
      const { channel, text, blocks } = post.params as {
        channel: string;
        text: string;
        blocks: { type: string; text?: { text: string } }[];
      };
      expect(channel).toBe("C0BIG");
      expect(text).toContain(`part ${i + 1} of ${posts.length}`);
      expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      for (const block of blocks) {
        if (block.type === "header")
          expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
        if (block.type === "section")
          expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        for (const [, id] of (block.text?.text ?? "").matchAll(/<https:\/\/big\.example\/post\/(\d+)\|/g))
          seen.push(Number(id));
      }
    });
    // Every link exactly once, in roundup order (category by category, oldest first within each).
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const byCategory = (id: number) =>
      ["articles", "neat", "tools", null].indexOf(categories[id % 4] ?? null);
    const expected = Array.from({ length: 300 }, (_, i) => i + 1).sort(
      (a, b) => byCategory(a) - byCategory(b) || a - b,
    );
    expect(seen).toEqual(expected);
  });
});
