import { OTHER_SECTION_NAME } from "../categories/defaultCategories.js";
import { voteCount } from "../links/supporters.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import { type Period, parsePeriod, periodBounds, periodLabel, previousPeriod } from "../time/period.js";
import type { Category, Link, LinkOrder, Settings } from "../types.js";
import { assertWorkspaceKey } from "../workspace.js";
import type { DroppedItem, RoundupDoc, RoundupItem, RoundupSection } from "./roundupDoc.js";

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
    picked: link.picked,
    votes: voteCount(link),
  };
}

/** How a roundup is laid out: the workspace's order within sections and its picks heading. */
export type SectionLayout = Pick<Settings, "order" | "picks">;

/** Most recommended first; `sort` is stable, so ties keep the sharing order the items came in. */
function ordered(items: RoundupItem[], order: LinkOrder): RoundupItem[] {
  return order === "votes" ? items.sort((a, b) => b.votes - a.votes) : items;
}

/**
 * Groups a month's links (in sharing order) into sections: the editors' picks first, then one
 * section per category that has links, in category order, and links without a (known) category last
 * under "Other". A picked link is only in the picks; a dropped link is in no section. Within each
 * section, links keep their sharing order, or with `order: "votes"` go most recommended first. Pure,
 * so it tests without a database.
 */
export function groupIntoSections(
  links: Link[],
  categories: Category[],
  { order, picks }: SectionLayout,
): RoundupSection[] {
  const picked: RoundupItem[] = [];
  const byCategory = new Map<number | null, RoundupItem[]>();
  const known = new Set(categories.map((c) => c.id));
  for (const link of links) {
    if (link.dropped) continue;
    if (link.picked) {
      picked.push(toItem(link));
      continue;
    }
    const key = link.categoryId !== null && known.has(link.categoryId) ? link.categoryId : null;
    let items = byCategory.get(key);
    if (!items) {
      items = [];
      byCategory.set(key, items);
    }
    items.push(toItem(link));
  }
  const sections: RoundupSection[] = [];
  if (picked.length > 0) {
    sections.push({
      kind: "picks",
      categoryId: null,
      name: picks.title,
      emoji: picks.emoji,
      items: ordered(picked, order),
    });
  }
  const byPosition = [...categories].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const category of byPosition) {
    const items = byCategory.get(category.id);
    if (items) {
      sections.push({
        kind: "category",
        categoryId: category.id,
        name: category.name,
        emoji: category.emoji,
        items: ordered(items, order),
      });
    }
  }
  const other = byCategory.get(null);
  if (other) {
    sections.push({
      kind: "other",
      categoryId: null,
      name: OTHER_SECTION_NAME,
      emoji: null,
      items: ordered(other, order),
    });
  }
  return sections;
}

/** The month's dropped links, each with the name of the category it was shared in. */
function droppedItems(links: Link[], categories: Category[]): DroppedItem[] {
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return links
    .filter((link) => link.dropped)
    .map((link) => ({
      ...toItem(link),
      category: link.categoryId === null ? null : (names.get(link.categoryId) ?? null),
    }));
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

/**
 * The roundup document of `period` from its links (those shared in it, in sharing order), laid out
 * with the workspace's order and picks heading.
 */
export function roundupDoc(
  settings: Settings,
  categories: Category[],
  period: Period,
  links: Link[],
): RoundupDoc {
  const sections = groupIntoSections(links, categories, settings);
  return {
    workspace: settings.workspace,
    period,
    periodLabel: periodLabel(period),
    title: fillTitle(settings.titleTemplate, period),
    intro: settings.intro,
    sections,
    linkCount: sections.reduce((count, section) => count + section.items.length, 0),
    dropped: droppedItems(links, categories),
    timeZone: settings.schedule.timeZone,
  };
}
