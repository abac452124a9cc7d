/**
 * End-to-end tests of the command line: what a user sees (stdout, stderr, exit status) from the CLI
 * on a temporary SQLite file, a new one for each test. Most steps run the CLI in this process
 * (`runCli` with the deps src/cli/main.ts builds, in milliseconds); the steps that call
 * `sandbox.process` spawn `node --import tsx src/cli/main.ts` for what only a process shows: the real
 * entry point runs, writes to its streams and sets its exit status. Each test sets up what it needs
 * through the CLI itself, so every test runs alone (`-t`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliResult, createSandbox, type LinkJson, parseJson } from "./cliHarness.js";
import { inProcessCli } from "./inProcessCli.js";

/** A test that spawns: a spawn costs 1-2 s (more on a busy machine). */
const SPAWNS = { timeout: 60_000 };

type Cli = (...args: string[]) => Promise<CliResult>;

interface Sandbox {
  databaseUrl: string;
  /** The CLI in this process, as src/cli/main.ts runs it (no chat tokens, no page fetching). */
  cli: Cli;
  /** The real entry point in a process of its own. */
  process: Cli;
}

/** A successful run: exit 0, nothing on stderr. Shows both streams when it fails. */
function expectSuccess(result: CliResult): void {
  expect(result).toMatchObject({ status: 0, stderr: "" });
}

/** A refusal: exit 1, nothing on stdout, one friendly line on stderr (no stack trace, no internals). */
function expectRefused(result: CliResult, reason: RegExp): void {
  expect(result).toMatchObject({ status: 1, stdout: "" });
  expect(result.stderr).toMatch(reason);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(/Something went wrong|SQLITE|constraint|\n\s+at /i);
}

/** Wrong usage: exit 2, nothing on stdout, the reason and a usage text on stderr. */
function expectUsageError(result: CliResult, reason: RegExp): void {
  expect(result).toMatchObject({ status: 2, stdout: "" });
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).toMatch(/^Usage: /m);
}

function addedId(result: CliResult): number {
  expectSuccess(result);
  const match = /^Added #(\d+)\b/.exec(result.stdout);
  if (!match) throw new Error(`expected "Added #<id>" on stdout, got: ${result.stdout}`);
  return Number(match[1]);
}

async function listLinks(cli: Cli, ...args: string[]): Promise<LinkJson[]> {
  const result = await cli("list", "--json", ...args);
  expectSuccess(result);
  return parseJson<LinkJson[]>(result);
}

/** `## ` lines of a Markdown roundup, in order. */
function headings(markdown: string): string[] {
  return markdown.split("\n").filter((line) => line.startsWith("## "));
}

/** A new sandbox (a folder, no database file yet) for each test, removed afterwards. */
function useSandbox(databaseUrl?: (dir: string) => string): Sandbox {
  const sandbox = {} as Sandbox;
  let cleanup: (() => void) | undefined;
  beforeEach(() => {
    const made = createSandbox(databaseUrl);
    cleanup = made.cleanup;
    Object.assign(sandbox, {
      databaseUrl: made.databaseUrl,
      cli: inProcessCli(made.databaseUrl, { asMain: {} }),
      process: made.cli,
    } satisfies Sandbox);
  });
  afterEach(() => {
    cleanup?.();
  });
  return sandbox;
}

const SQLITE_TIPS = "https://example.com/posts/sqlite-tips";

/** alice shares the SQLite tips article in July, with everything a share can say. */
function shareSqliteTips(sandbox: Sandbox): Promise<CliResult> {
  return sandbox.cli(
    "add",
    SQLITE_TIPS,
    "--category",
    "articles",
    "--note",
    "Great read on WAL mode",
    "--title",
    "SQLite tips",
    "--author",
    "Jane Doe",
    "--by",
    "alice",
    "--at",
    "2026-07-10T09:30:00Z",
  );
}

/** bob shares the same page again, under another spelling of its URL. */
function reshareSqliteTips(sandbox: Sandbox): Promise<CliResult> {
  return sandbox.cli(
    "add",
    "https://www.example.com/posts/sqlite-tips/?utm_source=newsletter#comments",
    "--by",
    "bob",
    "--note",
    "Seconded, the checkpoint part is gold",
  );
}

