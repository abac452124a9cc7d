import type { ArchiveMode } from "../types.js";

/** What the web archive is and where, in a sentence every face shows alike (the CLI, Discord, Slack). */
export function archiveSentence({ mode, url }: { mode: ArchiveMode; url: string | null }): string {
  if (mode === "off") return "off (config set archive private|public to publish the roundups on the web)";
  const where = url ?? "(set PUBLIC_URL to give it an address)";
  return mode === "private" ? `private, at ${where} (only people with the address)` : `public, at ${where}`;
}
