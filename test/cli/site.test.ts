/**
 * `roundup site OUTDIR`: the archive written as a static site, through the real CLI, core and a
 * SQLite file, with PUBLIC_URL set as the composition roots pass it. The pages are read back from
 * disk the way a browser and a feed reader would read them.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { atomEntries, jsonEntries, parseXml, rssEntries } from "../web/feedFixtures.js";
import { attr, elements, headLinks, meta, parsePage } from "../web/htmlDom.js";
import { type CliRun, cliOnCore } from "./inProcessCli.js";

const PUBLIC = "https://reading.example.com/team-reading/";
const MONTHS = ["2026-05", "2026-06", "2026-07"];

let temp: ReturnType<typeof tempStore>;
let core: RoundupCore;
let dir: string;
let out: string;

beforeEach(async () => {
  temp = tempStore();
  core = createRoundupCore({
    store: temp.store,
    clock: fixedClock("2026-08-10T12:00:00Z"),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    owner: "test-cli",
    publicUrl: "https://reading.example.com/",
  });
  dir = await mkdtemp(join(tmpdir(), "roundup-site-"));
  out = join(dir, "site");
  for (const [i, month] of MONTHS.entries()) {
    for (const n of [1, 2]) {
      const added = await cli(
        "add",
        `https://example.com/${month}/${n}`,
        ...["--title", `Post ${n} of ${month}`, "--note", i === 0 ? "<b>bold</b> & more" : "Good"],
        ...["--at", `${month}-1${n}`],
      );
      expect(added.status, added.stderr).toBe(0);
    }
  }
  // This month is not over: it must not be published.
  await cli("add", "https://example.com/august", "--title", "Too early");
});
afterEach(async () => {
  await temp.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]): Promise<CliRun> => cliOnCore(core)(...argv);

async function files(): Promise<string[]> {
  return (await readdir(out)).sort();
}

/** The href of the page's first `<link rel=...>`. */
function href(page: ReturnType<typeof parsePage>, rel: string): string | undefined {
  const [link] = headLinks(page, rel);
  return link && attr(link, "href");
}

const read = (name: string) => readFile(join(out, name), "utf8");
const pageNames = ["index.html", ...MONTHS.map((m) => `${m}.html`)];

