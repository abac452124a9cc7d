/**
 * The checks a request to `/slack/events` passes before Bolt runs it. They live here rather than in
 * Bolt's receiver because Bolt reads the wall clock: the timestamp window is measured on the
 * injected clock, in both directions (Bolt refuses only stale requests).
 */
import type { IncomingMessage } from "node:http";
import { HTTPModuleFunctions, verifySlackRequest } from "@slack/bolt";
import type { Clock } from "../../core/ports.js";

/** Slack's rule, applied both ways: a request signed more than five minutes from now is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type RequestVerdict =
  /** Hand the request (its body now buffered on it, as Bolt expects) to Bolt. */
  | { pass: true }
  /** Answer `status` with no body, run nothing; `reason` is for the log, when there is one. */
  | { pass: false; status: number; reason: string | null };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refuse(status: number, reason: string | null): RequestVerdict {
  return { pass: false, status, reason };
}

/** Buffers the body, then checks the timestamp and the signature against `signingSecret`. */
export async function checkSlackRequest(
  req: IncomingMessage,
  options: { signingSecret: string; clock: Clock },
): Promise<RequestVerdict> {
  const timestamp = header(req, "x-slack-request-timestamp");
  const nowSeconds = Math.floor(options.clock.now() / 1000);
  if (
    !timestamp ||
    !/^\d{1,12}$/.test(timestamp) ||
    Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS
  ) {
    return refuse(401, "a Slack request's timestamp is missing or more than five minutes off");
  }
  let body: string;
  try {
    body = (
      await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)
    ).rawBody.toString();
  } catch (error) {
    if (HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413)
      return refuse(413, "a Slack request's body was too large");
    throw error;
  }
  // Slack's certificate check carries no signature; Bolt answers it without running anything, as here.
  if (
    header(req, "content-type") === "application/x-www-form-urlencoded" &&
    new URLSearchParams(body).get("ssl_check") === "1"
  )
    return refuse(200, null);
  const signature = header(req, "x-slack-signature") ?? "";
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
      nowMilliseconds: options.clock.now(),
    });
  } catch {
    return refuse(401, "a Slack request's signature did not match");
  }
  return { pass: true };
}
