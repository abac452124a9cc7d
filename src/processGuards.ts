import type { Logger } from "./logger.js";

/**
 * A promise that failed with nobody to handle it (a library's timer, a handler that forgot a catch)
 * is logged, and the bot keeps serving: Node's default would end the process, and every team's bot
 * with it, over one request. Returns a function that removes the guard.
 */
export function installProcessGuards(logger: Logger): () => void {
  const onRejection = (reason: unknown) => {
    logger.error({ err: reason }, "a promise failed with nothing to handle it; still running");
  };
  process.on("unhandledRejection", onRejection);
  return () => process.off("unhandledRejection", onRejection);
}
