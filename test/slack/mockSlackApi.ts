/**
 * A loopback stand-in for Slack's Web API (`slackApiUrl` points here) and for `response_url`s. It
 * records every call, parsed: the WebClient sends form-encoded bodies with `blocks` and `view` as JSON
 * strings (or JSON bodies), and `respond()` posts JSON.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  token: string | null;
}

export interface MockUser {
  name: string;
  admin?: boolean;
  owner?: boolean;
}

type Handler = (
  params: Record<string, unknown>,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

const JSON_FIELDS = new Set(["blocks", "attachments", "view", "metadata"]);

export function parseApiBody(contentType: string, body: string): Record<string, unknown> {
  if (contentType.includes("application/json"))
    return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return params;
}

function listenLoopback(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A message the bot posted, as it now stands in Slack. */
export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  threadTs: string | null;
}

export class MockSlackApi {
  readonly calls: ApiCall[] = [];
  /** The bot's messages by ts: edited by chat.update, gone after chat.delete or `deleteMessage`. */
  readonly messages = new Map<string, PostedMessage>();
  private readonly handlers = new Map<string, Handler>();
  private server: Server | undefined;
  private ts = 1_700_000_000;
  url = "";

  constructor(readonly users: Record<string, MockUser>) {
    this.handlers.set("auth.test", () => ({
      ok: true,
      user_id: "UBOT",
      bot_id: "BBOT",
      team_id: "T1",
      user: "roundup",
    }));
    this.handlers.set("users.info", (params) => {
      const id = String(params.user);
      const user = this.users[id];
      if (!user) return { ok: false, error: "user_not_found" };
      return {
        ok: true,
        user: {
          id,
          name: user.name.toLowerCase().replace(/\s+/g, "."),
          real_name: user.name,
          profile: { display_name: user.name, real_name: user.name },
          is_admin: user.admin === true,
          is_owner: user.owner === true,
        },
      };
    });
    this.handlers.set("chat.postMessage", (params) => {
      if (params.channel === "CNOTIN") return { ok: false, error: "not_in_channel" };
      this.ts += 1;
      const ts = `${this.ts}.000100`;
      this.messages.set(ts, {
        channel: String(params.channel),
        ts,
        text: String(params.text ?? ""),
        blocks: (params.blocks as unknown[] | undefined) ?? [],
        threadTs: typeof params.thread_ts === "string" ? params.thread_ts : null,
      });
      return { ok: true, channel: params.channel, ts };
    });
    this.handlers.set("chat.update", (params) => {
      const message = this.messages.get(String(params.ts));
      if (!message || message.channel !== params.channel) return { ok: false, error: "message_not_found" };
      message.text = String(params.text ?? "");
      message.blocks = (params.blocks as unknown[] | undefined) ?? [];
      return { ok: true, channel: params.channel, ts: params.ts };
    });
    this.handlers.set("chat.delete", (params) => {
      const ts = String(params.ts);
      if (!this.messages.delete(ts)) return { ok: false, error: "message_not_found" };
      return { ok: true, channel: params.channel, ts };
    });
    this.handlers.set("chat.postEphemeral", () => ({ ok: true, message_ts: `${++this.ts}.000200` }));
    this.handlers.set("views.open", (params) => ({
      ok: true,
      view: { id: "V1", ...(params.view as object) },
    }));
  }

  /** Someone deletes a message in Slack. */
  deleteMessage(ts: string): void {
    this.messages.delete(ts);
  }

  /** The messages in `channel` still there, oldest first. */
  messagesIn(channel: string): PostedMessage[] {
    return [...this.messages.values()].filter((m) => m.channel === channel);
  }

  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      const params = parseApiBody(String(req.headers["content-type"] ?? ""), body);
      const auth = req.headers.authorization;
      this.calls.push({ method, params, token: auth ? auth.replace(/^Bearer /, "") : null });
      const handler = this.handlers.get(method);
      const result = handler ? await handler(params) : { ok: false, error: "unknown_method" };
      if (res.destroyed) return;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(result));
    });
    this.url = `${await listenLoopback(this.server)}/api/`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }
}

export interface ResponsePost {
  id: string;
  body: {
    text?: string;
    blocks?: unknown[];
    response_type?: string;
    replace_original?: boolean;
  };
}

/** Where `response_url`s point: records what `respond()` sends, per URL. */
export class ResponseCatcher {
  readonly posts: ResponsePost[] = [];
  private server: Server | undefined;
  private base = "";
  private next = 0;

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      const id = (req.url ?? "").replace(/^\/r\//, "");
      this.posts.push({ id, body: body ? JSON.parse(body) : {} });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
    this.base = await listenLoopback(this.server);
  }

  /** A fresh response URL and its id. */
  url(): { id: string; url: string } {
    this.next += 1;
    const id = String(this.next);
    return { id, url: `${this.base}/r/${id}` };
  }

  postsTo(id: string): ResponsePost["body"][] {
    return this.posts.filter((p) => p.id === id).map((p) => p.body);
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }
}
