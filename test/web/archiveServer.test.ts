/**
 * The web archive over HTTP, in process: the real core on a SQLite file, the archive handler behind
 * the bot's web server (as main.ts composes it with Discord alone), and fetch as the reader.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { createArchiveHandler } from "../../src/web/archiveServer.js";
import { type RunningWebServer, startWebServer } from "../../src/web/webServer.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let temp: ReturnType<typeof tempStore>;
let core: RoundupCore;
let server: RunningWebServer;
let base: string;

beforeEach(async () => {
  temp = tempStore();
  let handler: ReturnType<typeof createArchiveHandler> | undefined;
  server = await startWebServer({
    port: 0,
    host: "127.0.0.1",
    healthy: () => true,
    web: (req, res) => (handler as ReturnType<typeof createArchiveHandler>)(req, res),
    logger: quiet,
  });
  base = `http://127.0.0.1:${server.port}/`;
  core = createRoundupCore({
    store: temp.store,
    clock: fixedClock("2026-08-10T12:00:00Z"),
    logger: quiet,
    owner: "test",
    publicUrl: base,
  });
  handler = createArchiveHandler({ core, logger: quiet });
});
afterEach(async () => {
  await server.stop();
  await temp.cleanup();
});

async function share(workspace: string, url: string, at: string, note?: string) {
  await core.addLink({
    workspace,
    url,
    userId: "u1",
    userName: "Ada",
    source: "cli",
    at: Date.parse(at),
    note,
  });
}

async function publicArchive(): Promise<string> {
  await share("local:team", "https://example.com/june", "2026-06-12T10:00:00Z", "June's read");
  await share("local:team", "https://example.com/july", "2026-07-12T10:00:00Z", "July's read");
  await share("local:team", "https://example.com/august", "2026-08-02T10:00:00Z");
  await core.setArchive({ workspace: "local:team", mode: "public", slug: "team-reading" });
  return `${base}team-reading/`;
}

describe("the web archive over HTTP", () => {
  it("serves a public archive's index and completed months, with headers that allow no script", async () => {
    const archive = await publicArchive();
    const moved = await fetch(`${base}team-reading`, { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/team-reading/");

    const index = await fetch(archive);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = index.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    const indexHtml = await index.text();
    expect(indexHtml).toContain(`href="${archive}2026-07"`);
    expect(indexHtml).toContain(`href="${archive}2026-06"`);
    expect(indexHtml).not.toContain("2026-08");

    const july = await fetch(`${archive}2026-07`);
    expect(july.status).toBe(200);
    const page = await july.text();
    expect(page).toContain("July&#39;s read");
    expect(page).toContain(`<link rel="canonical" href="${archive}2026-07">`);
    for (const missing of ["2026-08", "2026-05", "2026-13", "nope", "2026-07/x"]) {
      expect((await fetch(`${archive}${missing}`)).status, missing).toBe(404);
    }
  });

  it("answers 304 to a reader who has the page already (ETag), and HEAD without a body", async () => {
    const archive = await publicArchive();
    const first = await fetch(`${archive}2026-07`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${archive}2026-07`, { headers: { "If-None-Match": etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const head = await fetch(`${archive}2026-07`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(Buffer.byteLength(await first.text()));
    expect((await fetch(archive, { method: "POST" })).status).toBe(405);
  });

  it("serves the three feeds with their types, one entry per completed month", async () => {
    const archive = await publicArchive();
    const atom = await fetch(`${archive}feed.xml`);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect((await atom.text()).match(/<entry>/g)).toHaveLength(2);
    const rss = await fetch(`${archive}rss.xml`);
    expect(rss.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const json = (await (await fetch(`${archive}feed.json`)).json()) as { items: { id: string }[] };
    expect(json.items.map((item) => item.id)).toEqual([`${archive}2026-07`, `${archive}2026-06`]);
  });

  it("serves a private archive only at its token, never indexed, and forgets a rotated or turned-off address", async () => {
    await share("local:secret", "https://example.com/hidden", "2026-07-03T10:00:00Z");
    const settings = await core.setArchive({ workspace: "local:secret", mode: "private" });
    const archive = core.archiveUrl(settings.archive) as string;
    expect(archive).toMatch(/\/a\/[A-Za-z0-9_-]{32}\/$/);

    const index = await fetch(archive);
    expect(index.status).toBe(200);
    expect(index.headers.get("referrer-policy")).toBe("no-referrer");
    expect(index.headers.get("x-robots-tag")).toBe("noindex");
    expect(await index.text()).toContain('<meta name="robots" content="noindex">');

    const unknown = await fetch(`${base}a/${"x".repeat(32)}/`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("Not found");

    await core.setArchive({ workspace: "local:secret", mode: "private", rotate: true });
    expect((await fetch(archive)).status).toBe(404);
    const rotated = core.archiveUrl(
      (await core.getSettings({ workspace: "local:secret" })).archive,
    ) as string;
    expect((await fetch(rotated)).status).toBe(200);
    await core.setArchive({ workspace: "local:secret", mode: "off" });
    expect((await fetch(rotated)).status).toBe(404);
  });

  it("leaves /healthz and paths that are no archive address to the rest of the server", async () => {
    expect((await fetch(`${base}healthz`)).status).toBe(200);
    const slack = await fetch(`${base}slack/events`, { method: "POST" });
    expect(slack.status).toBe(404);
    expect(await slack.json()).toEqual({ error: "not found" });
    expect((await fetch(`${base}no-such-team/`)).status).toBe(404);
  });
});
