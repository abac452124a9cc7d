import pino from "pino";

/** Paths that may hold a secret; pino replaces them before anything is written. */
const REDACT = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "signingSecret",
  "*.signingSecret",
  "authorization",
  "*.authorization",
];

export function createLogger(level: string) {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" } });
}

export type Logger = ReturnType<typeof createLogger>;
