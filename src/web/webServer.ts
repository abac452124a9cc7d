import { createServer } from "node:http";
import type { Logger } from "../core/ports/logger.js";
import { botRequests, close, listen, type WebHandler } from "./httpBasics.js";

export interface RunningWebServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * The bot's HTTP server when Slack does not bring one (Discord only): `/healthz` and the web archive.
 * With Slack, its server answers both (see startSlack's `web`).
 */
export async function startWebServer(options: {
  port: number;
  host: string;
  healthy: () => boolean | Promise<boolean>;
  web: WebHandler;
  logger: Logger;
}): Promise<RunningWebServer> {
  const { healthy, web, logger } = options;
  const server = createServer(botRequests({ healthy, logger, web }));
  const port = await listen(server, options.port, options.host);
  logger.info({ port, host: options.host }, "web server started");
  return { port, stop: () => close(server) };
}
