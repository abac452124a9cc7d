import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/core/render/renderMarkdown.js";
import { groupIntoSections, roundupDoc, type SectionLayout } from "../../src/core/roundup/buildRoundup.js";
import type { RoundupSection } from "../../src/core/roundup/roundupDoc.js";
import { type Category, DEFAULT_PICKS, type Link, type Settings } from "../../src/core/types.js";
import { unconfiguredSettings } from "../../src/storage/settingsFromRow.js";

const workspace = "local:team";

const categories: Category[] = [
  { id: 1, workspace, name: "Articles", slug: "articles", emoji: "📚", position: 1, archived: false },
  { id: 2, workspace, name: "Tools", slug: "tools", emoji: "🛠️", position: 2, archived: false },
];

let nextId = 1;

/** A link shared in July 2026; `supporters` gave it a +1 each (people other than the sharer). */
function link(title: string, fields: Partial<Link> & { supporters?: string[] } = {}): Link {
  const id = nextId++;
  const { supporters = [], ...rest } = fields;
  return {
    id,
    workspace,
    url: `https://example.com/${id}`,
    normalizedUrl: `https://example.com/${id}`,
    title,
    author: null,
    description: null,
    siteName: null,
    note: null,
    categoryId: 1,
    sharedById: "u-alice",
    sharedByName: "Alice",
    sharedAt: Date.UTC(2026, 6, 1) + id * 60_000,
    source: "cli",
    canonicalUrl: null,
    recommendations: [],
    votes: supporters.map((userId, i) => ({ userId, userName: userId, votedAt: Date.UTC(2026, 6, 20) + i })),
    picked: false,
    dropped: false,
    ...rest,
  };
}

const shared: SectionLayout = { order: "shared", picks: DEFAULT_PICKS };
const byVotes: SectionLayout = { order: "votes", picks: DEFAULT_PICKS };

/** Each section as its kind, name and titles: what a reader sees, top to bottom. */
function outline(sections: RoundupSection[]) {
  return sections.map((s) => [s.kind, s.name, s.items.map((i) => i.title)]);
}

describe("groupIntoSections with picks, dropped links and votes", () => {
  it("opens with the picks under the workspace's heading, and does not repeat them in their category", () => {
    const links = [
      link("A1"),
      link("A2 picked", { picked: true }),
      link("T1", { categoryId: 2 }),
      link("O1 picked", { categoryId: null, picked: true }),
      link("O2", { categoryId: null }),
    ];
    const sections = groupIntoSections(links, categories, {
      order: "shared",
      picks: { title: "Editors' choice", emoji: "🏆" },
    });
    expect(outline(sections)).toEqual([
      ["picks", "Editors' choice", ["A2 picked", "O1 picked"]],
      ["category", "Articles", ["A1"]],
      ["category", "Tools", ["T1"]],
      ["other", "Other", ["O2"]],
    ]);
    expect(sections[0]).toMatchObject({ emoji: "🏆", categoryId: null });
    expect(sections[0]?.items.every((i) => i.picked)).toBe(true);
    expect(sections.slice(1).flatMap((s) => s.items.filter((i) => i.picked))).toEqual([]);
  });

  it("leaves dropped links out of every section, picked or not, and a category with only dropped links out", () => {
    const links = [
      link("A1"),
      link("A2 dropped", { dropped: true }),
      link("A3 picked and dropped", { picked: true, dropped: true }),
      link("T1 dropped", { categoryId: 2, dropped: true }),
    ];
    expect(outline(groupIntoSections(links, categories, shared))).toEqual([["category", "Articles", ["A1"]]]);
  });

  it("has no picks section when nothing is picked", () => {
    const sections = groupIntoSections([link("A1"), link("T1", { categoryId: 2 })], categories, byVotes);
    expect(sections.map((s) => s.kind)).toEqual(["category", "category"]);
  });

  it("orders each section, the picks too, by votes, most first, ties in sharing order", () => {
    const links = [
      link("A none"),
      link("A two", { supporters: ["u-bob", "u-chen"] }),
      link("A one, first", { supporters: ["u-bob"] }),
      link("P one", { picked: true, supporters: ["u-dana"] }),
      link("A one, second", { supporters: ["u-chen"] }),
      link("P three", { picked: true, supporters: ["u-bob", "u-chen", "u-dana"] }),
      link("P none", { picked: true }),
    ];
    expect(outline(groupIntoSections(links, categories, byVotes))).toEqual([
      ["picks", "Picks of the month", ["P three", "P one", "P none"]],
      ["category", "Articles", ["A two", "A one, first", "A one, second", "A none"]],
    ]);
  });

  it("keeps sharing order with order 'shared', however the votes fall", () => {
    const links = [
      link("A none"),
      link("A two", { supporters: ["u-bob", "u-chen"] }),
      link("P none", { picked: true }),
      link("P one", { picked: true, supporters: ["u-dana"] }),
    ];
    expect(outline(groupIntoSections(links, categories, shared))).toEqual([
      ["picks", "Picks of the month", ["P none", "P one"]],
      ["category", "Articles", ["A none", "A two"]],
    ]);
  });

  it("counts each supporter once, repeat shares included, and not the sharer", () => {
    const popular = link("Popular", {
      supporters: ["u-bob", "u-chen", "u-alice"],
      recommendations: [
        { userId: "u-bob", userName: "Bob", note: "Again!", sharedAt: Date.UTC(2026, 6, 21) },
        { userId: "u-erin", userName: "Erin", note: null, sharedAt: Date.UTC(2026, 6, 22) },
      ],
    });
    const [section] = groupIntoSections([popular, link("Quiet")], categories, shared);
    expect(section?.items.map((i) => [i.title, i.votes])).toEqual([
      ["Popular", 3],
      ["Quiet", 0],
    ]);
  });
});

