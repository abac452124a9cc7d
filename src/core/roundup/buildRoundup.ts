import { OTHER_SECTION_NAME } from "../categories/defaultCategories.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import { type Period, parsePeriod, periodBounds, periodLabel, previousPeriod } from "../time/period.js";
import type { Category, Link, Settings } from "../types.js";
import { assertWorkspaceKey } from "../workspace.js";
import type { RoundupDoc, RoundupItem, RoundupSection } from "./roundupDoc.js";

export interface RoundupDeps {
  store: Store;
  /** Says which month "last month" is. */
  clock: Clock;
}

/** Fills `{month}` ("July 2026"), `{year}` and `{monthName}` in a title template. */
export function fillTitle(template: string, period: Period): string {
  const label = periodLabel(period);
  const [monthName = "", year = ""] = label.split(" ");
  return template
    .replaceAll("{month}", label)
    .replaceAll("{monthName}", monthName)
    .replaceAll("{year}", year);
}

function toItem(link: Link): RoundupItem {
  return {
    id: link.id,
    url: link.url,
    title: link.title ?? link.url,
    author: link.author,
    description: link.description,
    siteName: link.siteName,
    note: link.note,
    sharedBy: link.sharedByName,
    sharedAt: link.sharedAt,
    alsoRecommendedBy: link.recommendations.map((r) => ({ name: r.userName, note: r.note })),
  };
}

/**
 * Groups links into sections: one per category that has links, in category order, entries in the
 * order they were shared, and links without a (known) category last under "Other". Pure, so it
 * tests without a database.
 */
export function groupIntoSections(links: Link[], categories: Category[]): RoundupSection[] {
  const byCategory = new Map<number | null, RoundupItem[]>();
  const known = new Set(categories.map((c) => c.id));
  for (const link of links) {
    const key = link.categoryId !== null && known.has(link.categoryId) ? link.categoryId : null;
    let items = byCategory.get(key);
    if (!items) {
      items = [];
      byCategory.set(key, items);
    }
    items.push(toItem(link));
  }
  const sections: RoundupSection[] = [];
  const ordered = [...categories].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const category of ordered) {
    const items = byCategory.get(category.id);
    if (items) sections.push({ categoryId: category.id, name: category.name, emoji: category.emoji, items });
  }
  const other = byCategory.get(null);
  if (other) sections.push({ categoryId: null, name: OTHER_SECTION_NAME, emoji: null, items: other });
  return sections;
}

/**
 * The roundup of `period` (default: the month before the clock's now, in the workspace's time zone).
 * Reading: a workspace nobody has used yet gives an empty roundup and is not created.
 */
export async function buildRoundup(
  { store, clock }: RoundupDeps,
  input: { workspace: string; period?: string },
): Promise<RoundupDoc> {
  const workspace = assertWorkspaceKey(input.workspace);
  const settings = await store.settings.get(workspace);
  const zone = settings.schedule.timeZone;
  const period = input.period === undefined ? previousPeriod(clock.now(), zone) : parsePeriod(input.period);
  const { start, end } = periodBounds(period, zone);
  const links = await store.links.list(workspace, { from: start, to: end });
  const categories = await store.categories.list(workspace, { includeArchived: true });
  return roundupDoc(settings, categories, period, links);
}

/** The roundup document of `period` from its links (those shared in it, in sharing order). */
export function roundupDoc(
  settings: Settings,
  categories: Category[],
  period: Period,
  links: Link[],
): RoundupDoc {
  return {
    workspace: settings.workspace,
    period,
    periodLabel: periodLabel(period),
    title: fillTitle(settings.titleTemplate, period),
    intro: settings.intro,
    sections: groupIntoSections(links, categories),
    linkCount: links.length,
    timeZone: settings.schedule.timeZone,
  };
}
