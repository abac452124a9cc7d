import { normalizeUrl } from "../core/links/url.js";
import type { Clock } from "../core/ports/clock.js";
import type { FetchOutcome, MetadataFetcher } from "../core/ports/metadataFetcher.js";
import { AllowedHosts } from "./addressPolicy.js";
import { ConcurrencyLimit } from "./concurrencyLimit.js";
import { decodeHtml } from "./decodeHtml.js";
import { extractMetadata } from "./extractMetadata.js";
import { type SafeFetchOptions, safeFetch } from "./safeFetch.js";

export interface PageMetadataFetcherOptions {
  allowPrivateHosts?: readonly string[];
  /** Fetches in flight at once, for the whole process. */
  concurrency?: number;
  cacheTtlMs?: number;
  cacheSize?: number;
  clock: Clock;
  /** Overrides for tests: timeouts, size cap, resolver. */
  fetch?: Partial<Omit<SafeFetchOptions, "allowedHosts">>;
}

const DAY = 24 * 60 * 60 * 1000;
/** A failure may be the site's bad minute (a timeout, a refused connection, a 503): ask again soon. */
const FAILURE_TTL = 5 * 60 * 1000;

/**
 * The MetadataFetcher the bot runs with: safe fetch, charset decoding and extraction, a process-wide
 * cap on concurrent fetches, and a cache per normalized URL so a popular link is fetched once a day (a
 * failed one once in five minutes).
 */
export class PageMetadataFetcher implements MetadataFetcher {
  private readonly limit: ConcurrencyLimit;
  private readonly cache = new Map<string, { expires: number; outcome: Promise<FetchOutcome> }>();
  private readonly allowedHosts: AllowedHosts;

  constructor(private readonly options: PageMetadataFetcherOptions) {
    this.limit = new ConcurrencyLimit(options.concurrency ?? 4);
    this.allowedHosts = new AllowedHosts(options.allowPrivateHosts ?? []);
  }

  fetchMetadata(url: string): Promise<FetchOutcome> {
    let key: string;
    try {
      key = normalizeUrl(url);
    } catch {
      return Promise.resolve({ ok: false, reason: "it isn't a web link" });
    }
    const now = this.options.clock.now();
    const cached = this.cache.get(key);
    if (cached && now < cached.expires) return cached.outcome;
    // The promise is cached, so a burst of shares of one link makes one request.
    const outcome = this.limit.run(() => this.load(url));
    const ttl = this.options.cacheTtlMs ?? DAY;
    const entry = { expires: now + ttl, outcome };
    const retrySoon = () => {
      entry.expires = now + Math.min(ttl, FAILURE_TTL);
    };
    outcome.then((result) => (result.ok ? undefined : retrySoon()), retrySoon);
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > (this.options.cacheSize ?? 1000)) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return outcome;
  }

  private async load(url: string): Promise<FetchOutcome> {
    const response = await safeFetch(url, { ...this.options.fetch, allowedHosts: this.allowedHosts });
    if (!response.ok) return { ok: false, reason: response.reason };
    const html = decodeHtml(response.contentType, response.body);
    return { ok: true, metadata: extractMetadata(html, response.url) };
  }
}
