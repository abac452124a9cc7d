/**
 * The archive's name, from the workspace's title template without its month: "What we've been
 * reading in {month}" -> "What we've been reading". The server and the static site show the same.
 */
export function siteNameOf(template: string): string {
  const name = template
    .replace(/\s*(?:\b(?:in|for|of|during)\s+)?\{month\}/gi, "")
    .replace(/\s*\{(?:monthName|year)\}/g, "")
    .replace(/[\s:,–—-]+$/, "")
    .trim();
  return name || "Reading roundup";
}
