import type { Logger } from "../../logger.js";

/**
 * Work the bot has started and not finished: interactions being answered, page lookups, roundups being
 * posted. `drain` waits for it when the bot stops, so nothing is cut off half-way.
 */
export class InFlight {
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(what: string, context: Record<string, unknown>, work: () => Promise<void>): Promise<void> {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        this.logger.error({ err: describeError(error), task: what, ...context }, "Discord work failed");
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
    const deadline = Date.now() + timeoutMs;
    while (this.tasks.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      });
      await Promise.race([Promise.allSettled([...this.tasks]), timeout]);
      clearTimeout(timer);
    }
    return true;
  }
}

/**
 * An error as the log shows it. discord.js's REST errors carry the request URL, which for interaction
 * replies holds the interaction's token; it is left out.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const described: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  const extra = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  if (extra.code !== undefined) described.code = extra.code;
  if (extra.status !== undefined) described.status = extra.status;
  if (extra.method !== undefined) described.method = extra.method;
  return described;
}
