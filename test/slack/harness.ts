/**
 * The Slack adapter started for real on a loopback port, its WebClient pointed at `MockSlackApi`,
 * `response_url`s at `ResponseCatcher`, and a migrated SQLite temp file behind it. Requests are
 * signed exactly as Slack signs them.
 */
import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { type RunningSlack, startSlack } from "../../src/adapters/slack/startSlack.js";
import { listLinks } from "../../src/core/links/manageLinks.js";
import type { Clock } from "../../src/core/ports/clock.js";
import type { DraftBoard } from "../../src/core/ports/draftBoard.js";
import type { MetadataFetcher } from "../../src/core/ports/metadataFetcher.js";
import type { Store } from "../../src/core/ports/store.js";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import type { Logger } from "../../src/logger.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { MockSlackApi, type MockUser, ResponseCatcher } from "./mockSlackApi.js";

export const SIGNING_SECRET = "test-signing-secret";
export const BOT_TOKEN = "xoxb-test-token";

export const USERS: Record<string, MockUser> = {
  UADMIN: { name: "Ada Admin", admin: true },
  UOWNER: { name: "Olga Owner", owner: true },
  UAMY: { name: "Amy" },
  UBEN: { name: "Ben" },
  UCARL: { name: "Carl" },
};

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SlackResponse {
  status: number;
  /** The acknowledgement's body, parsed when it is JSON. */
  body: { text?: string; blocks?: unknown[]; response_type?: string; [key: string]: unknown } | null;
  raw: string;
  /** The id of the `response_url` this request carried, to read its follow-ups. */
  responseId: string;
  elapsedMs: number;
}

export interface Who {
  team?: string;
  user?: string;
  channel?: string;
}

export interface HarnessOptions {
  fetcher?: MetadataFetcher;
  clock?: Clock;
  /** Wraps the store, to make it fail in a test. */
  wrapStore?: (store: Store) => Store;
  /** A database file to open (and leave in place) instead of a fresh temp one: two bots on one file. */
  databasePath?: string;
}

