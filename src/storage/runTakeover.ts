import type { ClaimMode } from "../core/ports/runStore.js";
import type { RoundupRun } from "../core/types.js";

/**
 * What a claim does to a period's existing ledger row, by its state and the claim's mode; null means
 * refused. The same rule on every database: each store only makes the read and the write atomic.
 */
export function takeover(run: RoundupRun, mode: ClaimMode, now: number): "resume" | "restart" | null {
  if (run.status === "posting") {
    // Someone is (or was) posting it: only an expired lease means they died mid-way.
    return run.leaseUntil === null || run.leaseUntil < now ? "resume" : null;
  }
  if (mode === "force") return "restart";
  if (run.status === "failed" && mode === "manual") return "resume";
  return null;
}
