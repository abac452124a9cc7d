import type { LinkView } from "../core/links/manageLinks.js";
import { periodLabel } from "../core/time/period.js";
import type { Category, RoundupRun, Settings } from "../core/types.js";

export function formatDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
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
    `     ${category} · shared by ${link.sharedByName} on ${formatDate(link.sharedAt, timeZone)}`,
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

function formatInstant(instant: number, timeZone: string): string {
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return `${local.replace(",", "")} ${timeZone}`;
}

export function runText(run: RoundupRun | null): string {
  if (!run) return "(none yet)";
  const why = run.lastError ? ` (${run.lastError})` : "";
  return `${periodLabel(run.period)}: ${run.status}${why}`;
}

export function settingsText(settings: Settings, lastRun: RoundupRun | null = null): string {
  const { day, time, timeZone } = settings.schedule;
  const admins = settings.admins.map((a) => `${a.kind}:${a.id}`).join(", ") || "(platform admins only)";
  const next = settings.nextDue
    ? `${periodLabel(settings.nextDue.period)}, due ${formatInstant(settings.nextDue.at, timeZone)}`
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
  ].join("\n");
}
