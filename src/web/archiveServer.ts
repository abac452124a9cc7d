/**
 * The web archive over HTTP: a workspace's roundups as pages and feeds at its archive's address
 * (`/a/<token>/` when private, `/<slug>/` when public). A request handler the bot's HTTP server asks
 * first; anything that is not an archive address is left to the next handler, and an address that
 * leads nowhere gets a plain 404 that says nothing about why.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../core/ports/logger.js";
import type { RoundupCore } from "../core/roundupCore.js";
import { RESERVED_SLUGS, SLUG } from "../core/settings/archive.js";
import { completedMonth, renderAtom, renderJsonFeed, renderRss } from "./feeds/index.js";
import { type PageContext, renderArchiveIndex, renderMonthPage, summarizeMonth } from "./html/index.js";
import { archivePaths } from "./html/pageContext.js";
import { siteNameOf } from "./html/siteName.js";

/** No script may run, nothing may be loaded from elsewhere, and no page may frame ours. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
/** Months a feed carries: a year and a half of roundups, whole, keeps a feed under a few megabytes. */
const FEED_MONTHS = 18;
/** How long a rendered archive is reused: its months are complete, so only edits to old links age it. */
const CACHE_MS = 30_000;
const CACHE_ENTRIES = 500;

const HTML = "text/html; charset=utf-8";
/** Each feed at the archive path its pages link to, with its media type. */
const FEEDS = new Map<string, { type: string; render: typeof renderAtom }>([
  [archivePaths.atom, { type: "application/atom+xml; charset=utf-8", render: renderAtom }],
  [archivePaths.rss, { type: "application/rss+xml; charset=utf-8", render: renderRss }],
  [archivePaths.json, { type: "application/feed+json; charset=utf-8", render: renderJsonFeed }],
]);

type Address = { token: string } | { slug: string };
interface Route {
  address: Address;
  /** What follows the archive's address: "" (the index), "YYYY-MM", or a feed's file name. */
  rest: string;
  /** The path asked for had no slash after the archive's address. */
  bare: boolean;
}

/** The archive address in `path`, or null when the path is not one (it may be someone else's route). */
function route(path: string): Route | null {
  const parts = path.split("/").slice(1);
  if (parts[0] === "a" && parts[1] !== undefined && TOKEN.test(parts[1])) {
    return { address: { token: parts[1] }, rest: parts.slice(2).join("/"), bare: parts.length === 2 };
  }
  if (parts[0] !== undefined && SLUG.test(parts[0]) && !RESERVED_SLUGS.has(parts[0])) {
    return { address: { slug: parts[0] }, rest: parts.slice(1).join("/"), bare: parts.length === 1 };
  }
  return null;
}

interface Rendered {
  type: string;
  /** Encoded once: writing a string would encode the page again for every reader. */
  body: Buffer;
  etag: string;
  isPrivate: boolean;
}

function rendered(text: string, type: string, isPrivate: boolean): Rendered {
  const body = Buffer.from(text);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { type, body, etag, isPrivate };
}

export function createArchiveHandler(deps: { core: RoundupCore; logger: Logger }) {
  const { core, logger } = deps;
  const cache = new Map<string, { at: number; page: Rendered | null }>();

  /** The page at `rest` of the workspace's archive, or null for a 404. */
  async function render(workspace: string, rest: string): Promise<Rendered | null> {
    const settings = await core.getSettings({ workspace });
    const archiveUrl = core.archiveUrl(settings.archive);
    if (archiveUrl === null) return null;
    const isPrivate = settings.archive.mode === "private";
    const docs = await core.archiveRoundups({ workspace });
    const ctx: PageContext = { archiveUrl, siteName: siteNameOf(settings.titleTemplate), noindex: isPrivate };
    if (rest === "")
      return rendered(
        renderArchiveIndex(
          docs.map((doc) => summarizeMonth(doc)),
          ctx,
        ),
        HTML,
        isPrivate,
      );
    if (MONTH.test(rest)) {
      const at = docs.findIndex((doc) => doc.period === rest);
      const doc = docs[at];
      if (!doc) return null;
      const neighbour = (i: number) => {
        const other = docs[i];
        return other ? summarizeMonth(other) : null;
      };
      const page = renderMonthPage(doc, ctx, { previous: neighbour(at + 1), next: neighbour(at - 1) });
      return rendered(page, HTML, isPrivate);
    }
    const feed = FEEDS.get(rest);
    if (feed) {
      const months = docs.slice(0, FEED_MONTHS).map((doc) => completedMonth(doc, settings.schedule.timeZone));
      const feedCtx = { archiveUrl, siteName: ctx.siteName, updated: months[0]?.updated ?? 0 };
      return rendered(feed.render(months, feedCtx), feed.type, isPrivate);
    }
    return null;
  }

  async function cached(key: string, workspace: string, rest: string, now: number): Promise<Rendered | null> {
    const hit = cache.get(key);
    if (hit && now - hit.at < CACHE_MS) return hit.page;
    const page = await render(workspace, rest);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { at: now, page });
    return page;
  }

  return async function handleArchive(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const found = route(path);
    if (!found) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, "text/plain; charset=utf-8", "Method not allowed", { Allow: "GET, HEAD" });
      return true;
    }
    try {
      const workspace = await core.findArchive(found.address);
      if (workspace === undefined) return notFound(res);
      if (found.bare) {
        // Relative links on the index resolve from the folder: /team-reading -> /team-reading/.
        send(res, 301, "text/plain; charset=utf-8", "Moved", { Location: `${path}/` });
        return true;
      }
      const key = `${workspace}\u0000${"token" in found.address ? "t" : "s"}\u0000${found.rest}`;
      const page = await cached(key, workspace, found.rest, core.clock.now());
      if (!page) return notFound(res);
      const headers: Record<string, string> = {
        ETag: page.etag,
        "Cache-Control": page.isPrivate ? "private, max-age=60" : "public, max-age=300",
        ...(page.isPrivate ? { "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" } : {}),
      };
      if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(page.etag)) {
        send(res, 304, null, null, headers);
        return true;
      }
      send(
        res,
        200,
        page.type,
        req.method === "HEAD" ? null : page.body,
        headers,
        Buffer.byteLength(page.body),
      );
    } catch (error) {
      logger.error({ err: error }, "could not serve an archive page");
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Something went wrong");
    }
    return true;
  };
}

function notFound(res: ServerResponse): true {
  send(res, 404, "text/plain; charset=utf-8", "Not found");
  return true;
}

function send(
  res: ServerResponse,
  status: number,
  type: string | null,
  body: string | Buffer | null,
  headers: Record<string, string> = {},
  length?: number,
): void {
  res.writeHead(status, {
    ...(type ? { "Content-Type": type } : {}),
    ...(length !== undefined ? { "Content-Length": String(length) } : {}),
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(body ?? undefined);
}
