/**
 * Starts the Slack adapter. HTTP mode: one server on `port` that takes slash commands, shortcuts and
 * interactivity at `/slack/events` (Bolt checks every signature) and answers `GET /healthz`. Socket
 * Mode when `appToken` is given: Slack is reached over a WebSocket and the server only answers
 * `/healthz`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { BackgroundWork } from "../../core/background/backgroundWork.js";
import type { RoundupPublisher } from "../../core/ports/publisher.js";
import type { RoundupCore } from "../../core/roundupCore.js";
import type { Logger } from "../../logger.js";
import { botRequests, close, listen, type WebHandler } from "../../web/httpBasics.js";
import type { SlackDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";
import { People } from "./people.js";
import type { SlackMessage } from "./render.js";
import { checkSlackRequest } from "./requestCheck.js";
import { createSlackDraftBoard } from "./slackDraftBoard.js";
import { createSlackPublisher } from "./slackPublisher.js";

export interface StartSlackOptions {
  botToken: string;
  signingSecret: string;
  /** An app-level token (`xapp-…`): Socket Mode instead of HTTP. */
  appToken?: string;
  /** The Web API base, e.g. a proxy or a test server; Slack's own when unset. */
  apiUrl?: string;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** The use cases, bound to the store; the adapter hands it its publisher. */
  core: RoundupCore;
  /** Whether the database can be read and written now; `/healthz` answers 503 when not. Always, when unset. */
  healthy?: () => boolean | Promise<boolean>;
  logger: Logger;
  /**
   * Posts `/read roundup post`; pass the scheduler's so both share one pace per channel. Made from
   * the tokens above when unset.
   */
  publisher?: RoundupPublisher<SlackMessage>;
  /** Gap between two roundup messages in one channel when the publisher is made here; default 1,100 ms. */
  postIntervalMs?: number;
  /** How long a command may work before Slack gets an empty acknowledgement; default 2,500 ms. */
  ackBudgetMs?: number;
  /** Other pages the server answers (the web archive), asked for what is not Slack's or /healthz. */
  web?: WebHandler;
}

export interface RunningSlack {
  /** The port the server listens on. */
  port: number;
  /** Posts roundups to Slack for the core's `postRoundup` and scheduler: `publishers: { slack: publisher }`. */
  publisher: RoundupPublisher<SlackMessage>;
  /** Stops taking requests, lets follow-ups in flight finish (a few seconds at most), and closes. */
  stop(): Promise<void>;
}

export const EVENTS_PATH = "/slack/events";
const DRAIN_MS = 5_000;

/** Bolt's logger interface over pino, so everything lands in one log. */
function boltLogger(logger: Logger): BoltLogger {
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]) =>
      logger[level](msg.map((m) => (m instanceof Error ? m.message : String(m))).join(" "));
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

function apiBase(apiUrl: string | undefined): string | undefined {
  if (!apiUrl) return undefined;
  return apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`;
}

export async function startSlack(options: StartSlackOptions): Promise<RunningSlack> {
  const logger = options.logger;
  const socketMode = Boolean(options.appToken);
  const slackApiUrl = apiBase(options.apiUrl);
  // Answers that wait on a call (a form to open, a name to read) are worth little after a few seconds,
  // so a failing call is retried twice, quickly, instead of the WebClient's half-hour default.
  const clientOptions = {
    slackApiUrl,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: options.signingSecret,
        endpoints: EVENTS_PATH,
        // Checked before Bolt sees the request (checkSlackRequest), on the injected clock.
        signatureVerification: false,
        logger: boltLogger(logger),
        processBeforeResponse: false,
      });
  const app = new App({
    token: options.botToken,
    logger: boltLogger(logger),
    clientOptions,
    convoStore: false,
    deferInitialization: true,
    ...(receiver
      ? { receiver }
      : {
          socketMode: true,
          appToken: options.appToken,
          // The WebSocket's own client keeps Socket Mode's patient reconnect retries.
          installerOptions: { clientOptions: { slackApiUrl } },
        }),
  });
  app.error(async (error) => {
    logger.error({ err: error }, "Bolt reported an error");
  });

  const { core } = options;
  const inFlight = new BackgroundWork(logger);
  const publisher =
    options.publisher ??
    createSlackPublisher({
      botToken: options.botToken,
      clock: core.clock,
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      ...(options.postIntervalMs !== undefined ? { intervalMs: options.postIntervalMs } : {}),
    });
  core.usePublisher("slack", publisher as RoundupPublisher);
  const deps: SlackDeps = {
    core,
    logger,
    people: new People(logger, core.clock),
    inFlight,
    ackBudgetMs: options.ackBudgetMs,
  };
  registerListeners(app, deps);
  // Checks the bot token (auth.test) before taking any request, so a wrong one fails at start.
  await app.init();
  // The review draft, shown (and redrawn) by the core and the scheduler through this board.
  core.useBoard(
    "slack",
    createSlackDraftBoard({
      client: app.client,
      postClient: new WebClient(options.botToken, { slackApiUrl, retryConfig: { retries: 0 } }),
    }),
  );

  const handleEvent = async (receiver: HTTPReceiver, req: IncomingMessage, res: ServerResponse) => {
    try {
      const verdict = await checkSlackRequest(req, {
        signingSecret: options.signingSecret,
        clock: core.clock,
        remember: core.rememberRequest,
      });
      if (verdict.pass) {
        receiver.requestListener(req, res);
        return;
      }
      if (verdict.reason) logger[verdict.level](`Slack request not run: ${verdict.reason}`);
      res.writeHead(verdict.status).end();
    } catch (error) {
      logger.error({ err: error }, "could not take a Slack request");
      if (!res.headersSent) res.writeHead(500).end();
    }
  };

  const server = createServer(
    botRequests({
      healthy: options.healthy ?? (() => true),
      logger,
      healthDetails: { slack: socketMode ? "socket" : "http" },
      own: (req, res, path) => {
        if (!receiver || path !== EVENTS_PATH || req.method !== "POST") return false;
        void handleEvent(receiver, req, res);
        return true;
      },
      web: options.web,
    }),
  );
  const port = await listen(server, options.port, options.host);
  if (socketMode) {
    try {
      await app.start();
    } catch (error) {
      await close(server);
      throw error;
    }
  }
  logger.info({ port, host: options.host, mode: socketMode ? "socket" : "http" }, "Slack adapter started");

  let stopped: Promise<void> | undefined;
  return {
    port,
    publisher,
    stop() {
      stopped ??= (async () => {
        const closing = close(server);
        if (socketMode) await app.stop();
        // Presses and follow-ups, then draft redraws, before the store closes: a page read that
        // finishes during the stop starts a redraw of its month's draft.
        if (!(await inFlight.drain(DRAIN_MS))) logger.warn("stopped with Slack follow-ups still running");
        if (!(await core.settle(DRAIN_MS))) logger.warn("stopped with draft redraws still running");
        await closing;
      })();
      return stopped;
    },
  };
}
