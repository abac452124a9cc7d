/** What every HTTP server of the bot does alike: JSON answers, /healthz, listening and closing. */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../core/ports/logger.js";

export const HEALTH_PATH = "/healthz";

/** A request handler that answers what it knows (true) and leaves the rest to the next one (false). */
export type WebHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** `GET /healthz`: 200 while the database answers and takes writes, 503 (and a warning) when not. */
export async function answerHealth(
  res: ServerResponse,
  healthy: () => boolean | Promise<boolean>,
  logger: Logger,
  details: Record<string, string> = {},
): Promise<void> {
  const ok = await Promise.resolve()
    .then(healthy)
    .catch(() => false);
  if (ok) {
    sendJson(res, 200, { status: "ok", ...details });
  } else {
    logger.warn({}, "health check: the database cannot be read or written");
    sendJson(res, 503, { status: "unavailable", reason: "database" });
  }
}

/**
 * What every server of the bot answers, whichever started it: `/healthz` first, then `own` (a face's
 * own path, such as Slack's events) when it takes the request, then the web archive, else a JSON 404.
 */
export function botRequests(options: {
  healthy: () => boolean | Promise<boolean>;
  logger: Logger;
  /** Said beside `status: "ok"`. */
  healthDetails?: Record<string, string>;
  own?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  web?: WebHandler;
}): RequestListener {
  const { healthy, logger, healthDetails, own, web } = options;
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
      void answerHealth(res, healthy, logger, healthDetails);
      return;
    }
    if (own?.(req, res, path)) return;
    if (!web) return sendJson(res, 404, { error: "not found" });
    void web(req, res).then((answered) => {
      if (!answered) sendJson(res, 404, { error: "not found" });
    });
  };
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
