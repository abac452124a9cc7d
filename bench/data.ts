/** Deterministic, realistic-looking links for the bench. */
import type { NewLink, Source } from "../src/core/types.js";

/** A small seeded PRNG (mulberry32), so every run benchmarks the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITES = [
  "github.com",
  "blog.rust-lang.org",
  "martinfowler.com",
  "jvns.ca",
  "news.ycombinator.com",
  "sqlite.org",
  "developer.mozilla.org",
  "lwn.net",
  "danluu.com",
  "simonwillison.net",
];
const WORDS = [
  "sqlite",
  "indexes",
  "postgres",
  "latency",
  "typescript",
  "compilers",
  "caching",
  "queues",
  "observability",
  "testing",
  "design",
  "rust",
  "memory",
  "concurrency",
  "networks",
  "search",
  "parsers",
  "distributed",
  "systems",
  "performance",
];
const NAMES = ["Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger", "Radia"];
const SOURCES: Source[] = ["discord", "slack", "cli"];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function words(count: number, random: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(WORDS, random));
  return out.join(" ");
}

/**
 * Link number `n` (unique across the run, which keeps URLs unique) of `workspace`.
 * `categoryIds` are the workspace's categories; about one link in six has none.
 */
export function makeLink(
  n: number,
  workspace: string,
  sharedAt: number,
  categoryIds: readonly number[],
  random: () => number,
): NewLink {
  const site = pick(SITES, random);
  const slug = words(3, random).replaceAll(" ", "-");
  const path = `/posts/${n.toString(36)}-${slug}`;
  const user = Math.floor(random() * NAMES.length);
  const hasCategory = categoryIds.length > 0 && random() < 0.85;
  return {
    workspace,
    url: `https://${site}${path}?utm_source=chat`,
    normalizedUrl: `https://${site}${path}`,
    title: random() < 0.9 ? `${words(5, random)}: a field guide` : null,
    author: random() < 0.5 ? (NAMES[(user + 3) % NAMES.length] as string) : null,
    description: random() < 0.5 ? `A long look at ${words(12, random)}.` : null,
    siteName: site,
    note: random() < 0.4 ? `Worth it for the part on ${words(6, random)}` : null,
    categoryId: hasCategory ? pick(categoryIds, random) : null,
    sharedById: `user-${user}`,
    sharedByName: NAMES[user] as string,
    sharedAt,
    source: pick(SOURCES, random),
    canonicalUrl: null,
  };
}

/** A `recommendations` column value (JSON array of one later share) for about one link in twenty. */
export function maybeRecommendations(sharedAt: number, random: () => number): string | null {
  if (random() >= 0.05) return null;
  const user = Math.floor(random() * NAMES.length);
  return JSON.stringify([
    {
      userId: `user-${user}`,
      userName: NAMES[user],
      note: `+1, ${words(4, random)}`,
      sharedAt: sharedAt + 3600_000,
    },
  ]);
}
