import { periodBounds, periodOf } from "../time/period.js";
import type { Link } from "../types.js";
import { assertWorkspaceKey } from "../workspace.js";
import { type RoundupDeps, roundupDoc } from "./buildRoundup.js";
import type { RoundupDoc } from "./roundupDoc.js";

/**
 * Every completed month of a workspace that has links left after review, as roundup documents, newest first: what the
 * web archive's index, month pages and feeds publish. A month is complete once it has ended in the
 * workspace's time zone, so a page never changes under its readers while links are still coming in.
 * One query for the links and one for the categories, whatever the number of months.
 */
export async function archiveRoundups(
  { store, clock }: RoundupDeps,
  input: { workspace: string },
): Promise<RoundupDoc[]> {
  const workspace = assertWorkspaceKey(input.workspace);
  const settings = await store.settings.get(workspace);
  const zone = settings.schedule.timeZone;
  const { start: currentMonthStart } = periodBounds(periodOf(clock.now(), zone), zone);
  const [links, categories] = await Promise.all([
    store.links.list(workspace, { to: currentMonthStart }),
    store.categories.list(workspace, { includeArchived: true }),
  ]);
  const byPeriod = new Map<string, Link[]>();
  for (const link of links) {
    const period = periodOf(link.sharedAt, zone);
    let month = byPeriod.get(period);
    if (!month) {
      month = [];
      byPeriod.set(period, month);
    }
    month.push(link);
  }
  return (
    [...byPeriod.entries()]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([period, monthLinks]) => roundupDoc(settings, categories, period, monthLinks))
      // A month whose every link the editors dropped has nothing to publish.
      .filter((doc) => doc.linkCount > 0)
  );
}
