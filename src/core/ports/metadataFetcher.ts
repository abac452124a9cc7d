/** What a page says about itself; every field is plain text, untrusted like a user's note. */
export interface PageMetadata {
  title: string | null;
  author: string | null;
  description: string | null;
  siteName: string | null;
  /** The page's canonical URL, when it names one on the same site. */
  canonicalUrl: string | null;
}

export type FetchOutcome =
  | { ok: true; metadata: PageMetadata }
  /** `reason` is short and safe to show the sharer: "the page took too long to answer". */
  | { ok: false; reason: string };

/** Fetches a user-supplied URL safely and reads its metadata. Never throws. */
export interface MetadataFetcher {
  fetchMetadata(url: string): Promise<FetchOutcome>;
}
