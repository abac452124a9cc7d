import { UserError } from "../../core/errors.js";
import { siteNameOf } from "../../web/html/siteName.js";
import { buildSite, writeSite } from "../../web/site/index.js";
import { commandLine, expectPositionals, PROGRAM, parse, stringValue, UsageError } from "../args.js";
import type { CliCommand } from "../context.js";

const usage = `Usage: ${PROGRAM} site OUTDIR [--base-url URL] [--noindex] [--force]

Writes the workspace's web archive as a static site into OUTDIR, ready for any static host or to
open from disk: index.html, one YYYY-MM.html page per completed month, the feeds (feed.xml Atom,
rss.xml, feed.json) and sitemap.xml. Pages link each other relatively; canonical URLs, feed ids and
the sitemap use the archive's address (PUBLIC_URL and config set archive), or --base-url when the
site is served elsewhere or the archive is off. A private archive's site (or --noindex) asks search
engines not to index any page and has no sitemap.
OUTDIR is created if missing; a folder that is not empty must hold a site written before
(index.html and feed.xml) unless --force. Each file is replaced whole, never half-written.
Examples: ${PROGRAM} site ./site --workspace slack:T012AB3CD
          ${PROGRAM} site ./public --base-url https://reading.example.com/ --workspace slack:T012AB3CD`;

const options = {
  "base-url": { type: "string" },
  noindex: { type: "boolean" },
  force: { type: "boolean" },
} as const;

/**
 * `--base-url` as the absolute http(s) folder the site will be served from, ending in "/". A URL
 * with a password is refused without repeating it: it would end up in every page.
 */
function baseUrl(given: string): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(
      `--base-url must be an absolute http(s) URL, like https://reading.example.com/`,
      usage,
    );
  }
  if (url.username || url.password) {
    throw new UsageError(
      "--base-url must not carry a user name or password: they would be in every page.",
      usage,
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new UsageError(
      `--base-url must be an absolute http(s) URL with no query or fragment, like https://reading.example.com/`,
      usage,
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function folder(dir: string): string {
  return dir.endsWith("/") ? dir : `${dir}/`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export const siteCommand: CliCommand = {
  name: "site",
  summary: "write the web archive (pages, feeds, sitemap) as a static site into a folder",
  usage,
  options,
  async run(context, args) {
    const parsed = parse(args, options, usage);
    const [outDir] = expectPositionals(parsed, ["OUTDIR"], usage) as [string];
    if (outDir.trim() === "") throw new UsageError("OUTDIR must not be empty", usage);
    const given = stringValue(parsed, "base-url");
    const base = given === undefined ? undefined : baseUrl(given);
    const { core, workspace } = context;
    await core.requireWorkspace(workspace);
    const settings = await core.getSettings({ workspace });
    const archive = settings.archive;
    const archiveUrl = base ?? core.archiveUrl(archive);
    if (archiveUrl === null) {
      const why =
        archive.mode === "off"
          ? `the archive of ${workspace} is off`
          : "PUBLIC_URL is not set, so the archive has no address";
      throw new UserError(
        "site.noAddress",
        `The site needs the address it will be served from, for its canonical URLs, feeds and sitemap, and ${why}. Add --base-url https://... (the folder's public address), or turn the archive on: ${commandLine("config set archive public --slug team-reading", workspace)} with PUBLIC_URL set.`,
      );
    }
    const noindex = archive.mode === "private" || parsed.values.noindex === true;
    const docs = await core.archiveRoundups({ workspace });
    const site = buildSite(docs, {
      archiveUrl,
      siteName: siteNameOf(settings.titleTemplate),
      noindex,
      timeZone: settings.schedule.timeZone,
      writtenAt: core.clock.now(),
    });
    await writeSite(outDir, site.files, { force: parsed.values.force === true });

    const wrote = site.sitemap
      ? `${plural(site.pages, "page")}, ${plural(site.feeds, "feed")} and a sitemap`
      : `${plural(site.pages, "page")} and ${plural(site.feeds, "feed")}`;
    // A private archive's address is its secret: it is printed only when the user typed it.
    const shown = archive.mode === "private" && base === undefined ? "" : `, ${archiveUrl}`;
    const how = noindex
      ? `${archive.mode === "private" ? "private" : "noindex"}${shown}: every page says noindex, no sitemap`
      : `public${shown}`;
    context.out(`Wrote ${wrote} to ${folder(outDir)} for ${workspace} (${how}).`);
  },
};
