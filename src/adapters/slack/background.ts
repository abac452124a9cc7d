import type { Logger } from "../../logger.js";

/** Work that runs after Slack has its answer (page fetches, posting a roundup); `drain` waits for it on stop. */
export class Background {
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(what: string, context: Record<string, unknown>, work: () => Promise<void>): void {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        this.logger.error({ err: error, task: what, ...context }, "background work failed");
      }
    })();
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  /** Waits for running work, at most `timeoutMs`; returns whether everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.tasks.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = Promise.allSettled([...this.tasks]).then(() => true as const);
    const finished = await Promise.race([done, timeout]);
    clearTimeout(timer);
    return finished;
  }
}
