import type { LinkView } from "../core/links/manageLinks.js";
import { formatLocalDate, formatLocalDateTime } from "../core/time/formatLocal.js";
import { periodLabel } from "../core/time/period.js";
import type { Category, RoundupRun, Settings } from "../core/types.js";

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
    sharedAt: new Date(link.sharedAt).toISOString(),
    source: link.source,
    recommendations: link.recommendations.map((r) => ({
      by: r.userName,
      note: r.note,
      at: new Date(r.sharedAt).toISOString(),
    })),
  };
}

export function linkLine(link: LinkView, timeZone: string): string {
  const title = link.title ?? link.url;
  const author = link.author ? ` by ${link.author}` : "";
  const category = link.categoryName ?? "Other";
  const lines = [
    `#${link.id}  ${title}${author}`,
    `     ${link.url}`,
    `     ${category} · shared by ${link.sharedByName} on ${formatLocalDate(link.sharedAt, timeZone)}`,
  ];
  if (link.note) lines.push(`     “${link.note}”`);
  for (const r of link.recommendations) {
    lines.push(`     also ${r.userName}${r.note ? `: “${r.note}”` : ""}`);
  }
  return lines.join("\n");
}

export function categoryLine(category: Category, index: number): string {
  const emoji = category.emoji ? `${category.emoji} ` : "";
  const archived = category.archived ? "  (archived)" : "";
  return `${index + 1}. ${emoji}${category.name}  [${category.slug}]${archived}`;
}

export function runText(run: RoundupRun | null): string {
  if (!run) return "(none yet)";
  const why = run.lastError ? ` (${run.lastError})` : "";
  return `${periodLabel(run.period)}: ${run.status}${why}`;
}

export function settingsText(
  settings: Settings,
  lastRun: RoundupRun | null = null,
  waiting: string | null = null,
): string {
  const { day, time, timeZone } = settings.schedule;
  const admins = settings.admins.map((a) => `${a.kind}:${a.id}`).join(", ") || "(platform admins only)";
  const next = settings.nextDue
    ? `${periodLabel(settings.nextDue.period)}, due ${formatLocalDateTime(settings.nextDue.at, timeZone)} ${timeZone}`
    : "(none planned)";
  return [
    `workspace:  ${settings.workspace}`,
    `channel:    ${settings.channelId ?? "(not set)"}`,
    `schedule:   day ${day} of each month at ${time} ${timeZone}`,
    `quiet note: ${settings.quietMonthNote ? "on (a month without links gets a short note)" : "off (a month without links posts nothing)"}`,
    `title:      ${settings.titleTemplate}`,
    `intro:      ${settings.intro ?? "(none)"}`,
    `admins:     ${admins}`,
    `next:       ${next}`,
    `last run:   ${runText(lastRun)}`,
    ...(waiting ? [waiting] : []),
  ].join("\n");
}