describe("roundup site", () => {
  it("writes the index, a page per completed month, the feeds and a sitemap, at the archive's address", async () => {
    expect((await cli("config", "set", "archive", "public", "--slug", "team-reading")).status).toBe(0);
    const run = await cli("site", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Wrote 4 pages, 3 feeds and a sitemap to ${out}/ for local:default (public, ${PUBLIC}).`,
    );
    expect(await files()).toEqual([...pageNames, "feed.json", "feed.xml", "rss.xml", "sitemap.xml"].sort());

    const july = parsePage(await read("2026-07.html"));
    expect(href(july, "canonical")).toBe(`${PUBLIC}2026-07.html`);
    expect(meta(july, "og:url")).toBe(`${PUBLIC}2026-07.html`);
    expect(meta(july, "robots")).toBeUndefined();
    expect(href(july, "prev")).toBe("2026-06.html");
    const index = parsePage(await read("index.html"));
    expect(href(index, "canonical")).toBe(PUBLIC);

    const sitemap = new XMLParser({ isArray: (name) => name === "url" }).parse(await read("sitemap.xml"));
    const locs = (sitemap.urlset.url as { loc: string; lastmod: string }[]).map((url) => url.loc);
    expect(locs).toEqual([PUBLIC, ...[...MONTHS].reverse().map((m) => `${PUBLIC}${m}.html`)]);
    expect(sitemap.urlset.url[1].lastmod).toBe("2026-08-01T00:00:00.000Z");
  });

  it("links every page only to files it wrote, so the folder works from disk and on any host", async () => {
    expect((await cli("site", out, "--base-url", "https://static.example.org/reading")).status).toBe(0);
    const written = new Set(await files());
    for (const name of pageNames) {
      const page = parsePage(await read(name));
      const hrefs = [...elements(page, "a"), ...elements(page, "link")]
        .map((el) => attr(el, "href"))
        .filter((href): href is string => href !== undefined && !/^https?:/.test(href));
      expect(hrefs.length, name).toBeGreaterThan(3);
      for (const href of hrefs) expect(written, `${name} links ${href}`).toContain(href);
    }
    const index = parsePage(await read("index.html"));
    const months = elements(index, "a")
      .map((a) => attr(a, "href"))
      .filter((h) => /^\d{4}-\d{2}/.test(h ?? ""));
    expect(months).toEqual(["2026-07.html", "2026-06.html", "2026-05.html"]);
  });

  it("writes feeds that parse and carry every month, with entries at the month files", async () => {
    expect((await cli("site", out, "--base-url", "https://static.example.org/reading/")).status).toBe(0);
    const base = "https://static.example.org/reading/";
    const expected = [...MONTHS].reverse().map((m) => `${base}${m}.html`);
    for (const entries of [
      atomEntries(await read("feed.xml")),
      rssEntries(await read("rss.xml")),
      jsonEntries(await read("feed.json")),
    ]) {
      expect(entries.map((entry) => entry.link)).toEqual(expected);
      expect(entries[2]?.content).toContain("&lt;b&gt;bold&lt;/b&gt; &amp; more");
    }
    expect(parseXml(await read("feed.xml"))).toBeTruthy();
  });

  it("a private archive's site says noindex on every page, has no sitemap and never prints the address", async () => {
    expect((await cli("config", "set", "archive", "public", "--slug", "team-reading")).status).toBe(0);
    expect((await cli("site", out)).status).toBe(0);
    expect(existsSync(join(out, "sitemap.xml"))).toBe(true);

    expect((await cli("config", "set", "archive", "private")).status).toBe(0);
    const run = await cli("site", out);
    expect(run.status).toBe(0);
    const token = (await core.getSettings({ workspace: "local:default" })).archive.token as string;
    expect(run.stdout).toBe(
      `Wrote 4 pages and 3 feeds to ${out}/ for local:default (private: every page says noindex, no sitemap).`,
    );
    expect(run.stdout).not.toContain(token);
    expect(await files()).not.toContain("sitemap.xml");
    for (const name of pageNames) {
      const page = parsePage(await read(name));
      expect(meta(page, "robots"), name).toBe("noindex");
      expect(href(page, "canonical")).toContain(`/a/${token}/`);
    }
  });

  it("refuses a folder that holds something else, unless --force, and rewrites its own site", async () => {
    await rm(out, { recursive: true, force: true });
    await mkdir(out);
    await writeFile(join(out, "notes.txt"), "mine");
    const refused = await cli("site", out, "--base-url", "https://static.example.org/");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(await files()).toEqual(["notes.txt"]);

    expect((await cli("site", out, "--base-url", "https://static.example.org/", "--force")).status).toBe(0);
    expect(await files()).toContain("index.html");
    // Now it is a site written before: writing again needs no --force and leaves no temporary file.
    const again = await cli("site", out, "--base-url", "https://static.example.org/");
    expect(again.status, again.stderr).toBe(0);
    expect((await files()).filter((name) => name.startsWith("."))).toEqual([]);
    expect(await read("notes.txt")).toBe("mine");
  });

  it("drops a previous site's month pages that are no longer in the archive", async () => {
    const base = ["--base-url", "https://static.example.org/"];
    expect((await cli("site", out, ...base)).status).toBe(0);
    await writeFile(join(out, "2025-12.html"), "a month since emptied");
    expect((await cli("site", out, ...base)).status).toBe(0);
    expect(await files()).not.toContain("2025-12.html");
  });

  it("--noindex keeps a site out of search engines: noindex pages and no sitemap", async () => {
    const run = await cli("site", out, "--base-url", "https://static.example.org/", "--noindex");
    expect(run.stdout).toBe(
      `Wrote 4 pages and 3 feeds to ${out}/ for local:default (noindex, https://static.example.org/: every page says noindex, no sitemap).`,
    );
    expect(meta(parsePage(await read("index.html")), "robots")).toBe("noindex");
    expect(await files()).not.toContain("sitemap.xml");
  });

  it("a workspace with no completed month gets an index that says so and empty feeds", async () => {
    await cli("add", "https://example.com/new", "--title", "This month", "--workspace", "local:new");
    const run = await cli(
      "site",
      out,
      "--base-url",
      "https://static.example.org/",
      "--workspace",
      "local:new",
    );
    expect(run.stdout).toContain("Wrote 1 page, 3 feeds and a sitemap");
    expect(await read("index.html")).toContain("No roundups yet");
    expect(atomEntries(await read("feed.xml"))).toEqual([]);
    expect(await read("feed.xml")).toContain("<updated>2026-08-10T12:00:00.000Z</updated>");
    expect(jsonEntries(await read("feed.json"))).toEqual([]);
  });

  it("needs an address when the archive is off, and says how to give one", async () => {
    const run = await cli("site", out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the archive of local:default is off");
    expect(run.stderr).toContain("--base-url https://");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses wrong usage with exit 2, never repeating a password", async () => {
    expect((await cli("site")).stderr).toMatch(/^missing OUTDIR/);
    expect((await cli("site")).status).toBe(2);
    expect((await cli("site", out, "extra")).status).toBe(2);
    expect((await cli("site", out, "--base-url", "reading.example.com")).status).toBe(2);
    expect((await cli("site", out, "--base-url", "ftp://reading.example.com/")).status).toBe(2);
    const secret = await cli("site", out, "--base-url", "https://me:hunter2@reading.example.com/");
    expect(secret.status).toBe(2);
    expect(secret.stderr).not.toContain("hunter2");
    expect(existsSync(out)).toBe(false);
  });
});
