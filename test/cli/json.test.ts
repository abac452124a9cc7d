import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempStore } from "../helpers/tempStore.js";
import { MemoryPublisher } from "../schedule/fakePublisher.js";
import { type CliRun, inProcessCli } from "./inProcessCli.js";

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let temp: ReturnType<typeof tempStore>;
let cli: (...argv: string[]) => Promise<CliRun>;
beforeEach(() => {
  temp = tempStore();
  cli = inProcessCli(temp.path, { publishers: { slack: new MemoryPublisher() } });
});
afterEach(() => temp.cleanup());

async function json(...argv: string[]): Promise<unknown> {
  const result = await cli(...argv);
  expect(result, result.stderr).toMatchObject({ status: 0, stderr: "" });
  return JSON.parse(result.stdout);
}

/**
 * Every value in a JSON document that is a point in time: under a key that names one (`sharedAt`,
 * `at`, `updatedAt`, `leaseUntil`) or a number as large as epoch milliseconds, by its path.
 */
function instants(value: unknown, path = "$"): Record<string, unknown> {
  if (Array.isArray(value)) return Object.assign({}, ...value.map((v, i) => instants(v, `${path}[${i}]`)));
  if (value === null || typeof value !== "object") return {};
  const found: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const where = `${path}.${key}`;
    if (/^at$|At$|Until$/.test(key) || (typeof child === "number" && child > 1e11)) found[where] = child;
    else Object.assign(found, instants(child, where));
  }
  return found;
}

describe("cli JSON", () => {
  it("gives every date as ISO 8601 in list --json, roundup --format json and config show --json", async () => {
    const ws = ["--workspace", "slack:T012AB3CD"];
    await cli("add", "https://example.com/july", "--at", "2026-07-15", "--by", "Ann", ...ws);
    await cli("add", "https://example.com/july", "--at", "2026-07-16", "--by", "Bob", "--note", "+1", ...ws);
    await cli("config", "set", "channel", "C0123456", ...ws);
    expect((await cli("roundup", "post", "2026-07", ...ws)).status).toBe(0);

    const list = instants(await json("list", "--json", ...ws));
    expect(list).toEqual({
      "$[0].sharedAt": "2026-07-15T12:00:00.000Z",
      "$[0].recommendations[0].at": "2026-07-16T12:00:00.000Z",
    });

    const roundup = instants(await json("roundup", "2026-07", "--format", "json", ...ws));
    expect(roundup).toEqual({ "$.sections[0].items[0].sharedAt": "2026-07-15T12:00:00.000Z" });

    const config = instants(await json("config", "show", "--json", ...ws));
    expect(Object.keys(config)).toEqual(
      expect.arrayContaining(["$.nextDue.at", "$.lastRun.updatedAt", "$.lastRun.leaseUntil"]),
    );
    for (const [path, value] of Object.entries(config)) {
      if (value !== null) expect(value, path).toMatch(ISO_8601);
    }
    expect(config["$.lastRun.updatedAt"]).toBe("2026-08-10T12:00:00.000Z");
  });
});

describe("roundup --format json with picks, dropped links and votes", () => {
  it("gives each item picked and votes, each section its kind, and the dropped links apart with their category", async () => {
    const ws = "local:team";
    const add = (url: string, ...more: string[]) =>
      cli("add", url, "--at", "2026-07-15", "--by", "Ann", "--workspace", ws, ...more);
    await add("https://example.com/kept", "--category", "articles");
    await add("https://example.com/pick", "--category", "tools");
    await add("https://example.com/spam", "--category", "articles");
    const ids = new Map(
      ((await json("list", "--json", "--workspace", ws)) as { id: number; url: string }[]).map((l) => [
        l.url,
        l.id,
      ]),
    );
    const idOf = (url: string) => ids.get(url) ?? Number.NaN;
    await temp.store.links.curate(ws, idOf("https://example.com/pick"), { picked: true });
    await temp.store.links.curate(ws, idOf("https://example.com/spam"), { dropped: true });
    await temp.store.links.addVote(ws, idOf("https://example.com/pick"), {
      userId: "u-bob",
      userName: "Bob",
      votedAt: Date.UTC(2026, 6, 20),
    });

    const roundup = (await json("roundup", "2026-07", "--format", "json", "--workspace", ws)) as {
      linkCount: number;
      sections: { kind: string; name: string; items: { url: string; picked: boolean; votes: number }[] }[];
      dropped: { url: string; category: string | null; picked: boolean; votes: number; sharedAt: string }[];
    };
    expect(roundup.linkCount).toBe(2);
    expect(
      roundup.sections.map((s) => [s.kind, s.name, s.items.map((i) => [i.url, i.picked, i.votes])]),
    ).toEqual([
      ["picks", "Picks of the month", [["https://example.com/pick", true, 1]]],
      ["category", "Articles & Learning", [["https://example.com/kept", false, 0]]],
    ]);
    expect(roundup.dropped).toEqual([
      expect.objectContaining({
        url: "https://example.com/spam",
        category: "Articles & Learning",
        picked: false,
        votes: 0,
        sharedAt: expect.stringMatching(ISO_8601),
      }),
    ]);
  });
});

describe("cli category positions", () => {
  it("category list --json numbers from 1, the same numbers category move takes and the list shows", async () => {
    expect((await cli("category", "move", "tools", "1")).status).toBe(0);
    const categories = (await json("category", "list", "--json")) as { slug: string; position: number }[];
    expect(categories.map(({ slug, position }) => [position, slug])).toEqual([
      [1, "tools"],
      [2, "articles-learning"],
      [3, "neat-open-source-projects"],
    ]);

    // With one archived (and hidden), each keeps the number `move` knows it by.
    await cli("category", "archive", "articles");
    const shown = (await json("category", "list", "--json")) as { slug: string; position: number }[];
    expect(shown.map(({ slug, position }) => [position, slug])).toEqual([
      [1, "tools"],
      [3, "neat-open-source-projects"],
    ]);
    expect((await cli("category", "list")).stdout.split("\n")).toEqual([
      "1. 🛠️ Tools  [tools]",
      "3. 🧩 Neat Open Source Projects  [neat-open-source-projects]",
    ]);
    const moved = await cli("category", "move", "neat", "3");
    expect(moved.stdout.split("\n")[2]).toMatch(/^3\. .*\[neat-open-source-projects\]$/);
  });
});
