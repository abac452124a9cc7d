/**
 * The checks a request to `/slack/events` passes before Bolt runs it. They live here rather than in
 * Bolt's receiver because Bolt reads the wall clock: the timestamp window is measured on the
 * injected clock, in both directions (Bolt refuses only stale requests). And because Bolt would run a
 * signed request as often as it is sent: each one is remembered in the database until it leaves the
 * window, so a replay is refused by every process.
 */
import type { IncomingMessage } from "node:http";
import { HTTPModuleFunctions, verifySlackRequest } from "@slack/bolt";
import type { Clock } from "../../core/ports/clock.js";

/** Slack's rule, applied both ways: a request signed more than five minutes from now is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type RequestVerdict =
  /** Hand the request (its body now buffered on it, as Bolt expects) to Bolt. */
  | { pass: true }
  /** Answer `status` with no body and run nothing; `reason` is for the log. */
  | { pass: false; status: number; reason: string | null; level: "warn" | "info" };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function answer(status: number, reason: string | null, level: "warn" | "info" = "warn"): RequestVerdict {
  return { pass: false, status, reason, level };
}

/**
 * Checks the timestamp, buffers the body, checks the signature against `signingSecret`, and lets a
 * signature through once.
 */
export async function checkSlackRequest(
  req: IncomingMessage,
  options: {
    signingSecret: string;
    clock: Clock;
    /** Remembers a signature until `expiresAt`; false when it was taken before (the core's `rememberRequest`). */
    remember: (signature: string, expiresAt: number) => Promise<boolean>;
  },
): Promise<RequestVerdict> {
  const timestamp = header(req, "x-slack-request-timestamp");
  const nowSeconds = Math.floor(options.clock.now() / 1000);
  if (
    !timestamp ||
    !/^\d{1,12}$/.test(timestamp) ||
    Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS
  ) {
    return answer(401, "its timestamp is missing or more than five minutes off");
  }
  let body: string;
  try {
    body = (
      await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)
    ).rawBody.toString();
  } catch (error) {
    if (HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413)
      return answer(413, "its body is too large");
    throw error;
  }
  // Slack's certificate check carries no signature; Bolt answers it without running anything, as here.
  if (
    header(req, "content-type") === "application/x-www-form-urlencoded" &&
    new URLSearchParams(body).get("ssl_check") === "1"
  )
    return answer(200, null);
  const signature = header(req, "x-slack-signature") ?? "";
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
      nowMilliseconds: options.clock.now(),
    });
  } catch {
    return answer(401, "its signature does not match");
  }
  // Slack delivers again when an answer was slow or failed; the first delivery has run (or is running).
  if (header(req, "x-slack-retry-num") !== undefined)
    return answer(200, "a retry from Slack (X-Slack-Retry-Num), acknowledged without running it", "info");
  // The first second out of the window, whichever side of now the timestamp was.
  const expiresAt = (Number(timestamp) + MAX_CLOCK_SKEW_SECONDS + 1) * 1000;
  if (!(await options.remember(signature, expiresAt)))
    return answer(409, "the same signed request came again (a replay)");
  return { pass: true };
}
