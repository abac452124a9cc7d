import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import { type AllowedHosts, isPublicAddress } from "./addressPolicy.js";

export interface SafeFetchOptions {
  allowedHosts: AllowedHosts;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** For tests: how names resolve. Defaults to the system resolver. */
  resolve?: typeof dnsLookup;
}

export type SafeFetchResult =
  | { ok: true; url: URL; status: number; contentType: string; body: Buffer; truncated: boolean }
  | { ok: false; reason: string };

export const DEFAULT_USER_AGENT =
  "Mozilla/5.0 (compatible; RoundupBot/0.1; +link previews for a team reading list)";

/** Why a fetch stopped, in words fit for the person who shared the link. */
class FetchRefused extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/**
 * A DNS lookup that refuses the whole name if any address it resolves to is not public, and hands
 * the checked address to the socket, so nothing can re-resolve (rebind) it in between.
 */
function guardedLookup(allowed: boolean, resolve: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as unknown as LookupAddress[];
      if (list.length === 0) return callback(new FetchRefused("its address could not be found"), "", 4);
      if (!allowed && list.some((a) => !isPublicAddress(a.address))) {
        return callback(new FetchRefused("it points into a private network"), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function decompress(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

interface Hop {
  status: number;
  location: string | undefined;
  contentType: string;
  body: Buffer;
  truncated: boolean;
}

function requestOnce(
  url: URL,
  options: Required<Omit<SafeFetchOptions, "allowedHosts">> & SafeFetchOptions,
  signal: AbortSignal,
): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const host = bareHost(url);
    const allowed = options.allowedHosts.has(host);
    if (isIP(host) !== 0 && !allowed && !isPublicAddress(host)) {
      reject(new FetchRefused("it points into a private network"));
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    let received: IncomingMessage | undefined;
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port === "" ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: {
          "user-agent": options.userAgent,
          accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
          "accept-encoding": "gzip, deflate, br",
          "accept-language": "en;q=0.9, *;q=0.5",
        },
        lookup: guardedLookup(allowed, options.resolve),
        // A fresh socket per hop: a pooled one could skip the address check.
        agent: false,
        signal,
      },
      (response) => {
        received = response;
        const status = response.statusCode ?? 0;
        const contentType = String(response.headers["content-type"] ?? "");
        if (REDIRECTS.has(status) || !isHtml(contentType) || status < 200 || status >= 300) {
          response.destroy();
          resolve({
            status,
            location: response.headers.location,
            contentType,
            body: Buffer.alloc(0),
            truncated: false,
          });
          return;
        }
        const inflater = decompress(response.headers["content-encoding"] as string | undefined);
        const stream = inflater ? response.pipe(inflater) : response;
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = (truncated: boolean) => {
          if (done) return;
          done = true;
          resolve({ status, location: undefined, contentType, body: Buffer.concat(chunks, size), truncated });
        };
        stream.on("data", (chunk: Buffer) => {
          if (done) return;
          const room = options.maxBytes - size;
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
          size += Math.min(chunk.length, room);
          // Stop at the cap whatever Content-Length claimed: the head is all we read anyway.
          if (size >= options.maxBytes) {
            finish(true);
            response.destroy();
            inflater?.destroy();
          }
        });
        stream.on("end", () => finish(false));
        stream.on("error", (error) => (done ? undefined : reject(error)));
        response.on("error", (error) => (done ? undefined : reject(error)));
      },
    );
    const connectTimer = setTimeout(() => {
      request.destroy(new FetchRefused("the site did not answer in time"));
    }, options.connectTimeoutMs);
    request.on("socket", (socket) => {
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connectTimer));
    });
    request.on("close", () => clearTimeout(connectTimer));
    request.on("error", (error) => {
      // Bytes past Content-Length break the parser after the body it promised: that body still ends.
      if (received?.complete) return;
      reject(error);
    });
    request.end();
  });
}

export function isHtml(contentType: string): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  return type === "text/html" || type === "application/xhtml+xml";
}

function describe(error: unknown, signal: AbortSignal): string {
  if (error instanceof FetchRefused) return error.message;
  if (signal.aborted) return "the page took too long to load";
  const code = (error as { code?: string }).code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "its address could not be found";
  if (code === "ECONNREFUSED") return "the site refused the connection";
  if (code.startsWith("ERR_TLS") || code.includes("CERT")) return "the site's certificate isn't valid";
  return "the site could not be reached";
}

/**
 * Fetches a URL someone shared, without ever becoming a way into the network the bot runs in:
 * each connection's address is checked after resolution (IP literals included), redirects are
 * followed by hand and checked again, and time and size are capped.
 */
export async function safeFetch(input: string | URL, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const settings = {
    connectTimeoutMs: 5_000,
    totalTimeoutMs: 10_000,
    maxBytes: 1_000_000,
    maxRedirects: 3,
    userAgent: DEFAULT_USER_AGENT,
    resolve: dnsLookup,
    ...options,
  };
  const signal = AbortSignal.timeout(settings.totalTimeoutMs);
  let url = new URL(input);
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        return { ok: false, reason: "it redirects to something that isn't a web page" };
      if (url.username !== "" || url.password !== "")
        return { ok: false, reason: "it redirects to a link with a password in it" };
      const response = await requestOnce(url, settings, signal);
      if (REDIRECTS.has(response.status) && response.location) {
        if (hop >= settings.maxRedirects) return { ok: false, reason: "it redirects too many times" };
        url = new URL(response.location, url);
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        return { ok: false, reason: `the site answered ${response.status}` };
      }
      if (!isHtml(response.contentType)) {
        const type = response.contentType.split(";")[0]?.trim() || "unknown";
        return { ok: false, reason: `it isn't a web page (${type})` };
      }
      return {
        ok: true,
        url,
        status: response.status,
        contentType: response.contentType,
        body: response.body,
        truncated: response.truncated,
      };
    }
  } catch (error) {
    return { ok: false, reason: describe(error, signal) };
  }
}
