export interface PageContext {
  /** Absolute base of the archive, ending in "/": e.g. https://reading.example.com/a/<token>/ */
  archiveUrl: string;
  /** Site/team name shown in the header and feeds, e.g. the workspace's display name. */
  siteName: string;
  /** Private archives: noindex meta. */
  noindex: boolean;
  /** For the static site: links relative to the page instead of absolute (canonical stays absolute). */
  relativeLinks?: boolean;
  /**
   * For the static site: the pages are files, `YYYY-MM.html` and `index.html`, so links reach them
   * from disk (file://) and on hosts that add no extension; canonical URLs name the files too. The
   * server's extensionless addresses stay the default.
   */
  staticFiles?: boolean;
  lang?: string; // default "en"
}

/** What the archive's index shows of one month, and what a month page links to as its neighbours. */
export interface MonthSummary {
  period: string /* YYYY-MM */;
  label: string /* "July 2026" */;
  linkCount: number;
  firstTitles: string[];
}

/** The archive's own paths, relative to `archiveUrl`: the index and every month page sit side by side. */
export const archivePaths = {
  index: "",
  month: (period: string) => period,
  atom: "feed.xml",
  rss: "rss.xml",
  json: "feed.json",
} as const;

/** A month page's path relative to `archiveUrl`: `2026-07`, or `2026-07.html` for the static site. */
export function monthPath(ctx: Pick<PageContext, "staticFiles">, period: string): string {
  return ctx.staticFiles ? `${archivePaths.month(period)}.html` : archivePaths.month(period);
}

/** The absolute address of an archive path, for canonical and Open Graph URLs. */
export function absoluteUrl(ctx: PageContext, path: string): string {
  return ctx.archiveUrl + path;
}

/**
 * The href of an archive path from any archive page. All pages are siblings in one directory, so the
 * relative form needs no `../`; the index is `./` because an empty href would mean this very page
 * (`index.html` for static files).
 */
export function archiveHref(ctx: PageContext, path: string): string {
  if (!ctx.relativeLinks) return absoluteUrl(ctx, path);
  // From disk, "./" opens a directory listing rather than the index.
  if (path === "") return ctx.staticFiles ? "index.html" : "./";
  return path;
}
