import type { Store } from "../ports/store.js";
import { dueInstant, nextPeriod } from "./dueTime.js";

/**
 * Plans the period after `period` once `period` has been dealt with (posted, skipped, posted by hand
 * from its draft). Only when `period` is still the one planned: a schedule changed meanwhile has
 * already planned its own.
 */
export async function moveSchedulePast(store: Store, workspace: string, period: string): Promise<void> {
  const current = await store.settings.get(workspace);
  if (current.nextDue?.period !== period) return;
  const next = nextPeriod(period);
  await store.settings.setNextDue(workspace, { period: next, at: dueInstant(next, current.schedule) });
}
