import MarkdownIt from "markdown-it";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCategory, moveCategory, removeCategory } from "../../src/core/categories/manageCategories.js";
import { type AddLinkInput, addLink } from "../../src/core/links/addLink.js";
import { renderMarkdown } from "../../src/core/render/renderMarkdown.js";
import { buildRoundup } from "../../src/core/roundup/buildRoundup.js";
import { setIntro, setSchedule, setTitleTemplate } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const workspace = "local:team";
const clock = fixedClock("2026-07-15T12:00:00Z");

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

async function share(input: Partial<Omit<AddLinkInput, "at">> & { url: string; at: string }) {
  return await addLink(
    { store, clock },
    { workspace, userId: "u-alice", userName: "Alice", source: "cli", ...input, at: Date.parse(input.at) },
  );
}

/** The rendered HTML's links and headings, as a reader of the published post would see them. */
function published(markdown: string) {
  const md = new MarkdownIt({ html: true, linkify: true });
  const tokens = md.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  return {
    html: md.render(markdown),
    links: tokens.filter((t) => t.type === "link_open").map((t) => t.attrGet("href")),
    headings: tokens.filter((t) => t.type === "heading_open").map((t) => t.tag),
    htmlTokens: tokens.filter((t) => t.type === "html_inline" || t.type === "html_block"),
    images: tokens.filter((t) => t.type === "image"),
  };
}

describe("buildRoundup", () => {
  it("groups the month's links by category in category order, oldest first, Other last", async () => {
    await share({
      url: "https://seastar.io",
      category: "neat",
      title: "Seastar",
      at: "2026-07-02T10:00:00Z",
    });
    await share({
      url: "https://a.example/hazard",
      category: "articles",
      title: "Hazard pointers",
      author: "Paul Khuong",
      at: "2026-07-03T10:00:00Z",
    });
    await share({ url: "https://misc.example", title: "Misc", at: "2026-07-04T10:00:00Z" });
    await share({
      url: "https://a.example/memory",
      category: "articles",
      title: "What is memory safety",
      at: "2026-07-05T10:00:00Z",
    });
    await share({ url: "https://june.example", category: "articles", at: "2026-06-30T10:00:00Z" });

    const doc = await buildRoundup({ store, clock }, { workspace, period: "2026-07" });
    expect(doc.title).toBe("What we've been reading in July 2026");
    expect(doc.linkCount).toBe(4);
    expect(doc.sections.map((s) => [s.name, s.items.map((i) => i.title)])).toEqual([
      ["Articles & Learning", ["Hazard pointers", "What is memory safety"]],
      ["Neat Open Source Projects", ["Seastar"]],
      ["Other", ["Misc"]],
    ]);
  });

  it("follows a new category order and a removed category's links to Other", async () => {
    await share({ url: "https://t.example", category: "tools", title: "A tool", at: "2026-07-02T10:00:00Z" });
    await share({
      url: "https://a.example",
      category: "articles",
      title: "An article",
      at: "2026-07-03T10:00:00Z",
    });
    await share({
      url: "https://n.example",
      category: "neat",
      title: "A project",
      at: "2026-07-04T10:00:00Z",
    });
    await moveCategory({ store, clock }, { workspace, category: "tools", position: 1 });
    await removeCategory({ store, clock }, { workspace, category: "neat" });
    const doc = await buildRoundup({ store, clock }, { workspace, period: "2026-07" });
    expect(doc.sections.map((s) => s.name)).toEqual(["Tools", "Articles & Learning", "Other"]);
    expect(doc.sections[2]?.items.map((i) => i.title)).toEqual(["A project"]);
  });

  it("takes month boundaries in the workspace's time zone", async () => {
    await setSchedule({ store, clock }, { workspace, day: 1, time: "09:00", timeZone: "Asia/Tokyo" });
    // 2026-07-31T16:00Z is already August 1st, 01:00, in Tokyo.
    await share({ url: "https://late.example", at: "2026-07-31T16:00:00Z" });
    await share({ url: "https://early.example", at: "2026-06-30T16:00:00Z" }); // July 1st, 01:00 in Tokyo
    const urls = async (period: string) =>
      (await buildRoundup({ store, clock }, { workspace, period })).sections.flatMap((s) =>
        s.items.map((i) => i.url),
      );
    expect(await urls("2026-07")).toEqual(["https://early.example/"]);
    expect(await urls("2026-08")).toEqual(["https://late.example/"]);
  });

  it("defaults to last month as the workspace's clock sees it", async () => {
    await share({ url: "https://june.example", at: "2026-06-20T10:00:00Z" });
    const doc = await buildRoundup({ store, clock: fixedClock("2026-07-01T09:00:00Z") }, { workspace });
    expect(doc.period).toBe("2026-06");
    expect(doc.linkCount).toBe(1);
  });

  it("uses the workspace's title template and intro", async () => {
    await setTitleTemplate({ store, clock }, { workspace, template: "Reading list, {monthName} {year}" });
    await setIntro({ store, clock }, { workspace, intro: "Here is what caught our eye." });
    const doc = await buildRoundup({ store, clock }, { workspace, period: "2026-07" });
    expect(doc.title).toBe("Reading list, July 2026");
    expect(doc.intro).toBe("Here is what caught our eye.");
  });
});

