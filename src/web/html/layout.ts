import { escapeHtml } from "./escapeHtml.js";
import { absoluteUrl, archiveHref, archivePaths, type PageContext } from "./pageContext.js";
import { PAGE_STYLE } from "./pageStyle.js";

export interface PageParts {
  /** The document's `<title>`, plain text. */
  title: string;
  /** For `meta description` and `og:description`, plain text. */
  description: string;
  /** The page's path relative to `archiveUrl`. */
  path: string;
  ogType: "article" | "website";
  /** Extra `<head>` elements, already HTML (prev/next links). */
  head?: string;
  /** The `<main>` content and any `<nav>` after it, already HTML. */
  body: string;
}

const FEEDS = [
  { path: archivePaths.atom, type: "application/atom+xml", label: "Atom feed" },
  { path: archivePaths.rss, type: "application/rss+xml", label: "RSS feed" },
  { path: archivePaths.json, type: "application/feed+json", label: "JSON Feed" },
] as const;

/**
 * One archive page: the document head every page shares (canonical, Open Graph, feeds, robots,
 * style), the site header and a footer with the feeds. No script and no external resource: the page
 * works under a CSP that forbids both.
 */
export function renderPage(ctx: PageContext, parts: PageParts): string {
  const site = escapeHtml(ctx.siteName);
  const title = escapeHtml(parts.title);
  const description = escapeHtml(parts.description);
  const canonical = escapeHtml(absoluteUrl(ctx, parts.path));
  const feedLinks = FEEDS.map(
    (feed) =>
      `<link rel="alternate" type="${feed.type}" title="${site} (${feed.label})" href="${escapeHtml(archiveHref(ctx, feed.path))}">`,
  ).join("\n");
  const footerFeeds = FEEDS.map(
    (feed) => `<li><a href="${escapeHtml(archiveHref(ctx, feed.path))}">${feed.label}</a></li>`,
  ).join("");
  return `<!doctype html>
<html lang="${escapeHtml(ctx.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
${ctx.noindex ? '<meta name="robots" content="noindex">\n' : ""}<link rel="canonical" href="${canonical}">
<meta property="og:title" content="${title}">
<meta property="og:type" content="${parts.ogType}">
<meta property="og:url" content="${canonical}">
<meta property="og:description" content="${description}">
<meta property="og:site_name" content="${site}">
${feedLinks}
${parts.head ?? ""}<style>${PAGE_STYLE}</style>
</head>
<body>
<div class="page">
<header class="site"><a href="${escapeHtml(archiveHref(ctx, archivePaths.index))}">${site}</a></header>
${parts.body}
<footer><ul>${footerFeeds}</ul></footer>
</div>
</body>
</html>
`;
}
