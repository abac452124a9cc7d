/**
 * The CLI in process (`runCli` on a temp SQLite file, a fixed clock): which workspaces reading and
 * writing commands see, what `config show` says about a roundup nobody is there to post, and the
 * category answers a person gets back.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { coreAt, fixedClock, tempStore } from "../helpers/tempStore.js";

let path: string;
let store: SqliteStore;
let cleanup: () => Promise<void>;
const clock = fixedClock("2026-07-20T12:00:00Z");

beforeEach(() => {
  ({ store, path, cleanup } = tempStore());
  clock.set("2026-07-20T12:00:00Z");
});
afterEach(() => cleanup());

/** One CLI invocation on the test's database, as `npm run cli -- ...args` would run it. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(
    args,
    { openCore: coreAt(path, clock) },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { status, out: out.join("\n"), err: err.join("\n") };
}

/** Every row the database holds for any workspace: the workspace itself, its settings, its categories. */
function traces(): unknown[] {
  const client = store.db.$client;
  return [
    ...client.prepare("SELECT key FROM workspaces").all(),
    ...client.prepare("SELECT workspace_key FROM workspace_settings").all(),
    ...client.prepare("SELECT workspace_key, name FROM categories").all(),
  ];
}

describe("reading commands", () => {
  const reading = [
    ["list"],
    ["list", "--search", "sqlite"],
    ["list", "--month", "2026-07", "--json"],
    ["category", "list", "--all"],
    ["config", "show"],
    ["config", "show", "--json"],
    ["roundup"],
    ["roundup", "2026-06", "--format", "json"],
  ];

  it.each(["slack:ta", "discord:abc", "local:other"])(
    "name the unknown workspace %s, exit 1 and create nothing",
    async (workspace) => {
      await cli("add", "https://example.com/kept", "--workspace", "slack:T1");
      const before = traces();
      for (const args of reading) {
        const result = await cli(...args, "--workspace", workspace);
        expect(result, args.join(" ")).toMatchObject({
          status: 1,
          out: "",
          err: `There is no workspace ${workspace} yet. Check --workspace: a workspace starts with its first link or setting.`,
        });
      }
      expect(traces()).toEqual(before);
    },
  );

  it("read the default local workspace of a new database as empty, without creating it", async () => {
    expect(await cli("list")).toEqual({ status: 0, out: "No links found.", err: "" });
    expect(await cli("list", "--json")).toEqual({ status: 0, out: "[]", err: "" });
    const categories = await cli("category", "list");
    expect(categories.out.split("\n")).toEqual([
      "1. 📚 Articles & Learning  [articles-learning]",
      "2. 🧩 Neat Open Source Projects  [neat-open-source-projects]",
      "3. 🛠️ Tools  [tools]",
    ]);
    expect((await cli("config", "show")).out).toContain("workspace:  local:default");
    expect((await cli("roundup")).out).toContain("# What we've been reading in June 2026");
    expect(traces()).toEqual([]);
  });

  it("leave writing commands to create the workspace, which reading then finds", async () => {
    expect((await cli("add", "https://example.com/first", "--workspace", "local:other")).status).toBe(0);
    const listed = await cli("list", "--workspace", "local:other");
    expect(listed.status).toBe(0);
    expect(listed.out).toContain("https://example.com/first");
  });
});

describe("config show", () => {
  /** A Slack workspace with a channel, its June roundup due on July 1 at 09:00 UTC. */
  async function slackWorkspaceDueInJuly() {
    clock.set("2026-06-20T12:00:00Z");
    await setSchedule({ store, clock }, { workspace: "slack:T1", day: 1, time: "09:00", timeZone: "UTC" });
    await setChannel({ store, clock }, { workspace: "slack:T1", channelId: "C1" });
  }

  it("says a roundup past due is waiting for a bot with the platform's token", async () => {
    await slackWorkspaceDueInJuly();
    clock.set("2026-07-02T10:00:00Z");
    const shown = await cli("config", "show", "--workspace", "slack:T1");
    expect(shown.status).toBe(0);
    expect(shown.out).toContain(
      "The June 2026 roundup was due on 2026-07-01 09:00 UTC and is waiting for a running bot with SLACK_BOT_TOKEN.",
    );
  });

  it("says nothing of waiting before the roundup is due", async () => {
    await slackWorkspaceDueInJuly();
    clock.set("2026-07-01T08:59:00Z");
    expect((await cli("config", "show", "--workspace", "slack:T1")).out).not.toMatch(/waiting/);
  });
});

describe("category answers", () => {
  it("name the categories an ambiguous prefix could be", async () => {
    await cli("category", "add", "Talks");
    const result = await cli("add", "https://example.com/t", "--category", "t");
    expect(result).toMatchObject({
      status: 1,
      err: '"t" could be Tools or Talks: type more of the name.',
    });
    expect((await cli("list")).out).toBe("No links found.");
  });

  it("say a category is archived and how to restore it, and store nothing", async () => {
    await cli("category", "archive", "tools");
    const result = await cli("add", "https://example.com/t", "--category", "tools");
    expect(result).toMatchObject({
      status: 1,
      err: '"Tools" is archived, so new links can\'t go there. An admin can restore it: /read category unarchive tools (CLI: category unarchive tools).',
    });
    expect((await cli("list")).out).toBe("No links found.");
  });

  it("refuse a category called none, which edit --category none uses to clear one", async () => {
    const refused = await cli("category", "add", "None");
    expect(refused).toMatchObject({ status: 1, err: expect.stringMatching(/"none" is reserved/) });
    expect((await cli("category", "list")).out).not.toMatch(/None/);
    await cli("add", "https://example.com/t", "--category", "tools");
    const cleared = await cli("edit", "1", "--category", "none");
    expect(cleared).toMatchObject({ status: 0, out: "Updated #1: https://example.com/t" });
  });
});

describe("list --search", () => {
  it("matches what people wrote, not the stored form of a recommendation", async () => {
    await cli("add", "https://example.com/a", "--by", "alice", "--note", "On SQLite");
    await cli("add", "https://example.com/a", "--by", "bob", "--note", "Seconded: WAL mode");
    for (const words of ["userId", "sharedAt", "userName", "null", "note", "1", "cli:"]) {
      expect(await cli("list", "--search", words), words).toMatchObject({
        status: 0,
        out: "No links found.",
      });
    }
    for (const words of ["wal mode", "bob", "alice", "sqlite"]) {
      expect((await cli("list", "--search", words)).out, words).toContain("https://example.com/a");
    }
  });
});
