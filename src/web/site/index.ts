/** The archive as a static site: the same pages and feeds as files, with a sitemap, for any host. */
export { buildSite, type Site, type SiteFile, type SiteOptions } from "./buildSite.js";
export { writeSite } from "./writeSite.js";
