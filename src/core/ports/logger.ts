/** One level of a `Logger`: the facts as fields first, then a short message. */
export type LogFn = (fields: object, message?: string) => void;

/**
 * Where the core says what happened. pino's logger (src/logger.ts) satisfies it; the core never
 * imports a logging library.
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}