describe("renderMarkdown", () => {
  it("reads like the reference post: title, intro, category headings, linked titles by their authors, notes", async () => {
    await setIntro(
      { store, clock },
      { workspace, intro: "Here are the articles, videos, and tools we're excited about." },
    );
    await share({
      url: "https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/",
      category: "articles",
      title: "Flatter wait-free hazard pointers",
      author: "Paul Khuong",
      note: "A wait-free alternative to the usual lock-free hazard pointer mechanism.",
      at: "2026-07-02T10:00:00Z",
    });
    await share({
      url: "https://seastar.io/",
      category: "neat",
      title: "Seastar",
      at: "2026-07-03T10:00:00Z",
    });
    await addLink(
      { store, clock },
      {
        workspace,
        url: "https://seastar.io",
        userId: "u-bob",
        userName: "Bob",
        note: "Shared-nothing FTW",
        source: "cli",
      },
    );

    const markdown = renderMarkdown(await buildRoundup({ store, clock }, { workspace, period: "2026-07" }));
    expect(markdown).toBe(
      [
        "# What we've been reading in July 2026",
        "",
        "Here are the articles, videos, and tools we're excited about.",
        "",
        "## 📚 Articles & Learning",
        "",
        "- [Flatter wait-free hazard pointers](https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/) by Paul Khuong",
        "",
        "  A wait-free alternative to the usual lock-free hazard pointer mechanism. — *shared by Alice*",
        "",
        "## 🧩 Neat Open Source Projects",
        "",
        "- [Seastar](https://seastar.io/)",
        "",
        // Bob's repeat share recommends it: one vote.
        "  — *shared by Alice* · 👍 1",
        "",
        "  *Also recommended by Bob*: Shared-nothing FTW",
        "",
      ].join("\n"),
    );
    const { headings, links } = published(markdown);
    expect(headings).toEqual(["h1", "h2", "h2"]);
    expect(links).toEqual([
      "https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/",
      "https://seastar.io/",
    ]);
  });

  it("says so when nobody shared anything that month", async () => {
    const markdown = renderMarkdown(await buildRoundup({ store, clock }, { workspace, period: "2026-02" }));
    expect(markdown).toBe(
      "# What we've been reading in February 2026\n\nNo links were shared in February 2026.\n",
    );
  });

  it("lets no hostile note, title or author become a link, heading, list, image or HTML", async () => {
    const hostile = [
      "@everyone <@&123> [click me](https://evil.example) ![img](https://evil.example/x.png)",
      "<script>alert(1)</script> <img src=x onerror=alert(1)> <https://evil.example/auto>",
      "# heading\n## another\n- list item\n1. numbered\n> quote\n---",
      "https://evil.example/bare www.evil.example mail@evil.example `code` **bold** _em_ ~~strike~~ | table |",
      "&lt;script&gt; &#60;b&#62; $x^2$ \\[escaped\\]",
    ].join("\n");
    await addCategory({ store, clock }, { workspace, name: "Safe & Sound" });
    await share({
      url: "https://ok.example/(paren)",
      category: "safe",
      title: "[Totally safe](https://evil.example) # not a heading",
      author: "<b>Mallory</b> [x](https://evil.example)",
      note: hostile,
      at: "2026-07-02T10:00:00Z",
    });
    await addLink(
      { store, clock },
      {
        workspace,
        url: "https://ok.example/(paren)",
        userId: "u-eve",
        userName: "Eve [x](https://evil.example)",
        note: hostile,
        source: "cli",
      },
    );
    const markdown = renderMarkdown(await buildRoundup({ store, clock }, { workspace, period: "2026-07" }));
    const { links, headings, htmlTokens, images, html } = published(markdown);
    expect(links).toEqual(["https://ok.example/(paren)"]);
    expect(headings).toEqual(["h1", "h2"]);
    expect(htmlTokens).toEqual([]);
    expect(images).toEqual([]);
    expect(html).not.toMatch(/<(script|img|b|code|strong|s|del|blockquote|ol|hr|table|h3)\b/);
    // The only emphasis is the renderer's own "shared by" and "also recommended by".
    expect(html.match(/<em>/g)).toHaveLength(2);
    expect(html.match(/<li>/g)).toHaveLength(1);
    // What the note said is still all there for the reader.
    expect(html).toContain("[click me](https://evil.example)");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("# heading ## another - list item 1. numbered &gt; quote ---");
  });
});
