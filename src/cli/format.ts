import type { LinkView } from "../core/links/manageLinks.js";
import { voteCount } from "../core/links/supporters.js";
import { votesText } from "../core/render/votesText.js";
import type { RoundupDoc, RoundupItem } from "../core/roundup/roundupDoc.js";
import { formatLocalDate } from "../core/time/formatLocal.js";
import type { Category, PicksSettings, RoundupRun, Settings } from "../core/types.js";
import { archiveSentence } from "../core/views/archiveSentence.js";
import type { RunView, SettingsView } from "../core/views/settingsView.js";

/** Every date in the CLI's JSON is ISO 8601 (UTC), as scripts and people read it. */
function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function isoOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : iso(epochMs);
}

/** The shape `list --json` promises scripts: stable keys, ISO dates. */
export function linkJson(link: LinkView) {
  return {
    id: link.id,
    url: link.url,
    title: link.title,
    author: link.author,
    description: link.description,
    siteName: link.siteName,
    note: link.note,
    category: link.categoryName,
    sharedBy: link.sharedByName,
    sharedById: link.sharedById,
    sharedAt: iso(link.sharedAt),
    source: link.source,
    picked: link.picked,
    dropped: link.dropped,
    /** People who recommend it besides the sharer: +1s and repeat shares, each person once. */
    votes: voteCount(link),
    recommendations: link.recommendations.map((r) => ({
      by: r.userName,
      note: r.note,
      at: iso(r.sharedAt),
    })),
  };
}

/**
 * `roundup --format json`: the roundup document, its dates in ISO form like `list --json`. Each item
 * says whether it is picked and its votes, each section its kind; `dropped` lists the links editors
 * left out, each with its category's name.
 */
export function roundupJson(doc: RoundupDoc) {
  const itemJson = <T extends RoundupItem>(item: T) => ({ ...item, sharedAt: iso(item.sharedAt) });
  return {
    ...doc,
    sections: doc.sections.map((section) => ({ ...section, items: section.items.map(itemJson) })),
    dropped: doc.dropped.map(itemJson),
  };
}

/** `config show --json`: the settings and the last run, their dates in ISO form. */
export function settingsJson(
  settings: Settings,
  lastRun: RoundupRun | null,
  waiting: string | null = null,
  archiveUrl: string | null = null,
) {
  return {
    ...settings,
    // The token is only ever given as part of the address.
    archive: { mode: settings.archive.mode, slug: settings.archive.slug },
    archiveUrl,
    nextDue: settings.nextDue && { ...settings.nextDue, at: iso(settings.nextDue.at) },
    lastRun: lastRun && {
      ...lastRun,
      leaseUntil: isoOrNull(lastRun.leaseUntil),
      updatedAt: isoOrNull(lastRun.updatedAt),
    },
    waiting,
  };
}

/** `category list --json`: `position` is the 1-based number `category move` takes. */
export function categoryJson({ id, name, slug, emoji, archived }: Category, position: number) {
  return { id, name, slug, emoji, position, archived };
}

/** "👍 3": how many people recommend a link besides its sharer, as every rendering words it. */
export function voteBadge(votes: number): string {
  return votesText(votes) ?? "👍 0";
}

/** The editors' mark before a title: picked links open the roundup, dropped ones are left out of it. */
function markOf(link: LinkView): string {
  if (link.dropped) return "[dropped] ";
  if (link.picked) return "[picked] ";
  return "";
}

export function linkLine(link: LinkView, timeZone: string): string {
  const title = link.title ?? link.url;
  const author = link.author ? ` by ${link.author}` : "";
  const category = link.categoryName ?? "Other";
  const votes = votesText(voteCount(link));
  const lines = [
    `#${link.id}  ${markOf(link)}${title}${author}${votes ? `  ${votes}` : ""}`,
    `     ${link.url}`,
    `     ${category} · shared by ${link.sharedByName} on ${formatLocalDate(link.sharedAt, timeZone)}`,
  ];
  if (link.note) lines.push(`     “${link.note}”`);
  for (const r of link.recommendations) {
    lines.push(`     also ${r.userName}${r.note ? `: “${r.note}”` : ""}`);
  }
  if (link.votes.length > 0) lines.push(`     +1 ${link.votes.map((v) => v.userName).join(", ")}`);
  return lines.join("\n");
}

/** `position` is 1-based, the number `category move` takes. */
export function categoryLine(category: Category, position: number): string {
  const emoji = category.emoji ? `${category.emoji} ` : "";
  const archived = category.archived ? "  (archived)" : "";
  return `${position}. ${emoji}${category.name}  [${category.slug}]${archived}`;
}

export function runText(run: RunView | null): string {
  if (!run) return "(none yet)";
  const why = run.reason ? ` (${run.reason})` : "";
  return `${run.periodLabel}: ${run.status}${why}`;
}

/** The picks section's heading as the roundup shows it: "⭐ Picks of the month". */
export function picksHeading(picks: PicksSettings): string {
  return `${picks.emoji ? `${picks.emoji} ` : ""}${picks.title}`;
}

/** How the editors shape the roundup, in the words `config show` uses. */
function editorialLines({ order, picks, review, schedule }: SettingsView): string[] {
  const next = review.draftAt ? `; the next on ${review.draftAt.localTime} ${schedule.timeZone}` : "";
  const reviewed =
    review.days === 0
      ? `off (config set review --days N --channel ID posts a draft for the editors)${review.channelId ? `; channel ${review.channelId} kept` : ""}`
      : `a draft ${review.days} day${review.days === 1 ? "" : "s"} before each roundup, in ${review.channelId ?? "(no channel)"}${next}`;
  return [
    `order:      ${order === "votes" ? "votes (most recommended first)" : "shared (the order links were shared in)"}`,
    `picks:      ${picksHeading(picks)}`,
    `review:     ${reviewed}`,
  ];
}

export function settingsText(settings: SettingsView): string {
  const { lastRun, waiting } = settings;
  const { day, time, timeZone } = settings.schedule;
  const admins = settings.admins.map((a) => `${a.kind}:${a.id}`).join(", ") || "(platform admins only)";
  const next = settings.next
    ? `${settings.next.periodLabel}, due ${settings.next.localTime} ${timeZone}`
    : "(none planned)";
  return [
    `workspace:  ${settings.workspace}`,
    `channel:    ${settings.channelId ?? "(not set)"}`,
    `schedule:   day ${day} of each month at ${time} ${timeZone}`,
    `quiet note: ${settings.quietMonthNote ? "on (a month without links gets a short note)" : "off (a month without links posts nothing)"}`,
    `title:      ${settings.titleTemplate}`,
    `intro:      ${settings.intro ?? "(none)"}`,
    `admins:     ${admins}`,
    `archive:    ${archiveSentence(settings.archive)}`,
    ...editorialLines(settings),
    `next:       ${next}`,
    `last run:   ${runText(lastRun)}`,
    ...(waiting ? [waiting] : []),
  ].join("\n");
}
