import type { Logger } from "../ports/logger.js";
import { describeError } from "./describeError.js";

/**
 * Work a face has started and not finished: interactions being answered, page lookups, roundups being
 * posted. `drain` waits for it when the process stops, so nothing is cut off half-way. One per face;
 * every platform uses this one.
 */
export class BackgroundWork {
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Runs `work` now; a failure is logged with `what` and `context`, never thrown. */
  run(what: string, context: Record<string, unknown>, work: () => Promise<void>): Promise<void> {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        this.logger.error({ err: describeError(error), task: what, ...context }, "background work failed");
      }
    })();
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
    return task;
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Waits for running work (and work it starts), at most `timeoutMs`; true when all of it finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    // A timeout, not a date anyone sees: measured on the monotonic clock, which a wall-clock
    // correction during shutdown cannot stretch or cut short.
    const deadline = performance.now() + timeoutMs;
    while (this.tasks.size > 0) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      });
      await Promise.race([Promise.allSettled([...this.tasks]), timeout]);
      clearTimeout(timer);
    }
    return true;
  }
}
