import type { Store } from "../ports/store.js";
import type { Link } from "../types.js";

export interface RepeatShare {
  userId: string;
  userName: string;
  note: string | null;
  sharedAt: number;
}

/**
 * Someone shared a link the workspace already has. Their own link again can only fill in a note they
 * left out; anyone else's share becomes an "also recommended by" on the first entry (once per person
 * unless they bring a note). Returns whether their note was kept.
 */
export async function recordRepeatShare(
  store: Store,
  workspace: string,
  existing: Link,
  share: RepeatShare,
): Promise<boolean> {
  if (existing.sharedById === share.userId) {
    if (share.note !== null && existing.note === null) {
      await store.links.update(workspace, existing.id, { note: share.note });
      return true;
    }
    return false;
  }
  if (share.note !== null || !existing.recommendations.some((r) => r.userId === share.userId)) {
    await store.links.addRecommendation(workspace, existing.id, share);
  }
  return share.note !== null;
}