/** carol shares one piece on the last second of June and one on the first second of August; the August id. */
async function shareJuneAndAugustPieces(sandbox: Sandbox): Promise<number> {
  addedId(
    await sandbox.cli(
      "add",
      "https://example.org/june",
      "--title",
      "June piece",
      "--by",
      "carol",
      "--at",
      "2026-06-30T23:59:59Z",
    ),
  );
  return addedId(
    await sandbox.cli(
      "add",
      "https://example.org/august",
      "--title",
      "August piece",
      "--by",
      "carol",
      "--at",
      "2026-08-01T00:00:00Z",
    ),
  );
}

describe("sharing, listing, editing and removing links", () => {
  const sandbox = useSandbox();

  it("refuses javascript:, ftp:, credential-bearing and bare-word URLs with a reason, and stores nothing", async () => {
    expectRefused(await sandbox.cli("add", "javascript:alert(1)"), /only web links.*not javascript links/i);
    expectRefused(await sandbox.cli("add", "ftp://example.com/file.txt"), /only web links.*not ftp links/i);
    expectRefused(
      await sandbox.cli("add", "https://alice:hunter2@example.com/private"),
      /user name or password/i,
    );
    expectRefused(await sandbox.cli("add", "hello"), /"hello" isn't a link/);
    expect(await listLinks(sandbox.cli)).toEqual([]);
  });

  it("refuses a note over 1,000 characters and stores nothing", async () => {
    const result = await sandbox.cli("add", "https://example.com/long-note", "--note", "a".repeat(1001));
    expectRefused(result, /up to 1,000 characters/);
    expect(await listLinks(sandbox.cli)).toEqual([]);
  });

  it("adds a link with category, note, title, author, sharer and date, and list --json shows them", async () => {
    const result = await shareSqliteTips(sandbox);
    const julyId = addedId(result);
    expect(result.stdout.trim()).toBe(`Added #${julyId} in Articles & Learning: SQLite tips`);

    const links = await listLinks(sandbox.cli);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      id: julyId,
      url: SQLITE_TIPS,
      title: "SQLite tips",
      author: "Jane Doe",
      note: "Great read on WAL mode",
      category: "Articles & Learning",
      sharedBy: "alice",
      sharedAt: "2026-07-10T09:30:00.000Z",
      recommendations: [],
    });
  });

  it("keeps a second share of the same page (www., utm_source, trailing slash, fragment) as a recommendation", async () => {
    const julyId = addedId(await shareSqliteTips(sandbox));

    const result = await reshareSqliteTips(sandbox);
    expectSuccess(result);
    expect(result.stdout).toContain(`Already shared: #${julyId} was shared by alice on 2026-07-10.`);
    expect(result.stdout).toContain("Your note was added to it.");

    const links = await listLinks(sandbox.cli);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      id: julyId,
      url: SQLITE_TIPS,
      note: "Great read on WAL mode",
      sharedBy: "alice",
      recommendations: [{ by: "bob", note: "Seconded, the checkpoint part is gold" }],
    });
  });

  it("list --month shows only the links shared in that month", async () => {
    addedId(await shareSqliteTips(sandbox));

    await shareJuneAndAugustPieces(sandbox);

    const july = await listLinks(sandbox.cli, "--month", "2026-07");
    expect(july.map((link) => link.title)).toEqual(["SQLite tips"]);
  });

  it("edits and removes links by id, and refuses an unknown id with exit 1", async () => {
    const julyId = addedId(await shareSqliteTips(sandbox));
    expectSuccess(await reshareSqliteTips(sandbox));
    const augustId = await shareJuneAndAugustPieces(sandbox);

    const edited = await sandbox.cli(
      "edit",
      String(julyId),
      "--note",
      "Still the best intro to WAL",
      "--title",
      "SQLite tips, revised",
      "--author",
      "J. Doe",
      "--category",
      "tools",
    );
    expectSuccess(edited);
    expect(edited.stdout.trim()).toBe(`Updated #${julyId}: SQLite tips, revised (Tools)`);

    const removed = await sandbox.cli("remove", String(augustId));
    expectSuccess(removed);
    expect(removed.stdout.trim()).toBe(`Removed #${augustId}: August piece`);

    const links = await listLinks(sandbox.cli);
    expect(links.map((link) => link.title)).toEqual(["June piece", "SQLite tips, revised"]);
    expect(links[1]).toMatchObject({
      id: julyId,
      note: "Still the best intro to WAL",
      author: "J. Doe",
      category: "Tools",
      recommendations: [{ by: "bob" }],
    });

    expectRefused(await sandbox.cli("remove", "999"), /no link #999/);
  });
});

