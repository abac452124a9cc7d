/**
 * `config set archive off|private|public` and what `config show` says of it, through the real CLI,
 * core and a SQLite file, with PUBLIC_URL set as the composition roots pass it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { type CliRun, cliOnCore } from "./inProcessCli.js";

let temp: ReturnType<typeof tempStore>;
let core: RoundupCore;

beforeEach(() => {
  temp = tempStore();
  core = createRoundupCore({
    store: temp.store,
    clock: fixedClock("2026-08-10T12:00:00Z"),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    owner: "test-cli",
    publicUrl: "https://reading.example.com/",
  });
});
afterEach(() => temp.cleanup());

const cli = (...argv: string[]): Promise<CliRun> => cliOnCore(core)(...argv);

async function archiveUrl(workspace = "local:default"): Promise<string | null> {
  const shown = await cli("config", "show", "--json", "--workspace", workspace);
  return (JSON.parse(shown.stdout) as { archiveUrl: string | null }).archiveUrl;
}

const PRIVATE = /^https:\/\/reading\.example\.com\/a\/([A-Za-z0-9_-]{32})\/$/;

describe("config set archive", () => {
  it("is off at first: config show says how to turn it on, and --json gives archiveUrl null", async () => {
    await cli("add", "https://example.com/a");
    expect((await cli("config", "show")).stdout).toContain(
      "archive:    off (config set archive private|public to publish the roundups on the web)",
    );
    expect(await archiveUrl()).toBeNull();
  });

  it("private gives an unguessable address under PUBLIC_URL; --rotate replaces it and the old one leads nowhere", async () => {
    const set = await cli("config", "set", "archive", "private");
    expect(set.status).toBe(0);
    const first = await archiveUrl();
    const token = PRIVATE.exec(first ?? "")?.[1];
    expect(token, String(first)).toBeDefined();
    expect(set.stdout).toContain(`archive:    private, at ${first} (only people with the address)`);
    expect(await core.findArchive({ token: token as string })).toBe("local:default");

    // Turning it on again keeps the address; only --rotate changes it.
    await cli("config", "set", "archive", "private");
    expect(await archiveUrl()).toBe(first);
    await cli("config", "set", "archive", "private", "--rotate");
    const second = await archiveUrl();
    expect(second).toMatch(PRIVATE);
    expect(second).not.toBe(first);
    expect(await core.findArchive({ token: token as string })).toBeUndefined();
  });

  it("public needs a slug, takes a valid free one, and shows PUBLIC_URL/slug/", async () => {
    const missing = await cli("config", "set", "archive", "public");
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringContaining("add --slug") });
    expect(await archiveUrl()).toBeNull();

    for (const bad of ["Team Reading", "a", "-team", "team--reading", "healthz", "slack"]) {
      const refused = await cli("config", "set", "archive", "public", "--slug", bad);
      expect(refused.status, bad).toBe(1);
    }
    expect(await archiveUrl()).toBeNull();

    expect((await cli("config", "set", "archive", "public", "--slug", "team-reading")).status).toBe(0);
    expect(await archiveUrl()).toBe("https://reading.example.com/team-reading/");
    expect(await core.findArchive({ slug: "team-reading" })).toBe("local:default");
  });

  it("refuses a slug another workspace's archive has, naming it, and changes nothing", async () => {
    await cli("config", "set", "archive", "public", "--slug", "team-reading", "--workspace", "local:other");
    const taken = await cli("config", "set", "archive", "public", "--slug", "team-reading");
    expect(taken.status).toBe(1);
    expect(taken.stderr).toBe(
      'The address "team-reading" is taken by another team\'s archive: choose another --slug.',
    );
    expect(await archiveUrl()).toBeNull();
    expect(await archiveUrl("local:other")).toBe("https://reading.example.com/team-reading/");
  });

  it("off keeps the addresses for later but publishes nothing; --rotate and --slug only where they apply", async () => {
    await cli("config", "set", "archive", "private");
    const address = await archiveUrl();
    await cli("config", "set", "archive", "off");
    expect(await archiveUrl()).toBeNull();
    await cli("config", "set", "archive", "private");
    expect(await archiveUrl()).toBe(address);

    expect((await cli("config", "set", "archive", "public", "--rotate", "--slug", "x-y-z")).status).toBe(1);
    expect((await cli("config", "set", "archive", "private", "--slug", "x-y-z")).status).toBe(1);
    expect((await cli("config", "set", "archive", "loud")).status).toBe(2);
    expect(await archiveUrl()).toBe(address);
  });
});
