import { escapeSpecials } from "../html/escapeHtml.js";

export interface SitemapEntry {
  /** Absolute URL of a page. */
  loc: string;
  /** When the page last changed (epoch ms). */
  lastmod?: number;
}

/** A sitemap (sitemaps.org 0.9) of the given pages, for search engines; public archives only. */
export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const lastmod =
      entry.lastmod === undefined ? "" : `<lastmod>${new Date(entry.lastmod).toISOString()}</lastmod>`;
    return `<url><loc>${escapeSpecials(entry.loc)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}
</urlset>
`;
}