function settings(layout: Partial<Settings> = {}): Settings {
  return { ...unconfiguredSettings(workspace, []), ...layout };
}

describe("roundupDoc with picks, dropped links and votes", () => {
  it("counts only the links it shows and lists the dropped ones apart, with their category", () => {
    const links = [
      link("Kept"),
      link("Dropped article", { dropped: true }),
      link("Dropped other", { categoryId: null, dropped: true }),
      link("Dropped, category removed", { categoryId: 99, dropped: true }),
    ];
    const doc = roundupDoc(settings(), categories, "2026-07", links);
    expect(doc.linkCount).toBe(1);
    expect(doc.dropped.map((d) => [d.title, d.category])).toEqual([
      ["Dropped article", "Articles"],
      ["Dropped other", null],
      ["Dropped, category removed", null],
    ]);
  });

  it("has no sections and no links to show when every link of the month was dropped", () => {
    const links = [link("One", { dropped: true }), link("Two", { picked: true, dropped: true })];
    const doc = roundupDoc(settings(), categories, "2026-07", links);
    expect(doc.sections).toEqual([]);
    expect(doc.linkCount).toBe(0);
    expect(doc.dropped).toHaveLength(2);
    expect(renderMarkdown(doc)).toContain("No links were shared in July 2026.");
  });

  it("lays out by the workspace's order and picks heading", () => {
    const links = [link("Less"), link("More", { supporters: ["u-bob"] }), link("Pick", { picked: true })];
    const doc = roundupDoc(
      settings({ order: "votes", picks: { title: "Our favourites", emoji: null } }),
      categories,
      "2026-07",
      links,
    );
    expect(outline(doc.sections)).toEqual([
      ["picks", "Our favourites", ["Pick"]],
      ["category", "Articles", ["More", "Less"]],
    ]);
  });
});

describe("renderMarkdown with picks, dropped links and votes", () => {
  it("publishes the picks first, the votes after the sharer when someone recommends it, and no dropped link", () => {
    const links = [
      link("Hazard pointers", { author: "Paul Khuong", note: "Wait-free, finally.", supporters: ["u-bob"] }),
      link("Seastar", { categoryId: 2, picked: true, supporters: ["u-bob", "u-chen", "u-dana"] }),
      link("Spam", { categoryId: 2, dropped: true }),
      link("Ptrace notes", { note: "Short and useful." }),
    ];
    const markdown = renderMarkdown(roundupDoc(settings(), categories, "2026-07", links));
    expect(markdown).toBe(
      [
        "# What we've been reading in July 2026",
        "",
        "## ⭐ Picks of the month",
        "",
        `- [Seastar](${links[1]?.url})`,
        "",
        "  — *shared by Alice* · 👍 3",
        "",
        "## 📚 Articles",
        "",
        `- [Hazard pointers](${links[0]?.url}) by Paul Khuong`,
        "",
        "  Wait-free, finally. — *shared by Alice* · 👍 1",
        "",
        `- [Ptrace notes](${links[3]?.url})`,
        "",
        "  Short and useful. — *shared by Alice*",
        "",
      ].join("\n"),
    );
    const html = new MarkdownIt("commonmark").render(markdown);
    expect(html).not.toContain("Spam");
    expect(html.match(/<h2>/g)).toHaveLength(2);
  });
});
