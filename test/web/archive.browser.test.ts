/**
 * The web archive as a reader's browser sees it: Debian's Chromium, driven by playwright-core, on the
 * archive server in front of a real core and SQLite file. One browser and one page for the file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { createArchiveHandler } from "../../src/web/archiveServer.js";
import { type RunningWebServer, startWebServer } from "../../src/web/webServer.js";
import { launchBrowser, NO_BROWSER } from "../helpers/browser.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { atomEntries, type Entry, jsonEntries, parseHtml, rssEntries } from "./feedFixtures.js";

const WORKSPACE = "local:team";
const SLUG = "team-reading";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/**
 * The few browser globals the callbacks below use inside the page. The project compiles without the
 * DOM library (nothing in src/ may touch a document), so they are declared here, for this file only.
 */
interface PageElement {
  tagName: string;
  attributes: ArrayLike<{ name: string }>;
  href: string;
}
declare const document: {
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  scrollingElement: { scrollWidth: number };
  body: PageElement;
};
declare const window: { innerWidth: number; axe: { run(options: object): Promise<AxeResults> } };
declare function getComputedStyle(element: PageElement): { backgroundColor: string };

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Words that would run script if any page or feed pasted them unescaped. */
const HOSTILE = {
  imgTitle: "<img src=x onerror=alert(1)>",
  scriptNote: "</script><script>alert(1)</script>",
  attributeTitle: '" onmouseover="alert(1)',
  scriptUrl: "javascript:alert(1)",
};
/** No spaces or hyphens to break at: a phone must wrap it rather than scroll sideways. */
const LONG_URL = `https://example.com/${"unbroken".repeat(40)}`;
const LONG_TITLE = `Supercalifragilistic${"expialidocious".repeat(20)}`;

let temp: ReturnType<typeof tempStore>;
let server: RunningWebServer;
let core: RoundupCore;
let origin: string;
let archiveUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What the page did that a reader would never want: dialogs, script errors, requests elsewhere. */
const seen = { dialogs: [] as string[], consoleErrors: [] as string[], foreignRequests: [] as string[] };

interface ShareFields {
  category?: string;
  title?: string;
  author?: string;
  note?: string;
  /** Who shares it; Ada when unset. */
  by?: string;
}

function share(url: string, at: string, { by = "Ada", ...fields }: ShareFields = {}) {
  return core.addLink({
    workspace: WORKSPACE,
    url,
    userId: by.toLowerCase(),
    userName: by,
    source: "cli",
    at: Date.parse(at),
    ...fields,
  });
}

async function seed(): Promise<void> {
  await core.addCategory({ workspace: WORKSPACE, name: "Engineering", emoji: "🛠️" });
  await core.addCategory({ workspace: WORKSPACE, name: "Design", emoji: "🎨" });
  // June: an ordinary month, the one the README's screenshot shows.
  await share("https://fly.example/blog/sandboxing/", "2026-06-03T09:00:00Z", {
    category: "Engineering",
    title: "Sandboxing and workload isolation",
    author: "Thomas Ptacek",
    note: "The clearest tour of gVisor vs Firecracker I know.",
  });
  await share("https://fly.example/blog/sandboxing/", "2026-06-07T11:00:00Z", {
    by: "Grace",
    note: "Read the part on seccomp twice.",
  });
  await share("https://practicaltypography.example/", "2026-06-11T14:30:00Z", {
    category: "Design",
    title: "Butterick's Practical Typography",
    author: "Matthew Butterick",
    by: "Linus",
    note: "Chapter on line length changed how I build pages.",
  });
  await share("https://sqlite.example/whentouse.html", "2026-06-18T08:15:00Z", {
    category: "Engineering",
    title: "Appropriate uses for SQLite",
    by: "Grace",
  });
  await share("https://essays.example/notes-on-notes", "2026-06-25T17:45:00Z", {
    title: "A note on notes",
    by: "Bo",
    note: "Short & sweet.",
  });
  // July: what people (or the pages they share) might type to attack the readers.
  await share("https://example.com/img", "2026-07-02T10:00:00Z", {
    category: "Engineering",
    title: HOSTILE.imgTitle,
    note: HOSTILE.scriptNote,
  });
  await share('https://example.com/"onmouseover="alert(1)', "2026-07-05T10:00:00Z", {
    category: "Design",
    title: HOSTILE.attributeTitle,
    note: HOSTILE.attributeTitle,
  });
  await share(LONG_URL, "2026-07-09T10:00:00Z", { title: LONG_TITLE });
  // The core refuses a javascript: link, so only a row written around it (an older version, a hand
  // edit of the database) can hold one; the pages must still never make it a link.
  await expect(share(HOSTILE.scriptUrl, "2026-07-10T10:00:00Z")).rejects.toThrow();
  await temp.store.links.insertOrGet({
    workspace: WORKSPACE as never,
    url: HOSTILE.scriptUrl,
    normalizedUrl: HOSTILE.scriptUrl,
    title: "Click me",
    author: null,
    description: null,
    siteName: null,
    note: HOSTILE.scriptNote,
    categoryId: null,
    sharedById: "u2",
    sharedByName: HOSTILE.imgTitle,
    sharedAt: Date.parse("2026-07-12T10:00:00Z"),
    source: "cli",
    canonicalUrl: null,
  });
  // August is still under way, so not in the archive.
  await share("https://example.com/august", "2026-08-03T10:00:00Z");
}

