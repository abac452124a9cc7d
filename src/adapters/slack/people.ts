/**
 * Who someone is, from `users.info`: the name the roundup credits and whether they are a workspace
 * admin or owner. Cached for a few minutes, and never allowed to hold up an answer to Slack: a lookup
 * that takes too long counts as unknown now and fills the cache when it lands.
 */
import type { WebClient } from "@slack/web-api";
import type { Clock } from "../../core/ports/clock.js";
import type { Logger } from "../../logger.js";

interface Person {
  /** Display name, else real name, else handle; null when Slack gave none. */
  name: string | null;
  /** A workspace admin or owner. */
  platformAdmin: boolean;
}

interface Entry {
  expires: number;
  person: Promise<Person | null>;
  /** Set once the lookup has landed, so a cached answer costs no timer or promise race. */
  settled?: { person: Person | null };
}

export class People {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly options: { ttlMs?: number; failureTtlMs?: number; timeoutMs?: number } = {},
  ) {}

  private fetch(client: WebClient, teamId: string, userId: string): Promise<Person | null> {
    const key = `${teamId}:${userId}`;
    const now = this.clock.now();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) return cached.person;
    const entry: Entry = {
      expires: now + (this.options.ttlMs ?? 5 * 60_000),
      person: client.users
        .info({ user: userId })
        .then((result) => {
          const user = result.user;
          if (!user) return null;
          const name =
            user.profile?.display_name || user.real_name || user.profile?.real_name || user.name || null;
          const person: Person = {
            name: name ? name.trim() || null : null,
            platformAdmin: user.is_admin === true || user.is_owner === true || user.is_primary_owner === true,
          };
          entry.settled = { person };
          return person;
        })
        .catch((error: unknown) => {
          this.logger.warn({ err: error, team: teamId, user: userId }, "users.info failed");
          entry.expires = this.clock.now() + (this.options.failureTtlMs ?? 30_000);
          return null;
        }),
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, entry);
    return entry.person;
  }

  /** The person, or null when Slack could not say in time. */
  private async lookup(client: WebClient, teamId: string, userId: string): Promise<Person | null> {
    const cached = this.cache.get(`${teamId}:${userId}`);
    if (cached?.settled && cached.expires > this.clock.now()) return cached.settled.person;
    const person = this.fetch(client, teamId, userId);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.options.timeoutMs ?? 1_500);
    });
    try {
      return await Promise.race([person, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async displayName(client: WebClient, teamId: string, userId: string, fallback: string): Promise<string> {
    return (await this.lookup(client, teamId, userId))?.name ?? fallback;
  }

  async isPlatformAdmin(client: WebClient, teamId: string, userId: string): Promise<boolean> {
    return (await this.lookup(client, teamId, userId))?.platformAdmin ?? false;
  }
}
