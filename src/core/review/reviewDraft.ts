import type { Store } from "../ports/store.js";
import { roundupDoc } from "../roundup/buildRoundup.js";
import type { RoundupItem } from "../roundup/roundupDoc.js";
import { dueInstant } from "../schedule/dueTime.js";
import { type Period, periodBounds, periodLabel } from "../time/period.js";
import type { RoundupReview, WorkspaceKey } from "../types.js";

/** One link as the editors see it in the draft: where it will appear and what they can change. */
export interface DraftEntry {
  id: number;
  title: string;
  url: string;
  /** The section it will appear in (the picks' title, its category, "Other"); null when dropped. */
  section: string | null;
  categoryId: number | null;
  note: string | null;
  sharedBy: string;
  votes: number;
  picked: boolean;
  dropped: boolean;
}

export type DraftStatus = "open" | "held" | "posted";

/** The coming roundup as its editors review it: every link, dropped ones too, in the roundup's order. */
export interface ReviewDraft {
  workspace: WorkspaceKey;
  period: Period;
  /** "July 2026". */
  periodLabel: string;
  /** The roundup's title as it will be posted. */
  title: string;
  /** When the schedule posts it (unless held). */
  dueAt: number;
  timeZone: string;
  status: DraftStatus;
  /** Who held it, while it is held. */
  heldBy: string | null;
  /** In the roundup's order (picks first), then the dropped links. */
  entries: DraftEntry[];
  /** The open categories a link can move to, in their order. */
  categories: { id: number; name: string; emoji: string | null }[];
  /** The review's version the draft was built from. */
  version: number;
}

/** One message of the draft: platforms cap how many controls a message holds, so long months page. */
export interface DraftPage {
  draft: ReviewDraft;
  /** 0-based. */
  index: number;
  count: number;
  entries: DraftEntry[];
}

function entryOf(
  item: RoundupItem,
  section: string | null,
  categoryId: number | null,
  dropped: boolean,
): DraftEntry {
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    section,
    categoryId,
    note: item.note,
    sharedBy: item.sharedBy,
    votes: item.votes,
    picked: item.picked,
    dropped,
  };
}

/** The draft of `review`'s period as it stands now: its links, settings and whether it went out. */
export async function buildDraft(store: Store, review: RoundupReview): Promise<ReviewDraft> {
  const { workspace, period } = review;
  const settings = await store.settings.get(workspace);
  const zone = settings.schedule.timeZone;
  const { start, end } = periodBounds(period, zone);
  const links = await store.links.list(workspace, { from: start, to: end });
  const categories = await store.categories.list(workspace, { includeArchived: true });
  const run = await store.runs.get(workspace, period);
  const doc = roundupDoc(settings, categories, period, links);
  const byId = new Map(links.map((link) => [link.id, link]));
  const entries: DraftEntry[] = [];
  for (const section of doc.sections) {
    const heading = section.emoji ? `${section.emoji} ${section.name}` : section.name;
    for (const item of section.items) {
      entries.push(entryOf(item, heading, byId.get(item.id)?.categoryId ?? null, false));
    }
  }
  for (const item of doc.dropped)
    entries.push(entryOf(item, null, byId.get(item.id)?.categoryId ?? null, true));
  const posted = run?.status === "posted" || run?.status === "quiet";
  const nextDue = settings.nextDue;
  return {
    workspace,
    period,
    periodLabel: periodLabel(period),
    title: doc.title,
    dueAt: nextDue?.period === period ? nextDue.at : dueInstant(period, settings.schedule),
    timeZone: zone,
    status: posted ? "posted" : review.heldBy !== null ? "held" : "open",
    heldBy: review.heldBy,
    entries,
    // The store lists them in roundup order already.
    categories: categories
      .filter((category) => !category.archived)
      .map(({ id, name, emoji }) => ({ id, name, emoji })),
    version: review.version,
  };
}

/** The draft in pages of at most `size` links; a month without links is one page saying so. */
export function pagesOf(draft: ReviewDraft, size: number): DraftPage[] {
  const count = Math.max(1, Math.ceil(draft.entries.length / size));
  return Array.from({ length: count }, (_, index) => ({
    draft,
    index,
    count,
    entries: draft.entries.slice(index * size, (index + 1) * size),
  }));
}