async function month(period: string): Promise<RoundupDoc> {
  const doc = (await core.archiveRoundups({ workspace: WORKSPACE })).find((d) => d.period === period);
  if (!doc) throw new Error(`no ${period} in the archive`);
  return doc;
}

/** Where a browser would go for each of the month's links, in the page's order; null when not a web link. */
function webHrefs(doc: RoundupDoc): (string | null)[] {
  return doc.sections.flatMap((section) =>
    section.items.map((item) =>
      /^https?:$/.test(new URL(item.url).protocol) ? new URL(item.url).href : null,
    ),
  );
}

async function open(path: string): Promise<void> {
  const response = await page.goto(archiveUrl + path);
  expect(response?.status()).toBe(200);
}

describe.skipIf(NO_BROWSER !== null)(NO_BROWSER ?? "the web archive in a browser", () => {
  beforeAll(async () => {
    temp = tempStore();
    // The core is built once the port is known: every address it gives out starts with PUBLIC_URL.
    let handle: ReturnType<typeof createArchiveHandler> | undefined;
    server = await startWebServer({
      port: 0,
      host: "127.0.0.1",
      healthy: () => true,
      web: (req, res) => (handle as ReturnType<typeof createArchiveHandler>)(req, res),
      logger: silent,
    });
    origin = `http://127.0.0.1:${server.port}`;
    core = createRoundupCore({
      store: temp.store,
      clock: fixedClock("2026-08-10T12:00:00Z"),
      logger: silent,
      owner: "test",
      publicUrl: `${origin}/`,
    });
    handle = createArchiveHandler({ core, logger: silent });
    const settings = await core.setArchive({ workspace: WORKSPACE, mode: "public", slug: SLUG });
    archiveUrl = core.archiveUrl(settings.archive) as string;
    expect(archiveUrl).toBe(`${origin}/${SLUG}/`);
    await seed();

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
    page = await context.newPage();
    page.on("dialog", (dialog) => {
      seen.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      // Chromium asks for /favicon.ico by itself, whatever the page says; its 404 is not the page's doing.
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) {
        seen.consoleErrors.push(`${message.text()} (${message.location().url})`);
      }
    });
    page.on("pageerror", (error) => seen.consoleErrors.push(error.message));
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== origin) seen.foreignRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await temp?.cleanup();
  });

  it("shows a month's title, its sections in order and every one of its links", async () => {
    const june = await month("2026-06");
    await open("2026-06");
    expect(await page.locator("h1").allInnerTexts()).toEqual([june.title]);
    expect(await page.locator("main h2").allInnerTexts()).toEqual(
      june.sections.map((section) => (section.emoji ? `${section.emoji} ${section.name}` : section.name)),
    );
    const links = page.locator("main h3 a");
    expect(await links.allInnerTexts()).toEqual(june.sections.flatMap((s) => s.items.map((i) => i.title)));
    expect(await links.evaluateAll((as) => as.map((a) => (a as PageElement).href))).toEqual(webHrefs(june));
    // Grace's second share of the sandboxing post is a recommendation, not a fifth link.
    expect(await links.count()).toBe(4);
  });

  it("shows hostile titles, notes and links as text, running nothing and asking no other host", async () => {
    const july = await month("2026-07");
    await open("2026-07");
    await page.locator("main h3").first().waitFor();
    const main = await page.locator("main").textContent();
    for (const words of [HOSTILE.imgTitle, HOSTILE.scriptNote, HOSTILE.attributeTitle, HOSTILE.scriptUrl]) {
      expect(main).toContain(words);
    }
    // Hovering the entry whose title tried to become an attribute must not fire anything.
    await page.getByText(HOSTILE.attributeTitle).first().hover();
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll("script").length,
      embeds: document.querySelectorAll("img, iframe, object, embed, svg, form").length,
      handlers: Array.from(document.querySelectorAll("*")).flatMap((el) =>
        Array.from(el.attributes)
          .filter((a) => a.name.startsWith("on"))
          .map((a) => `${el.tagName} ${a.name}`),
      ),
      hrefs: Array.from(document.querySelectorAll("[href]")).map((el) => el.href),
    }));
    expect(dom.scripts).toBe(0);
    expect(dom.embeds).toBe(0);
    expect(dom.handlers).toEqual([]);
    for (const href of dom.hrefs) expect(new URL(href).protocol).toMatch(/^https?:$/);
    // Every web link of July is a link; the javascript: one is not.
    const links = await page.locator("main h3 a").evaluateAll((as) => as.map((a) => (a as PageElement).href));
    expect(links).toEqual(webHrefs(july).filter((href) => href !== null));
    expect(links).toHaveLength(3);
    // The month's page itself was the only request; the stylesheet is inline and there are no images.
    expect(seen).toEqual({ dialogs: [], consoleErrors: [], foreignRequests: [] });
  });

  it("fits a 375 px phone and a 1280 px screen without sideways scrolling, however long a title", async () => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ["", "2026-07"]) {
        await open(path);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect({ path, width, scrollWidth }).toEqual({ path, width, scrollWidth: innerWidth });
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("has no serious or critical accessibility violation on the index and a month, light and dark", async () => {
    // axe is a script and the archive's CSP forbids every script, rightly: this one context bypasses
    // the CSP so axe can be injected. The other tests run under the real policy.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    try {
      const axePage = await axeContext.newPage();
      const found: string[] = [];
      const backgrounds = new Set<string>();
      // One load and one injection per page; the scheme is switched under it, as a reader's system would.
      for (const path of ["", "2026-07"]) {
        await axePage.goto(archiveUrl + path);
        await axePage.addScriptTag({ content: AXE_SOURCE });
        for (const colorScheme of ["light", "dark"] as const) {
          await axePage.emulateMedia({ colorScheme });
          backgrounds.add(await axePage.evaluate(() => getComputedStyle(document.body).backgroundColor));
          const results = (await axePage.evaluate(() =>
            window.axe.run({
              resultTypes: ["violations"],
            }),
          )) as AxeResults;
          for (const violation of results.violations) {
            if (violation.impact === "serious" || violation.impact === "critical") {
              const where = violation.nodes.map((node) => node.target.join(" ")).join(", ");
              found.push(`${colorScheme} /${path}: ${violation.id} (${violation.impact}) at ${where}`);
            }
          }
        }
      }
      expect(found).toEqual([]);
      // Each page was checked in two schemes, not twice in one.
      expect(backgrounds.size).toBe(2);
    } finally {
      await axeContext.close();
    }
  });

  describe("feeds", () => {
    const formats: [string, string, (body: string) => Entry[]][] = [
      ["Atom", "feed.xml", atomEntries],
      ["RSS", "rss.xml", rssEntries],
      ["JSON Feed", "feed.json", jsonEntries],
    ];

    it.each(formats)(
      "%s parses and carries every link of the month, the hostile ones inert",
      async (_name, file, entriesOf) => {
        const response = await page.request.get(archiveUrl + file);
        expect(response.status()).toBe(200);
        const entries = entriesOf(await response.text());
        expect(entries.map((entry) => entry.link)).toEqual([`${archiveUrl}2026-07`, `${archiveUrl}2026-06`]);
        for (const entry of entries) {
          const doc = await month(entry.link.slice(archiveUrl.length));
          const content = parseHtml(entry.content);
          const hrefs = content.elements
            .filter((el) => el.name === "a")
            .map((el) => new URL(el.attributes.href as string).href);
          for (const href of webHrefs(doc)) if (href !== null) expect(hrefs).toContain(href);
          for (const href of hrefs) expect(new URL(href).protocol).toMatch(/^https?:$/);
          expect(content.elements.filter((el) => ["script", "img"].includes(el.name))).toEqual([]);
          for (const item of doc.sections.flatMap((s) => s.items)) expect(content.text).toContain(item.title);
        }
      },
    );
  });

  it.runIf(process.env.UPDATE_SCREENSHOT === "1")(
    "refreshes docs/archive-month.png (UPDATE_SCREENSHOT=1)",
    async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme: "light" });
      await open("2026-06");
      await page.screenshot({ path: new URL("../../docs/archive-month.png", import.meta.url).pathname });
    },
  );
});
