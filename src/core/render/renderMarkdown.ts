import type { RoundupDoc, RoundupItem } from "../roundup/roundupDoc.js";
import { escapeMarkdown, markdownUrl } from "./escapeMarkdown.js";
import { votesText } from "./votesText.js";

function renderItem(item: RoundupItem): string {
  const byAuthor = item.author ? ` by ${escapeMarkdown(item.author)}` : "";
  const lines = [`- [${escapeMarkdown(item.title)}](${markdownUrl(item.url)})${byAuthor}`];
  const votes = votesText(item.votes);
  const shared = `*shared by ${escapeMarkdown(item.sharedBy)}*${votes ? ` · ${votes}` : ""}`;
  const body = item.note ?? item.description;
  lines.push("", `  ${body ? `${escapeMarkdown(body)} — ${shared}` : `— ${shared}`}`);
  for (const other of item.alsoRecommendedBy) {
    const said = other.note ? `: ${escapeMarkdown(other.note)}` : ".";
    lines.push("", `  *Also recommended by ${escapeMarkdown(other.name)}*${said}`);
  }
  return lines.join("\n");
}

/**
 * The roundup as a Markdown blog post: `# Title`, an intro, `## Category` per section and a loose
 * list of entries whose notes sit on their own line, like the reference post. The editors' picks are
 * simply the first section; an entry others recommend ends its sharer's line with "· 👍 N".
 */
export function renderMarkdown(doc: RoundupDoc): string {
  const parts = [`# ${escapeMarkdown(doc.title)}`];
  if (doc.intro) parts.push(escapeMarkdown(doc.intro));
  if (doc.sections.length === 0) {
    parts.push(`No links were shared in ${doc.periodLabel}.`);
  }
  for (const section of doc.sections) {
    const heading = section.emoji ? `${section.emoji} ${section.name}` : section.name;
    parts.push(`## ${escapeMarkdown(heading)}`);
    parts.push(section.items.map(renderItem).join("\n\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
