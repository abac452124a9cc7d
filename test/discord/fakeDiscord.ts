/**
 * A loopback stand-in for Discord: one node:http server answers the REST calls discord.js makes and
 * upgrades `/gateway` to a WebSocket that speaks enough of the gateway protocol (HELLO, heartbeat ACK,
 * IDENTIFY -> READY, GUILD_CREATE, RESUME -> RESUMED) to log a real Client in and hand it interactions.
 * Every REST request is recorded, with its path decoded (`%40original` -> `@original`). With
 * `shardCount`, each socket is the shard its IDENTIFY names, and a guild's events (GUILD_CREATE,
 * interactions) go only over the sockets of the guild's shard, as Discord routes them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface RecordedRequest {
  method: string;
  /** Without the `/api/v10` prefix, each segment decoded. */
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever discord.js sent
  body: any;
  headers: IncomingMessage["headers"];
  /** `performance.now()` when the request arrived. */
  at: number;
}

export interface GuildSeed {
  id: string;
  name?: string;
  /** How many text channels GUILD_CREATE carries (default 3). */
  channels?: number;
  roles?: number;
  /** Members GUILD_CREATE carries besides the bot. */
  members?: number;
  /** Permission overwrites on each channel (default 2: @everyone and a role). */
  overwrites?: number;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A 429 as Discord sends it: retry after `seconds`, on this route's bucket only. */
export function rateLimited(seconds: number): FakeReply {
  return {
    status: 429,
    body: { message: "You are being rate limited.", retry_after: seconds, global: false },
    headers: {
      "retry-after": String(seconds),
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset-after": String(seconds),
      "x-ratelimit-bucket": "fake-bucket",
      "x-ratelimit-scope": "user",
    },
  };
}

let sequence = 0n;
/** A fresh 18-digit snowflake-looking id: discord.js's rate-limit buckets key on 17-19 digits. */
export function snowflake(): string {
  sequence += 1n;
  return (100_000_000_000_000_000n + BigInt(Date.now() % 1_000_000) * 1_000_000n + sequence).toString();
}

const PREFIX = /^\/api(?:\/v\d+)?|^\/v\d+/;

export const MANAGE_GUILD = 1n << 5n;
export const ADMINISTRATOR = 1n << 3n;
export const BASIC_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 31n);