export class Harness {
  readonly api = new MockSlackApi(USERS);
  readonly responses = new ResponseCatcher();
  readonly logLines: Record<string, unknown>[] = [];
  store!: Store;
  clock: Clock & { set?(iso: string): void } = fixedClock("2026-07-20T12:00:00Z");
  private slack!: RunningSlack;
  private cleanupStore!: () => Promise<void>;
  private fetcher: MetadataFetcher | undefined;
  private logger!: Logger;
  /** The core the running adapter uses. */
  core!: RoundupCore;
  /** Where the adapter shows review drafts, shared with `tick` as main.ts shares it with the scheduler. */
  boards: Record<string, DraftBoard> = {};
  base = "";

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const harness = new Harness();
    await harness.init(options);
    return harness;
  }

  private async init(options: HarnessOptions): Promise<void> {
    let store: Store;
    if (options.databasePath) {
      const shared = SqliteStore.open(options.databasePath);
      this.cleanupStore = () => shared.close();
      store = shared;
    } else {
      const temp = tempStore();
      this.cleanupStore = temp.cleanup;
      store = temp.store;
    }
    this.store = options.wrapStore ? options.wrapStore(store) : store;
    if (options.clock) this.clock = options.clock;
    await this.api.start();
    await this.responses.start();
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString("utf8").split("\n")) if (line) this.logLines.push(JSON.parse(line));
        done();
      },
    });
    this.logger = pino({ level: "info" }, sink) as unknown as Logger;
    this.fetcher = options.fetcher;
    await this.startAdapter();
  }

  /** A fresh core and adapter on the same store and Slack: what a restarted bot is. */
  private async startAdapter(): Promise<void> {
    const { logger } = this;
    this.boards = {};
    this.core = createRoundupCore({
      store: this.store,
      clock: this.clock,
      fetcher: this.fetcher,
      logger,
      boards: this.boards,
    });
    this.slack = await startSlack({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: this.api.url,
      port: 0,
      host: "127.0.0.1",
      core: this.core,
      logger,
      postIntervalMs: 5,
    });
    this.base = `http://127.0.0.1:${this.slack.port}`;
  }

  /** Stops the bot and starts it again, as a deploy does; Slack and the database stay. */
  async restart(): Promise<void> {
    await this.slack.stop();
    await this.startAdapter();
  }

  /** Stops the bot alone, as SIGTERM does: Slack and the database stay for the test to look at. */
  stopBot(): Promise<void> {
    return this.slack.stop();
  }

  /** One scheduler tick at the clock's now, as main.ts runs it (with this bot's publisher and board). */
  tick() {
    return schedulerTick(
      {
        store: this.store,
        clock: this.clock,
        publishers: { slack: this.slack.publisher },
        boards: this.boards,
        logger: this.logger,
      },
      { owner: "test-scheduler", retryDelaysMs: [0, 0, 0] },
    );
  }

  async stop(): Promise<void> {
    await this.slack?.stop();
    await this.api.stop();
    await this.responses.stop();
    await this.cleanupStore?.();
  }

  /** Now on the bot's clock, in the seconds Slack signs with. */
  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** POSTs a body to /slack/events, signed (at the bot's now) unless told otherwise. */
  async post(
    body: string,
    options: {
      timestamp?: number;
      signature?: string;
      responseId?: string;
      contentType?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? this.nowSeconds();
    const started = performance.now();
    const res = await fetch(`${this.base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": options.signature ?? sign(body, timestamp),
        ...options.headers,
      },
      body,
    });
    const raw = await res.text();
    const elapsedMs = performance.now() - started;
    let parsed: SlackResponse["body"] = null;
    try {
      parsed = raw ? (JSON.parse(raw) as SlackResponse["body"]) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, raw, responseId: options.responseId ?? "", elapsedMs };
  }

  /** The form body Slack sends for `/read <text>`. */
  commandBody(text: string, who: Who = {}): { body: string; responseId: string } {
    const { id, url } = this.responses.url();
    const team = who.team ?? "T1";
    const user = who.user ?? "UAMY";
    const body = new URLSearchParams({
      token: "legacy-verification-token",
      team_id: team,
      team_domain: team.toLowerCase(),
      channel_id: who.channel ?? "CGENERAL",
      channel_name: "general",
      user_id: user,
      user_name: user.toLowerCase(),
      command: "/read",
      text,
      api_app_id: "A1",
      is_enterprise_install: "false",
      response_url: url,
      trigger_id: `trigger-${id}`,
    }).toString();
    return { body, responseId: id };
  }

  /** Runs `/read <text>` and returns the acknowledgement. */
  async command(text: string, who: Who = {}): Promise<SlackResponse> {
    const { body, responseId } = this.commandBody(text, who);
    return this.post(body, { responseId });
  }

  /** Sends an interactivity payload (`payload=<json>`), with a fresh response_url when it takes one. */
  async interact(payload: Record<string, unknown>, withResponseUrl = true): Promise<SlackResponse> {
    const { id, url } = this.responses.url();
    const full = withResponseUrl ? { response_url: url, ...payload } : payload;
    return this.post(new URLSearchParams({ payload: JSON.stringify(full) }).toString(), { responseId: id });
  }

  /** Follow-ups sent to a request's response_url so far. */
  followUps(responseId: string) {
    return this.responses.postsTo(responseId);
  }

  links(team = "T1") {
    return listLinks({ store: this.store }, { workspace: `slack:${team}` });
  }
}

/** Polls until `check` returns something truthy; follow-ups arrive after the acknowledgement. */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for a follow-up");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every mrkdwn or plain text string in a set of blocks, and the fallback. */
export function allText(message: { text?: string; blocks?: unknown[] } | null | undefined): string {
  if (!message) return "";
  const texts: string[] = [message.text ?? ""];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (typeof record.text === "string") texts.push(record.text);
      for (const value of Object.values(record)) if (typeof value === "object") walk(value);
    }
  };
  walk(message.blocks);
  return texts.join("\n");
}
