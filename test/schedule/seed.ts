import { addLink } from "../../src/core/links/addLink.js";
import type { Clock } from "../../src/core/ports/clock.js";
import type { Store } from "../../src/core/ports/store.js";

/** Shares `count` links titled "Post 0", "Post 1", ... in June 2026, in that order. */
export async function shareInJune(
  store: Store,
  clock: Clock,
  workspace: string,
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    await addLink(
      { store, clock },
      {
        workspace,
        url: `https://example.com/${i}`,
        title: `Post ${i}`,
        userId: "u",
        userName: "U",
        source: "slack",
        at: Date.parse("2026-06-10T10:00:00Z") + i,
      },
    );
  }
}
