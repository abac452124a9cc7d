import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { coreAt, fixedClock, tempStore } from "../helpers/tempStore.js";

/** A C0 or C1 control character other than a line feed or tab. */
const CONTROL = /[^\P{Cc}\t\n]/u;
const RLO = "\u202e";
const workspace = "local:team";
const clock = fixedClock("2026-07-10T12:00:00Z");

let path: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = tempStore();
  await temp.store.close();
  path = temp.path;
  cleanup = temp.cleanup;
});
afterEach(() => cleanup());

/** Runs the CLI in process on the temp database and returns its status and what it printed. */
async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await runCli(
    [...argv, "--workspace", workspace],
    { openCore: coreAt(path, clock) },
    { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) },
  );
  return { status, out, err };
}

describe("cli list", () => {
  it("never prints a terminal escape, bell or NUL from a note, even one stored before notes were cleaned", async () => {
    const added = await cli("add", "https://example.com/new", "--note", "\u001b[2J\u001b[31mred\u0007\u0000");
    expect(added.status).toBe(0);

    const store = SqliteStore.open(path);
    await store.links.insertOrGet({
      workspace,
      url: "https://example.com/old",
      normalizedUrl: "https://example.com/old",
      title: "Old\u001b]0;pwned\u0007",
      author: null,
      description: null,
      siteName: null,
      note: `legacy\u009b2J ${RLO}note`,
      categoryId: null,
      sharedById: "u1",
      sharedByName: "Mallory\u001b[0m",
      sharedAt: clock.now(),
      source: "cli",
      canonicalUrl: null,
    });
    await store.close();

    const { status, out } = await cli("list");
    expect(status).toBe(0);
    expect(out).not.toMatch(CONTROL);
    expect(out).not.toContain(RLO);
    expect(out).toContain("“[2J[31mred”");
    expect(out).toContain("“legacy2J note”");
    expect(out).toContain("shared by Mallory[0m");
  });
});

describe("cli add, list and roundup", () => {
  it("show a link with an international host name as it was shared, never in punycode", async () => {
    const url = "https://bücher.example/neu";
    expect((await cli("add", url, "--title", "Neue Bücher")).status).toBe(0);
    expect((await cli("add", "https://xn--bcher-kva.example/neu")).out).toMatch(/already shared/i);

    const list = await cli("list");
    expect(list.out).toContain(`     ${url}\n`);
    expect(list.out).not.toContain("xn--");
    expect(JSON.parse((await cli("list", "--json")).out)[0].url).toBe(url);
    const roundup = await cli("roundup", "2026-07");
    expect(roundup.out).toContain(`[Neue Bücher](${url})`);
    expect(roundup.out).not.toContain("xn--");
  });
});
