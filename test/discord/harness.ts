import { Writable } from "node:stream";
import pino from "pino";
import { type RunningDiscord, startDiscord } from "../../src/adapters/discord/startDiscord.js";
import type { Clock } from "../../src/core/ports/clock.js";
import type { FetchOutcome, MetadataFetcher } from "../../src/core/ports/metadataFetcher.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import type { Logger } from "../../src/logger.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { FakeDiscord, type GuildSeed, type RecordedRequest } from "./fakeDiscord.js";

export const GUILD_A = "110000000000000001";
export const GUILD_B = "120000000000000001";
export const ALICE = "510000000000000001";
export const BOB = "520000000000000001";
export const MOD_ROLE = "530000000000000001";
export const CHANNEL = "310000000000000001";

export interface Harness {
  fake: FakeDiscord;
  store: SqliteStore;
  bot: RunningDiscord;
  clock: Clock & { set(iso: string): void };
  logs: Record<string, unknown>[];
  /** Sends an interaction and resolves with its callback (the acknowledgement). */
  ask(payload: { id: string; guild_id?: string }): Promise<RecordedRequest>;
  /** Every request made for the interaction with this token (callback, edits, follow-ups), in order. */
  traffic(payload: { token: string }): RecordedRequest[];
  /** Stops the bot and starts a new one (a new core) on the same database and fake Discord. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function captureLogger(logs: Record<string, unknown>[]): Logger {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  return pino({ level: "debug" }, stream) as unknown as Logger;
}

export async function startHarness(
  options: { guilds?: GuildSeed[]; fetcher?: MetadataFetcher; guildId?: string; now?: string } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start({ guilds: options.guilds ?? [{ id: GUILD_A }, { id: GUILD_B }] });
  const temp = tempStore();
  const clock = fixedClock(options.now ?? "2026-07-15T12:00:00Z");
  const logs: Record<string, unknown>[] = [];
  const startBot = () =>
    startDiscord({
      token: "test-bot-token",
      apiUrl: fake.apiUrl,
      logger: captureLogger(logs),
      core: createRoundupCore({
        store: temp.store,
        clock,
        fetcher: options.fetcher,
        logger: captureLogger(logs),
      }),
      ...(options.guildId ? { guildId: options.guildId } : {}),
    });
  const harness: Harness = {
    fake,
    store: temp.store,
    bot: await startBot(),
    clock,
    logs,
    ask(payload) {
      fake.interact(payload);
      return fake.waitFor((r) => r.method === "POST" && r.path.startsWith(`/interactions/${payload.id}/`));
    },
    traffic(payload) {
      return fake.requests.filter((r) => r.path.includes(`/${payload.token}`));
    },
    async restart() {
      await harness.bot.stop();
      harness.bot = await startBot();
    },
    async close() {
      await harness.bot.stop();
      await fake.close();
      await temp.cleanup();
    },
  };
  return harness;
}

/** A fetcher whose pages answer only when the test says so. */
export class SlowFetcher implements MetadataFetcher {
  readonly asked: string[] = [];
  private readonly pending: ((outcome: FetchOutcome) => void)[] = [];

  fetchMetadata(url: string): Promise<FetchOutcome> {
    this.asked.push(url);
    return new Promise((resolve) => this.pending.push(resolve));
  }

  get waiting(): number {
    return this.pending.length;
  }

  release(outcome: FetchOutcome): void {
    for (const resolve of this.pending.splice(0)) resolve(outcome);
  }
}

export const page = (title: string, author: string | null = null): FetchOutcome => ({
  ok: true,
  metadata: { title, author, description: null, siteName: null, canonicalUrl: null },
});

/** The message a callback or webhook request carries (`data` for callbacks). */
// biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever discord.js sent
export function messageOf(request: RecordedRequest): any {
  return request.path.endsWith("/callback") ? request.body.data : request.body;
}

/**
 * Whether a request creates or edits a message: an interaction's message answer or update, a webhook
 * follow-up or edit, a channel message posted or edited. Each must ping nobody.
 */
export function writesMessage(request: RecordedRequest): boolean {
  const { path, method } = request;
  return (
    (path.endsWith("/callback") && [4, 7].includes(request.body.type)) ||
    ((path.startsWith("/webhooks/") || path.startsWith("/channels/")) &&
      (method === "POST" || method === "PATCH"))
  );
}

/** The text of a message: its content and its embeds' titles and descriptions. */
export function textOf(request: RecordedRequest): string {
  const message = messageOf(request) ?? {};
  const embeds = (message.embeds ?? []) as {
    title?: string;
    description?: string;
    footer?: { text: string };
  }[];
  return [
    message.content ?? "",
    ...embeds.flatMap((e) => [e.title ?? "", e.description ?? "", e.footer?.text ?? ""]),
  ]
    .filter(Boolean)
    .join("\n");
}

export const EPHEMERAL = 64;

export function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (await check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error("timed out waiting"));
      else setTimeout(tick, 10);
    };
    tick().catch(reject);
  });
}
