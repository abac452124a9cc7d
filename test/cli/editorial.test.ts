/**
 * Issue 14 at the command line: an editor drops, restores, picks and unpicks links (`edit`), members
 * +1 them (`vote`), `list` shows both, and `config set order|picks|review` shapes the roundup.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempStore } from "../helpers/tempStore.js";
import { type CliRun, inProcessCli } from "./inProcessCli.js";

let temp: ReturnType<typeof tempStore>;
let cli: (...argv: string[]) => Promise<CliRun>;
beforeEach(() => {
  temp = tempStore();
  cli = inProcessCli(temp.path);
});
afterEach(() => temp.cleanup());

interface ListedLink {
  id: number;
  url: string;
  picked: boolean;
  dropped: boolean;
  votes: number;
  note: string | null;
  category: string | null;
}

function expectDone(result: CliRun): string {
  expect(result, result.stderr).toMatchObject({ status: 0, stderr: "" });
  return result.stdout;
}

function expectRefused(result: CliRun, reason: string | RegExp): void {
  expect(result).toMatchObject({ status: 1, stdout: "" });
  expect(result.stderr).toMatch(reason);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
}

function expectUsageError(result: CliRun, reason: string | RegExp): void {
  expect(result).toMatchObject({ status: 2, stdout: "" });
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).toMatch(/^Usage: /m);
}

/** Shares `url` in July 2026 (the clock stands in August) and answers its id. */
async function share(url: string, ...more: string[]): Promise<number> {
  const out = expectDone(await cli("add", url, "--at", "2026-07-15", ...more));
  return Number(/^Added #(\d+)/.exec(out)?.[1]);
}

async function listed(...args: string[]): Promise<ListedLink[]> {
  return JSON.parse(expectDone(await cli("list", "--json", ...args))) as ListedLink[];
}

async function marks(): Promise<Record<number, { picked: boolean; dropped: boolean }>> {
  return Object.fromEntries((await listed()).map(({ id, picked, dropped }) => [id, { picked, dropped }]));
}

describe("cli edit: an editor's marks", () => {
  it("--drop leaves a link out of its month's roundup and --restore puts it back; the list keeps it", async () => {
    const id = await share("https://example.com/a", "--title", "Article A");
    await share("https://example.com/b", "--title", "Article B");

    expect(expectDone(await cli("edit", String(id), "--drop"))).toBe(
      `#${id} is dropped from the July 2026 roundup; it stays on the list.`,
    );
    expect((await listed()).find((link) => link.id === id)).toMatchObject({ dropped: true, picked: false });
    expect(expectDone(await cli("list"))).toContain(`#${id}  [dropped] Article A`);

    expect(expectDone(await cli("edit", String(id), "--drop"))).toBe(
      `#${id} was already dropped from the July 2026 roundup; it stays on the list.`,
    );
    expect(expectDone(await cli("edit", String(id), "--restore"))).toBe(
      `#${id} is back in the July 2026 roundup.`,
    );
    expect(expectDone(await cli("edit", String(id), "--restore"))).toBe(
      `#${id} wasn't dropped: it is in the July 2026 roundup.`,
    );
    expect((await listed()).find((link) => link.id === id)).toMatchObject({ dropped: false });
  });

  it("--pick opens the roundup with the link under the picks heading, --unpick returns it", async () => {
    const id = await share("https://example.com/a", "--title", "Article A");

    expect(expectDone(await cli("edit", String(id), "--pick"))).toBe(
      `#${id} is picked: it opens the July 2026 roundup in “⭐ Picks of the month”.`,
    );
    expect(await marks()).toEqual({ [id]: { picked: true, dropped: false } });
    expect(expectDone(await cli("list"))).toContain(`#${id}  [picked] Article A`);
    expect(expectDone(await cli("edit", String(id), "--pick"))).toMatch(/^#\d+ was already picked/);

    expect(expectDone(await cli("edit", String(id), "--unpick"))).toBe(
      `#${id} is no longer picked: it is back in its category in the July 2026 roundup.`,
    );
    expect(await marks()).toEqual({ [id]: { picked: false, dropped: false } });
    expect(expectDone(await cli("edit", String(id), "--unpick"))).toBe(
      `#${id} wasn't picked: it is in its category in the July 2026 roundup.`,
    );
  });

  it("picking a dropped link puts it back, and dropping a pick takes the pick away", async () => {
    const id = await share("https://example.com/a");
    await cli("edit", String(id), "--drop");
    expectDone(await cli("edit", String(id), "--pick"));
    expect(await marks()).toEqual({ [id]: { picked: true, dropped: false } });
    expectDone(await cli("edit", String(id), "--drop"));
    expect(await marks()).toEqual({ [id]: { picked: false, dropped: true } });
  });

  it("makes a mark and an edit in one command, and says both", async () => {
    const id = await share("https://example.com/a", "--title", "Article A");
    const out = expectDone(
      await cli("edit", String(id), "--note", "Read this first", "--category", "tools", "--pick"),
    );
    expect(out.split("\n")).toEqual([
      `Updated #${id}: Article A (Tools)`,
      `#${id} is picked: it opens the July 2026 roundup in “⭐ Picks of the month”.`,
    ]);
    expect((await listed())[0]).toMatchObject({ note: "Read this first", category: "Tools", picked: true });
  });

  it("refuses two marks at once, or --no-<mark>, with the usage, and changes nothing", async () => {
    const id = String(await share("https://example.com/a"));
    for (const [flags, reason] of [
      [
        ["--drop", "--pick"],
        "--drop and --pick can't go together: give one of --drop, --restore, --pick or --unpick",
      ],
      [["--pick", "--unpick"], "--pick and --unpick can't go together"],
      [["--drop", "--restore", "--note", "x"], "--drop and --restore can't go together"],
      [["--no-drop"], "there is no --no-drop; say --restore"],
      [["--no-pick"], "there is no --no-pick; say --unpick"],
    ] as const) {
      expectUsageError(await cli("edit", id, ...flags), reason);
    }
    expectUsageError(await cli("edit", id), /say what to change: .*--drop, --restore, --pick or --unpick/);
    expect((await listed())[0]).toMatchObject({ note: null, picked: false, dropped: false });
  });

  it("refuses an edit it can't make before making the mark with it", async () => {
    const id = String(await share("https://example.com/a"));
    expectRefused(await cli("edit", id, "--category", "no-such-category", "--pick"), /no-such-category/);
    expect((await listed())[0]).toMatchObject({ picked: false, dropped: false, category: null });
  });

  it("refuses a link that isn't there", async () => {
    await share("https://example.com/a");
    expectRefused(await cli("edit", "99", "--drop"), "There's no link #99 here.");
    expectUsageError(await cli("edit", "first", "--drop"), `"first" isn't a link id`);
  });
});

describe("cli vote", () => {
  it("counts each person once, says the count, and the list shows it", async () => {
    const id = String(await share("https://example.com/a", "--title", "Article A", "--by", "Ana"));

    expect(expectDone(await cli("vote", id, "--by", "Bob"))).toBe(`Bob recommends #${id}: Article A. 👍 1`);
    expect(expectDone(await cli("vote", id, "--by", "Cy"))).toBe(`Cy recommends #${id}: Article A. 👍 2`);
    expect(expectDone(await cli("vote", id, "--by", "Bob"))).toBe(
      `Bob already recommends #${id}; counted once. 👍 2`,
    );
    // Ana is the same person who shared it with `add --by Ana`.
    expect(expectDone(await cli("vote", id, "--by", "Ana"))).toBe(
      `Ana shared #${id}: sharing it already says they recommend it. 👍 2`,
    );

    expect((await listed())[0]).toMatchObject({ votes: 2 });
    const text = expectDone(await cli("list"));
    expect(text).toContain(`#${id}  Article A  👍 2`);
    expect(text).toContain("     +1 Bob, Cy");
  });

  it("counts sharing the same page again as a vote", async () => {
    const id = await share("https://example.com/a", "--by", "Ana");
    await share("https://example.com/a", "--by", "Bob");
    expect(expectDone(await cli("vote", String(id), "--by", "Bob"))).toMatch(
      /^Bob already recommends .* 👍 1$/,
    );
    expect((await listed())[0]).toMatchObject({ votes: 1 });
  });

  it("shows no count on a link nobody else recommends", async () => {
    await share("https://example.com/a", "--title", "Article A");
    expect((await listed())[0]).toMatchObject({ votes: 0, picked: false, dropped: false });
    expect(expectDone(await cli("list")).split("\n")[0]).toMatch(/^#\d+ {2}Article A$/);
  });

  it("refuses a link that isn't there and a missing id", async () => {
    expectRefused(await cli("vote", "7", "--by", "Bob"), "There's no link #7 here.");
    expectUsageError(await cli("vote", "--by", "Bob"), "missing <id>");
  });
});

describe("cli config: order, picks and review", () => {
  const slack = ["--workspace", "slack:T012AB3CD"];

  it("sets each, shows them, and gives them in config show --json", async () => {
    await share("https://example.com/a");
    const shown = expectDone(await cli("config", "show"));
    expect(shown).toContain("order:      shared (the order links were shared in)");
    expect(shown).toContain("picks:      ⭐ Picks of the month");
    expect(shown).toContain("review:     off");

    expect(expectDone(await cli("config", "set", "order", "votes"))).toContain(
      "order:      votes (most recommended first)",
    );
    expect(
      expectDone(await cli("config", "set", "picks", "--title", "Editors' picks", "--emoji", "🔥")),
    ).toContain("picks:      🔥 Editors' picks");
    expect(expectDone(await cli("config", "set", "picks", "--emoji", "none"))).toContain(
      "picks:      Editors' picks\n",
    );
    expect(JSON.parse(expectDone(await cli("config", "show", "--json")))).toMatchObject({
      order: "votes",
      picks: { title: "Editors' picks", emoji: null },
      review: { days: 0, channelId: null },
    });

    expect(
      expectDone(await cli("config", "set", "review", "--days", "3", "--channel", "C0REVIEW", ...slack)),
    ).toContain(
      "review:     a draft 3 days before each roundup, in C0REVIEW; the next on 2026-08-29 09:00 UTC",
    );
    expect(JSON.parse(expectDone(await cli("config", "show", "--json", ...slack)))).toMatchObject({
      review: { days: 3, channelId: "C0REVIEW" },
    });
    expect(expectDone(await cli("config", "set", "review", "--days", "0", ...slack))).toContain(
      "review:     off (config set review --days N --channel ID posts a draft for the editors); channel C0REVIEW kept",
    );
  });

  it("refuses what it can't set, with a friendly message, and changes nothing", async () => {
    await share("https://example.com/a");
    await cli("config", "set", "channel", "C0ROUNDUP", ...slack);
    const before = expectDone(await cli("config", "show", "--json", ...slack));

    expectUsageError(
      await cli("config", "set", "order", "random", ...slack),
      'expected shared or votes, not "random"',
    );
    expectUsageError(
      await cli("config", "set", "picks", ...slack),
      "config set picks needs --title, --emoji or both",
    );
    expectRefused(
      await cli("config", "set", "picks", "--emoji", "<@U1>", ...slack),
      `"<@U1>" isn't an emoji`,
    );
    expectRefused(
      await cli("config", "set", "picks", "--title", " ", ...slack),
      "Give the picks section a title",
    );
    expectUsageError(await cli("config", "set", "review", "--channel", "C1", ...slack), "needs --days");
    expectRefused(
      await cli("config", "set", "review", "--days", "3", ...slack),
      /^Say where the draft goes: a channel the admins read/,
    );
    expectRefused(
      await cli("config", "set", "review", "--days", "40", "--channel", "C1", ...slack),
      'The draft goes out 1 to 27 days before the roundup (0 turns it off); "40" isn\'t one of those.',
    );
    expect(expectDone(await cli("config", "show", "--json", ...slack))).toBe(before);
  });

  it("posts no review draft for a local workspace, which has no chat; turning it off is fine", async () => {
    await share("https://example.com/a");
    expectRefused(
      await cli("config", "set", "review", "--days", "3", "--channel", "C1"),
      /^local:default is a local workspace: it has no chat, so no draft is posted for review\./,
    );
    expect(expectDone(await cli("config", "set", "review", "--days", "0"))).toContain("review:     off");
  });
});

describe("cli roundup after the editors' marks and the votes", () => {
  /** The month: one pick, one dropped link, and articles that votes would reorder. */
  async function shapedJuly(): Promise<void> {
    const first = await share(
      "https://example.com/first",
      "--title",
      "First article",
      "--category",
      "articles",
    );
    const dropped = await share("https://example.com/spam", "--title", "Spam", "--category", "articles");
    const voted = await share(
      "https://example.com/voted",
      "--title",
      "Voted article",
      "--category",
      "articles",
    );
    const pick = await share("https://example.com/pick", "--title", "The pick", "--category", "tools");
    expectDone(await cli("edit", String(dropped), "--drop"));
    expectDone(await cli("edit", String(pick), "--pick"));
    expectDone(await cli("vote", String(voted), "--by", "Bob"));
    expectDone(await cli("vote", String(voted), "--by", "Cy"));
    expectDone(await cli("vote", String(first), "--by", "Bob"));
  }

  /** `## ` headings, and the titles of the entries, in the order the Markdown shows them. */
  async function markdownOutline(): Promise<string[]> {
    const markdown = expectDone(await cli("roundup", "2026-07"));
    return markdown
      .split("\n")
      .filter((line) => line.startsWith("## ") || line.startsWith("- ["))
      .map((line) => line.replace(/^- \[([^\]]*)\].*$/, "$1"));
  }

  it("opens the Markdown with the picks, leaves the dropped link out, and orders by votes when asked", async () => {
    await shapedJuly();
    const articles = expect.stringMatching(/^## .*Articles/);
    expect(await markdownOutline()).toEqual([
      "## ⭐ Picks of the month",
      "The pick",
      articles,
      "First article",
      "Voted article",
    ]);
    const markdown = expectDone(await cli("roundup", "2026-07"));
    expect(markdown).toContain("👍 2");
    expect(markdown).not.toContain("Spam");

    expectDone(await cli("config", "set", "order", "votes"));
    expectDone(await cli("config", "set", "picks", "--title", "Team favourites", "--emoji", "none"));
    expect(await markdownOutline()).toEqual([
      "## Team favourites",
      "The pick",
      articles,
      "Voted article",
      "First article",
    ]);
  });

  it("gives picked, votes and the dropped links in roundup --format json", async () => {
    await shapedJuly();
    const doc = JSON.parse(expectDone(await cli("roundup", "2026-07", "--format", "json"))) as {
      sections: { kind: string; items: { title: string; picked: boolean; votes: number }[] }[];
      dropped: { title: string; category: string | null }[];
    };
    expect(doc.sections.map((s) => [s.kind, s.items.map((i) => [i.title, i.picked, i.votes])])).toEqual([
      ["picks", [["The pick", true, 0]]],
      [
        "category",
        [
          ["First article", false, 1],
          ["Voted article", false, 2],
        ],
      ],
    ]);
    expect(doc.dropped).toEqual([
      expect.objectContaining({ title: "Spam", category: "Articles & Learning" }),
    ]);

    // Restored, it is back in its section and no longer listed apart.
    const spam = (await listed()).find((link) => link.url === "https://example.com/spam");
    expectDone(await cli("edit", String(spam?.id), "--restore"));
    const restored = JSON.parse(
      expectDone(await cli("roundup", "2026-07", "--format", "json")),
    ) as typeof doc;
    expect(restored.dropped).toEqual([]);
    expect(restored.sections[1]?.items.map((i) => i.title)).toEqual([
      "First article",
      "Spam",
      "Voted article",
    ]);
  });
});
