import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { schedulerTick, type TickDeps, type TickOptions } from "./core/schedule/schedulerTick.js";

export interface SchedulerHandle {
  /** The ledger owner this process claims with. */
  owner: string;
  /** Runs one tick now (waiting for one in progress first). */
  tickNow(): Promise<void>;
  /** Stops the timer and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

/**
 * One timer for the whole process: every `intervalMs` (30 s) it asks the database which workspaces
 * are due. Ticks never overlap; an error in one is logged and the next tick runs as usual.
 */
export function startScheduler(
  deps: TickDeps,
  options: Omit<TickOptions, "owner"> & { intervalMs?: number },
): SchedulerHandle {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await schedulerTick(deps, { ...options, owner });
      } catch (error) {
        deps.logger?.error({ err: error }, "scheduler tick failed");
      }
    });
    return running;
  };

  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  void tick();
  return {
    owner,
    tickNow: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