describe("back-filling with --at", () => {
  const sandbox = useSandbox();

  it("works as the very first command on a new database", async () => {
    expect(existsSync(sandbox.databaseUrl)).toBe(false);
    const result = await sandbox.cli(
      "add",
      "https://example.com/first",
      "--title",
      "First",
      "--by",
      "alice",
      "--at",
      "2026-07-10T09:30:00Z",
    );
    addedId(result);
    const links = await listLinks(sandbox.cli);
    expect(links).toMatchObject([{ title: "First", sharedAt: "2026-07-10T09:30:00.000Z" }]);
  });
});

describe("categories", () => {
  const sandbox = useSandbox();

  it("adds, renames and moves categories, and refuses a name that differs only in case", async () => {
    const added = await sandbox.cli("category", "add", "Podcasts", "--emoji", "🎧");
    expectSuccess(added);
    expect(added.stdout.trim()).toBe('Added category "Podcasts" (podcasts).');

    const renamed = await sandbox.cli("category", "rename", "tools", "Dev Tools");
    expectSuccess(renamed);
    expect(renamed.stdout.trim()).toBe('Renamed "Tools" to "Dev Tools".');

    const moved = await sandbox.cli("category", "move", "podcasts", "1");
    expectSuccess(moved);
    expect(moved.stdout.trim().split("\n")).toEqual([
      "1. 🎧 Podcasts  [podcasts]",
      "2. 📚 Articles & Learning  [articles-learning]",
      "3. 🧩 Neat Open Source Projects  [neat-open-source-projects]",
      "4. 🛠️ Dev Tools  [dev-tools]",
    ]);

    expectRefused(await sandbox.cli("category", "add", "PODCASTS"), /already a category/i);
  });

  it("removing a category moves its links to Other, in list --json and in the roundup", async () => {
    // The categories as the test above leaves them.
    expectSuccess(await sandbox.cli("category", "add", "Podcasts", "--emoji", "🎧"));
    expectSuccess(await sandbox.cli("category", "rename", "tools", "Dev Tools"));
    expectSuccess(await sandbox.cli("category", "move", "podcasts", "1"));

    const id = addedId(
      await sandbox.cli(
        "add",
        "https://example.com/moved-along",
        "--title",
        "Moved along",
        "--category",
        "articles",
        "--by",
        "dana",
        "--at",
        "2026-07-10",
      ),
    );

    const removed = await sandbox.cli("category", "remove", "articles");
    expectSuccess(removed);
    expect(removed.stdout.trim()).toBe('Removed "Articles & Learning"; 1 link moved to "Other".');

    expect(await listLinks(sandbox.cli)).toMatchObject([{ id, category: null }]);

    const roundup = await sandbox.cli("roundup", "2026-07");
    expectSuccess(roundup);
    expect(headings(roundup.stdout)).toEqual(["## Other"]);
    expect(roundup.stdout).toContain("[Moved along](https://example.com/moved-along)");
    expect(roundup.stdout).not.toContain("Articles & Learning");

    const categories = await sandbox.cli("category", "list", "--json");
    expectSuccess(categories);
    const list = parseJson<{ name: string; emoji: string | null; position: number }[]>(categories);
    expect(list.map((c) => c.name)).toEqual(["Podcasts", "Neat Open Source Projects", "Dev Tools"]);
    expect(list.map((c) => c.emoji)).toEqual(["🎧", "🧩", "🛠️"]);
  });
});

/** Roundups on day 15 at 08:30 in New York, so a month ends at midnight there. */
function setNewYorkSchedule(sandbox: Sandbox): Promise<CliResult> {
  return sandbox.cli(
    "config",
    "set",
    "schedule",
    "--day",
    "15",
    "--time",
    "8:30",
    "--tz",
    "America/New_York",
  );
}

/** erin's share at 02:00 UTC on August 1: still July 31 in New York. */
async function shareLateJulyRead(sandbox: Sandbox): Promise<void> {
  addedId(
    await sandbox.cli(
      "add",
      "https://example.com/late-july",
      "--title",
      "Late July read",
      "--by",
      "erin",
      "--at",
      "2026-08-01T02:00:00Z",
    ),
  );
}

