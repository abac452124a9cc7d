import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../../core/errors.js";
import { SITEMAP_FILE, type SiteFile } from "./buildSite.js";

/** The files whose presence says a folder holds a site this command wrote before. */
const SITE_MARKERS = ["index.html", "feed.xml"];
const MONTH_FILE = /^\d{4}-\d{2}\.html$/;

/**
 * Whether `dir` may receive the site: missing or empty, a previous site (our index and Atom feed),
 * or `force`. Anything else is someone's folder, and writing there would mix our files into theirs.
 */
async function checkTarget(dir: string, force: boolean): Promise<{ previous: string[] }> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new UserError("site.notDirectory", `OUTDIR ${dir} is a file, not a folder: choose another.`);
    }
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { previous: [] };
    throw error;
  }
  const isSite = SITE_MARKERS.every((marker) => entries.includes(marker));
  if (entries.length > 0 && !isSite && !force) {
    throw new UserError(
      "site.notEmpty",
      `The folder ${dir} is not empty and holds no site written before (no index.html and feed.xml): choose an empty or new folder, or add --force to write into it anyway.`,
    );
  }
  return { previous: isSite ? entries : [] };
}

/**
 * Writes the site into `dir`, creating it if needed. Each file is written under a temporary name
 * and renamed over the old one, so a reader (or a host syncing the folder) sees a whole old page or
 * a whole new one, never half of one. A previous site's month pages that are no longer in the
 * archive go, and so does its sitemap once the site is private.
 */
export async function writeSite(dir: string, files: SiteFile[], options: { force: boolean }): Promise<void> {
  const { previous } = await checkTarget(dir, options.force);
  await mkdir(dir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${randomBytes(6).toString("hex")}`;
  const written: string[] = [];
  try {
    for (const file of files) {
      const temp = join(dir, `.${file.name}${suffix}`);
      written.push(temp);
      await writeFile(temp, file.content, { flag: "wx" });
    }
    for (const file of files) await rename(join(dir, `.${file.name}${suffix}`), join(dir, file.name));
  } catch (error) {
    await Promise.all(written.map((temp) => rm(temp, { force: true })));
    throw error;
  }
  const names = new Set(files.map((file) => file.name));
  const stale = previous.filter(
    (name) => !names.has(name) && (MONTH_FILE.test(name) || name === SITEMAP_FILE),
  );
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}