/** A guild member as the gateway and interactions carry one. */
function member(user: Record<string, unknown>, roles: string[] = []) {
  return {
    user,
    nick: null,
    avatar: null,
    roles,
    joined_at: "2024-01-01T00:00:00.000Z",
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
}

/** Ids of a guild's channels, roles and members: the guild's id plus `n` thousand million. */
function offset(id: string, n: number): string {
  return (BigInt(id) + BigInt(n) * 1_000_000_000n).toString();
}

export function guildCreatePayload(
  seed: GuildSeed,
  botUser: Record<string, unknown>,
): Record<string, unknown> {
  const channels = Array.from({ length: seed.channels ?? 3 }, (_, i) => ({
    id: offset(seed.id, 1 + i),
    type: i % 9 === 8 ? 2 : i % 9 === 7 ? 4 : 0,
    guild_id: seed.id,
    name: `channel-${i}`,
    position: i,
    permission_overwrites: Array.from({ length: seed.overwrites ?? 2 }, (_, o) => ({
      id: o === 0 ? seed.id : offset(seed.id, 500 + ((i + o) % 9)),
      type: 0,
      allow: o === 0 ? "0" : "1024",
      deny: o === 0 ? "2048" : "0",
    })),
    topic: i % 3 === 0 ? `Talk about topic number ${i} here, please keep it civil.` : null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    parent_id: null,
    flags: 0,
  }));
  const roles = Array.from({ length: seed.roles ?? 2 }, (_, i) => ({
    id: i === 0 ? seed.id : offset(seed.id, 500 + i),
    name: i === 0 ? "@everyone" : `role-${i}`,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: i,
    permissions: i === 0 ? "1071698660929" : "8",
    managed: false,
    mentionable: false,
    flags: 0,
  }));
  const members = [
    member(botUser),
    ...Array.from({ length: seed.members ?? 0 }, (_, i) =>
      member({
        id: offset(seed.id, 1000 + i),
        username: `member${i}`,
        global_name: `Member ${i}`,
        discriminator: "0",
        avatar: null,
      }),
    ),
  ];
  return {
    id: seed.id,
    name: seed.name ?? `Guild ${seed.id}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: "100000000000000001",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US",
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: "2024-01-01T00:00:00.000Z",
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The shard Discord sends a guild's events over: `(guild_id >> 22) % shardCount`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface FakeDiscordOptions {
  guilds?: GuildSeed[];
  /** The shard count `/gateway/bot` recommends and guild events are routed by (default 1). */
  shardCount?: number;
  /** Sends READY with the guilds as unavailable, then a GUILD_CREATE each (as Discord does). */
  sendGuilds?: boolean;
}

export class FakeDiscord {
  readonly appId = "200000000000000001";
  readonly botUser = {
    id: "200000000000000001",
    username: "Roundup",
    global_name: null,
    discriminator: "0000",
    avatar: null,
    bot: true,
  };
  readonly requests: RecordedRequest[] = [];
  /** The messages posted to channels and not deleted, by id, as last edited. */
  readonly channelMessages = new Map<string, Record<string, unknown>>();
  /** Answers a request instead of the default handler when it returns something. */
  override: ((request: RecordedRequest) => FakeReply | undefined) | null = null;
  identifies: Record<string, unknown>[] = [];
  resumes = 0;
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  /** The shard each socket identified (or resumed a session) as; a socket not identified yet is on none. */
  private readonly socketShards = new Map<WebSocket, number>();
  /** Each session's shard, so a RESUME carries on on the same shard. */
  private readonly sessionShards = new Map<string, number>();
  private readonly waiters: {
    match: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }[] = [];
  private seq = 0;
  private guilds: GuildSeed[];
  private sendGuilds: boolean;
  private readonly shardCount: number;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.guilds = options.guilds ?? [];
    this.sendGuilds = options.sendGuilds ?? true;
    this.shardCount = options.shardCount ?? 1;
    this.server = createServer((req, res) => this.onHttp(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.wss = new WebSocketServer({ server: this.server, perMessageDeflate: false });
    this.wss.on("connection", (socket) => this.onSocket(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What `apiUrl` (discord.js's `rest.api`) should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get connected(): number {
    return this.sockets.size;
  }

  /** Requests matching `method` and a path pattern, in arrival order. */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Resolves with the first request (already recorded, or still to come) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiters.findIndex((w) => w.resolve === done);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (r: RecordedRequest) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** The `shard` ([id, count]) of each IDENTIFY, in arrival order. */
  get identifiedShards(): unknown[] {
    return this.identifies.map((identify) => identify.shard);
  }

  /** Sends a dispatch (op 0) to every connected gateway socket, or only to those of `guildId`'s shard. */
  dispatch(t: string, d: unknown, guildId?: string): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.seq, d });
    const shard = guildId === undefined ? undefined : shardOf(guildId, this.shardCount);
    for (const socket of this.sockets) {
      if (shard === undefined || this.socketShards.get(socket) === shard) socket.send(frame);
    }
  }

  /** Sends an interaction over its guild's shard. */
  interact(payload: { guild_id?: string }): void {
    this.dispatch("INTERACTION_CREATE", payload, payload.guild_id);
  }

  addGuild(seed: GuildSeed): void {
    this.guilds.push(seed);
    this.dispatch("GUILD_CREATE", guildCreatePayload(seed, this.botUser), seed.id);
  }

  /** Closes every gateway connection with `code`: discord.js should reconnect (and resume on 4000). */
  dropGateway(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, "test drop");
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    const forget = () => {
      this.sockets.delete(socket);
      this.socketShards.delete(socket);
    };
    socket.on("close", forget);
    socket.on("error", forget);
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (frame.op === 2) {
        this.identifies.push(frame.d);
        const [shard = 0] = (frame.d.shard as [number, number] | undefined) ?? [];
        this.socketShards.set(socket, shard);
        this.onIdentify(socket, shard);
      }
      if (frame.op === 6) {
        this.socketShards.set(socket, this.sessionShards.get(String(frame.d.session_id)) ?? 0);
        this.resumes++;
        socket.send(JSON.stringify({ op: 0, t: "RESUMED", s: ++this.seq, d: {} }));
      }
    });
  }

  private onIdentify(socket: WebSocket, shard: number): void {
    const guilds = this.guilds.filter((g) => shardOf(g.id, this.shardCount) === shard);
    const sessionId = `session-${Date.now()}-${shard}`;
    this.sessionShards.set(sessionId, shard);
    const ready = {
      v: 10,
      user: this.botUser,
      user_settings: {},
      guilds: this.sendGuilds ? guilds.map((g) => ({ id: g.id, unavailable: true })) : [],
      session_id: sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard: [shard, this.shardCount],
      application: { id: this.appId, flags: 0 },
    };
    socket.send(JSON.stringify({ op: 0, t: "READY", s: ++this.seq, d: ready }));
    if (!this.sendGuilds) return;
    for (const guild of guilds) {
      socket.send(
        JSON.stringify({
          op: 0,
          t: "GUILD_CREATE",
          s: ++this.seq,
          d: guildCreatePayload(guild, this.botUser),
        }),
      );
    }
  }

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const path = url.pathname
        .replace(PREFIX, "")
        .split("/")
        .map((segment) => decodeURIComponent(segment))
        .join("/");
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      if (text && String(req.headers["content-type"] ?? "").includes("json")) body = JSON.parse(text);
      const request: RecordedRequest = {
        method: req.method ?? "GET",
        path,
        query: url.searchParams,
        body,
        headers: req.headers,
        at: performance.now(),
      };
      this.requests.push(request);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(request)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(request);
        }
      }
      const reply = this.override?.(request) ?? this.answer(request);
      if (reply.body === undefined) {
        res.writeHead(reply.status, reply.headers ?? {}).end();
        return;
      }
      const json = JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...reply.headers,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(json),
      });
      res.end(json);
    });
  }

  message(channelId: string, body: Record<string, unknown>): Record<string, unknown> {
    return {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      author: this.botUser,
      content: body.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      flags: body.flags ?? 0,
      nonce: body.nonce,
      webhook_id: undefined,
    };
  }

  private answer(request: RecordedRequest): FakeReply {
    const { method, path, body } = request;
    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === "GET" && path === "/users/@me") return { status: 200, body: this.botUser };
    if (method === "GET" && (path === "/applications/@me" || path === "/oauth2/applications/@me")) {
      return {
        status: 200,
        body: { id: this.appId, name: "Roundup", description: "", bot_public: true, flags: 0 },
      };
    }
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const guildId = /guilds\/(\d+)/.exec(path)?.[1];
      const commands = (body as Record<string, unknown>[]).map((command) => ({
        ...command,
        id: snowflake(),
        application_id: this.appId,
        version: snowflake(),
        ...(guildId ? { guild_id: guildId } : {}),
      }));
      return { status: 200, body: commands };
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      return { status: 204 };
    }
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(.+))?$/.exec(path);
    if (webhook) {
      if (method === "DELETE") return { status: 204 };
      return { status: 200, body: this.message("300000000000000001", body as Record<string, unknown>) };
    }
    const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (channel && method === "POST") {
      const message = this.message(channel[1] as string, body as Record<string, unknown>);
      this.channelMessages.set(message.id as string, message);
      return { status: 200, body: message };
    }
    const posted = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (posted && (method === "PATCH" || method === "DELETE")) {
      const id = posted[2] as string;
      const message = this.channelMessages.get(id);
      if (!message) return { status: 404, body: { message: "Unknown Message", code: 10008 } };
      if (method === "DELETE") {
        this.channelMessages.delete(id);
        return { status: 204 };
      }
      const edited = {
        ...message,
        ...(body as Record<string, unknown>),
        edited_timestamp: new Date().toISOString(),
      };
      this.channelMessages.set(id, edited);
      return { status: 200, body: edited };
    }
    return { status: 404, body: { message: "Unknown route", code: 0 } };
  }
}

/** Who sends an interaction, and with what rights. */
export interface Sender {
  guildId: string;
  userId: string;
  name?: string;
  /** Bit field; Manage Server makes an admin. */
  permissions?: bigint;
  roles?: string[];
  channelId?: string;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

function base(fake: FakeDiscord, sender: Sender, type: number) {
  const user = {
    id: sender.userId,
    username: (sender.name ?? `user${sender.userId.slice(-4)}`).toLowerCase().replace(/\W/g, ""),
    global_name: sender.name ?? null,
    discriminator: "0",
    avatar: null,
  };
  const channelId = sender.channelId ?? "300000000000000001";
  return {
    id: snowflake(),
    application_id: fake.appId,
    type,
    token: `token-${snowflake()}`,
    version: 1,
    guild_id: sender.guildId,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: sender.guildId, name: "general", flags: 0 },
    member: {
      ...member(user, sender.roles ?? []),
      permissions: String(sender.permissions ?? BASIC_PERMISSIONS),
    },
    app_permissions: String(BASIC_PERMISSIONS | (1n << 14n)),
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": sender.guildId },
    context: 0,
    attachment_size_limit: 8_388_608,
  };
}

/** Option helpers: `str("url", "https://…")`, `int("id", 3)`, `bool("mine", true)`. */
export const str = (name: string, value: string, focused = false): CommandOption => ({
  name,
  type: 3,
  value,
  ...(focused ? { focused } : {}),
});
export const int = (name: string, value: number): CommandOption => ({ name, type: 4, value });
export const bool = (name: string, value: boolean): CommandOption => ({ name, type: 5, value });

/**
 * A `/read …` chat-input interaction. `path` is `["add"]` or `["category", "add"]`; extra `resolved`
 * data (channels, users, roles) goes with options that refer to them.
 */
export function readCommand(
  fake: FakeDiscord,
  sender: Sender,
  path: string[],
  options: CommandOption[] = [],
  extra: { resolved?: Record<string, unknown>; autocomplete?: boolean } = {},
) {
  const [first, second] = path;
  const leaf: CommandOption =
    second === undefined
      ? { name: first as string, type: 1, options }
      : { name: first as string, type: 2, options: [{ name: second, type: 1, options }] };
  return {
    ...base(fake, sender, extra.autocomplete ? 4 : 2),
    data: {
      id: "400000000000000001",
      name: "read",
      type: 1,
      guild_id: sender.guildId,
      options: [leaf],
      ...(extra.resolved ? { resolved: extra.resolved } : {}),
    },
  };
}

/** The "Add to reading list" message context-menu command on a message with `content`. */
export function messageCommand(
  fake: FakeDiscord,
  sender: Sender,
  content: string,
  name = "Add to reading list",
) {
  const ix = base(fake, sender, 2);
  const messageId = snowflake();
  return {
    ...ix,
    data: {
      id: "400000000000000002",
      name,
      type: 3,
      target_id: messageId,
      guild_id: sender.guildId,
      resolved: {
        messages: {
          [messageId]: {
            ...fake.message(ix.channel_id, { content }),
            id: messageId,
            author: { id: "500000000000000009", username: "poster", discriminator: "0", avatar: null },
          },
        },
      },
    },
  };
}

/**
 * A click on a button with `customId`, on `message` (a message the fake holds, say a draft page), or
 * on an ephemeral message the bot sent.
 */
export function buttonClick(
  fake: FakeDiscord,
  sender: Sender,
  customId: string,
  message?: Record<string, unknown>,
) {
  const ix = base(fake, sender, 3);
  return {
    ...ix,
    message: message ?? { ...fake.message(ix.channel_id, { content: "", flags: 64 }) },
    data: { custom_id: customId, component_type: 2 },
  };
}

/** A choice in a string select with `customId`, on `message` or on an ephemeral message the bot sent. */
export function selectChoice(
  fake: FakeDiscord,
  sender: Sender,
  customId: string,
  values: string[],
  message?: Record<string, unknown>,
) {
  const ix = base(fake, sender, 3);
  return {
    ...ix,
    message: message ?? { ...fake.message(ix.channel_id, { content: "", flags: 64 }) },
    data: { custom_id: customId, component_type: 3, values },
  };
}

/**
 * A form (modal) sent with `fields` (custom id -> text), each in a label as Discord sends them; opened
 * from a button on an ephemeral message the bot sent, unless `fromMessage` is false.
 */
export function formSubmit(
  fake: FakeDiscord,
  sender: Sender,
  customId: string,
  fields: Record<string, string>,
  fromMessage = true,
) {
  const ix = base(fake, sender, 5);
  return {
    ...ix,
    ...(fromMessage ? { message: { ...fake.message(ix.channel_id, { content: "", flags: 64 }) } } : {}),
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: 18,
        component: { type: 4, custom_id: id, value },
      })),
    },
  };
}
