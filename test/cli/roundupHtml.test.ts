import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempStore } from "../helpers/tempStore.js";
import { attr, elements, meta, one, parsePage, visibleText } from "../web/htmlDom.js";
import { type CliRun, inProcessCli } from "./inProcessCli.js";

let temp: ReturnType<typeof tempStore>;
let cli: (...argv: string[]) => Promise<CliRun>;
beforeEach(() => {
  temp = tempStore();
  cli = inProcessCli(temp.path);
});
afterEach(() => temp.cleanup());

describe("cli roundup --format html", () => {
  it("prints the month as one archive page with relative links, marked noindex", async () => {
    for (const [url, title, note] of [
      ["https://example.com/one", "First <read>", "Worth it & more"],
      ["javascript:alert(1)", "Not a link", ""],
    ] as const) {
      const added = await cli(
        "add",
        url,
        "--title",
        title,
        "--at",
        "2026-07-03",
        ...(note ? ["--note", note] : []),
      );
      if (url.startsWith("https")) expect(added, added.stderr).toMatchObject({ status: 0 });
    }
    const run = await cli("roundup", "2026-07", "--format", "html");
    expect(run, run.stderr).toMatchObject({ status: 0 });
    expect(run.stdout.startsWith("<!doctype html>")).toBe(true);
    const doc = parsePage(run.stdout);
    const main = one(doc, "main");
    expect(visibleText(main)).toContain("First <read>");
    expect(visibleText(main)).toContain("Worth it & more");
    expect(elements(main, "a").map((a) => [attr(a, "href"), attr(a, "rel")])).toEqual([
      ["https://example.com/one", "ugc noopener"],
    ]);
    expect(elements(doc, "script")).toEqual([]);
    expect(meta(doc, "robots")).toBe("noindex");
    expect(visibleText(one(doc, "header"))).toBe("What we've been reading");
    expect(run.stdout).not.toContain("local:");
    // It cannot know where it will be published, so it makes up no host.
    const archiveLinks = elements(doc)
      .map((el) => attr(el, "href"))
      .filter((href) => href !== undefined && href !== "https://example.com/one");
    expect(archiveLinks.length).toBeGreaterThan(4);
    for (const href of archiveLinks) expect(href).not.toMatch(/^[a-z]+:/i);
  });

  it("says so when a month has no links, and names html among the formats it knows", async () => {
    const empty = await cli("roundup", "2026-05", "--format", "html");
    expect(empty.status).toBe(0);
    expect(visibleText(one(parsePage(empty.stdout), "main"))).toContain("No links were shared in May 2026.");
    const wrong = await cli("roundup", "2026-05", "--format", "pdf");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("use markdown, json or html");
  });
});