/** Three July shares in the opposite order of their categories, one with a hostile note. */
async function shareJulyReads(sandbox: Sandbox): Promise<void> {
  addedId(
    await sandbox.cli(
      "add",
      "https://github.com/BurntSushi/ripgrep",
      "--title",
      "ripgrep",
      "--author",
      "Andrew Gallant",
      "--category",
      "tools",
      "--by",
      "frank",
      "--at",
      "2026-07-05",
    ),
  );
  addedId(
    await sandbox.cli(
      "add",
      "https://sqlite.org/whentouse.html",
      "--title",
      "Appropriate Uses For SQLite",
      "--author",
      "Richard Hipp",
      "--category",
      "articles",
      "--note",
      "Good for settling arguments",
      "--by",
      "grace",
      "--at",
      "2026-07-06",
    ),
  );
  addedId(
    await sandbox.cli(
      "add",
      "https://example.com/innocent",
      "--title",
      "Innocent looking",
      "--note",
      "@everyone <script>x</script> [click](https://evil.example)",
      "--by",
      "mallory",
      "--at",
      "2026-07-07",
    ),
  );
}

describe("schedule and roundup", () => {
  const sandbox = useSandbox();
  const scheduleLine = "schedule:   day 15 of each month at 08:30 America/New_York";

  it("config set schedule accepts a valid day, time and time zone and prints the saved schedule", async () => {
    const set = await setNewYorkSchedule(sandbox);
    expectSuccess(set);
    expect(set.stdout).toContain(scheduleLine);
  });

  it("refuses a bad day, time or time zone with exit 1, and config show still shows the saved schedule", async () => {
    expectSuccess(await setNewYorkSchedule(sandbox));

    const schedule = (day: string, time: string, tz: string) =>
      sandbox.cli("config", "set", "schedule", "--day", day, "--time", time, "--tz", tz);
    expectRefused(await schedule("29", "09:00", "Europe/Berlin"), /day must be a whole number from 1 to 28/);
    expectRefused(await schedule("1", "25:00", "Europe/Berlin"), /"25:00" isn't a time/);
    expectRefused(await schedule("1", "09:00", "Mars/Olympus"), /"Mars\/Olympus" isn't a time zone/);

    const show = await sandbox.cli("config", "show");
    expectSuccess(show);
    expect(show.stdout).toContain(scheduleLine);
  });

  it("counts a link shared at 02:00 UTC on August 1 (July 31 in New York) in July's roundup, not August's", async () => {
    expectSuccess(await setNewYorkSchedule(sandbox));

    await shareLateJulyRead(sandbox);

    const july = await sandbox.cli("roundup", "2026-07");
    expectSuccess(july);
    expect(july.stdout).toContain("[Late July read](https://example.com/late-july)");

    const august = await sandbox.cli("roundup", "2026-08");
    expectSuccess(august);
    expect(august.stdout).not.toContain("Late July read");
    expect(august.stdout).toContain("No links were shared in August 2026.");
  });

  it("prints the month's roundup as Markdown: title, category headings in order, linked titles and authors", async () => {
    // Added in the opposite order of their categories, so the headings follow categories, not sharing.
    await shareJulyReads(sandbox);

    const result = await sandbox.cli("roundup", "2026-07");
    expectSuccess(result);
    const markdown = result.stdout;
    expect(markdown.split("\n")[0]).toBe("# What we've been reading in July 2026");
    expect(headings(markdown)).toEqual(["## 📚 Articles & Learning", "## 🛠️ Tools", "## Other"]);
    expect(markdown).toContain(
      "[Appropriate Uses For SQLite](https://sqlite.org/whentouse.html) by Richard Hipp",
    );
    expect(markdown).toContain("[ripgrep](https://github.com/BurntSushi/ripgrep) by Andrew Gallant");
    expect(markdown).toContain("Good for settling arguments");
    // Each entry sits under its own heading.
    const sqliteAt = markdown.indexOf("[Appropriate Uses For SQLite]");
    const toolsAt = markdown.indexOf("## 🛠️ Tools");
    const ripgrepAt = markdown.indexOf("[ripgrep]");
    const otherAt = markdown.indexOf("## Other");
    expect(sqliteAt).toBeLessThan(toolsAt);
    expect(toolsAt).toBeLessThan(ripgrepAt);
    expect(ripgrepAt).toBeLessThan(otherAt);
  });

  it("shows a hostile note in that roundup as text: no raw <script> and no live link to where it points", async () => {
    // The note of "Innocent looking": `@everyone <script>x</script> [click](https://evil.example)`.
    await shareJulyReads(sandbox);
    const result = await sandbox.cli("roundup", "2026-07");
    expectSuccess(result);
    const markdown = result.stdout;
    expect(markdown).toContain("[Innocent looking](https://example.com/innocent)");
    expect(markdown).not.toMatch(/(?<!\\)<script/i);
    expect(markdown).not.toContain("](https://evil.example");

    // Rendered by a permissive renderer (raw HTML and bare-URL linking on), the note stays inert text.
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="https?:\/\/evil\.example/);
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain('href="https://example.com/innocent"');
  });

  it("roundup --format json prints the same roundup as parseable JSON with sections", async () => {
    expectSuccess(await setNewYorkSchedule(sandbox));
    await shareLateJulyRead(sandbox);
    await shareJulyReads(sandbox);

    const result = await sandbox.cli("roundup", "2026-07", "--format", "json");
    expectSuccess(result);
    const doc = parseJson<{
      period: string;
      title: string;
      linkCount: number;
      sections: { name: string; items: { title: string; url: string; author: string | null }[] }[];
    }>(result);
    expect(doc).toMatchObject({
      period: "2026-07",
      title: "What we've been reading in July 2026",
      linkCount: 4,
    });
    expect(doc.sections.map((s) => s.name)).toEqual(["Articles & Learning", "Tools", "Other"]);
    expect(doc.sections.map((s) => s.items.map((item) => item.title))).toEqual([
      ["Appropriate Uses For SQLite"],
      ["ripgrep"],
      ["Innocent looking", "Late July read"],
    ]);
    expect(doc.sections[0]?.items[0]).toMatchObject({
      url: "https://sqlite.org/whentouse.html",
      author: "Richard Hipp",
    });
  });
});

describe("workspaces", () => {
  const sandbox = useSandbox();

  it("keeps links of one workspace out of another", async () => {
    addedId(await sandbox.cli("add", "https://example.com/team-a", "--workspace", "local:a"));
    addedId(await sandbox.cli("add", "https://example.com/team-b", "--workspace", "local:b"));
    expect((await listLinks(sandbox.cli, "--workspace", "local:b")).map((link) => link.url)).toEqual([
      "https://example.com/team-b",
    ]);
    expect((await listLinks(sandbox.cli, "--workspace=local:a")).map((link) => link.url)).toEqual([
      "https://example.com/team-a",
    ]);
  });

  it("refuses an invalid workspace key with exit 1", async () => {
    expectRefused(await sandbox.cli("list", "--workspace", "bogus"), /"bogus" isn't a workspace key/);
  });

  it("refuses an invalid workspace key the same way when --at is given", async () => {
    expectRefused(
      await sandbox.cli("add", "https://example.com/x", "--workspace", "nope", "--at", "2026-07-01"),
      /"nope" isn't a workspace key/,
    );
  });
});

describe("usage", () => {
  const sandbox = useSandbox();

  it("exits 2 with the usage on stderr for an unknown command", SPAWNS, async () => {
    // The real process: its exit status and which stream the usage goes to.
    const result = await sandbox.process("frobnicate");
    expectUsageError(result, /Unknown command "frobnicate"/);
    expect(result.stderr).toContain("Commands:");
  });

  it("exits 2 with the command's usage on stderr for an unknown flag", async () => {
    const result = await sandbox.cli("add", "https://example.com/x", "--frob");
    expectUsageError(result, /--frob/);
    expect(result.stderr).toContain("Usage: npm run -s cli -- add <url>");
  });

  it("exits 2 with the command's usage on stderr when an argument is missing", async () => {
    const result = await sandbox.cli("edit");
    expectUsageError(result, /missing <id>/);
    expect(result.stderr).toContain("Usage: npm run -s cli -- edit <id>");
  });

  it("--help exits 0 with the usage on stdout", async () => {
    const result = await sandbox.cli("--help");
    expectSuccess(result);
    expect(result.stdout).toMatch(/^Usage: /m);
    for (const command of ["add", "list", "edit", "remove", "category", "config", "roundup"]) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${command} `, "m"));
    }
  });
});

describe("the database file", () => {
  const sandbox = useSandbox((dir) => join(dir, "not", "yet", "there", "roundup.db"));

  it(
    "is created with its folders on first run, and a second run reopens it with the data intact",
    SPAWNS,
    async () => {
      // Two runs of the real process, which finds the file through DATABASE_URL.
      expect(existsSync(sandbox.databaseUrl)).toBe(false);
      addedId(await sandbox.process("add", "https://example.com/kept", "--title", "Kept", "--by", "alice"));
      expect(existsSync(sandbox.databaseUrl)).toBe(true);

      expect(await listLinks(sandbox.process)).toMatchObject([
        { url: "https://example.com/kept", title: "Kept", sharedBy: "alice" },
      ]);
    },
  );
});
