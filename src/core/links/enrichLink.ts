import type { LinkPatch } from "../ports/linkStore.js";
import type { MetadataFetcher, PageMetadata } from "../ports/metadataFetcher.js";
import type { Store } from "../ports/store.js";
import { sanitizeText } from "../text/sanitizeText.js";
import type { Link } from "../types.js";
import { assertWorkspaceKey } from "../workspace.js";
import { recordRepeatShare } from "./recordRepeatShare.js";
import { normalizeUrl } from "./url.js";

export interface EnrichDeps {
  store: Store;
  fetcher: MetadataFetcher;
}

export type EnrichResult =
  | { status: "enriched"; link: Link; found: (keyof LinkPatch)[] }
  /** The fetch failed or was refused: the link stays, titled by its URL. */
  | { status: "failed"; link: Link; reason: string }
  /**
   * The page's canonical URL showed it is a link the workspace already had: the new entry was folded
   * into that one (the sharer's note kept as a recommendation) and `removedId` no longer exists.
   */
  | { status: "merged"; link: Link; removedId: number; noteKept: boolean }
  /** The link was removed before its page came back. */
  | { status: "gone" };

/** What a page says is as untrusted as what people type, whichever fetcher read it. */
function sanitizePage(page: PageMetadata): PageMetadata {
  const clean = (value: string | null) => (value === null ? null : sanitizeText(value).trim() || null);
  return {
    ...page,
    title: clean(page.title),
    author: clean(page.author),
    description: clean(page.description),
    siteName: clean(page.siteName),
  };
}

/** Only empty fields are filled: what the sharer typed always wins. */
function fillEmpty(link: Link, metadata: PageMetadata): LinkPatch {
  const patch: LinkPatch = {};
  if (link.title === null && metadata.title) patch.title = metadata.title;
  if (link.author === null && metadata.author) patch.author = metadata.author;
  if (link.description === null && metadata.description) patch.description = metadata.description;
  if (link.siteName === null && metadata.siteName) patch.siteName = metadata.siteName;
  return patch;
}

function canonicalKey(canonicalUrl: string | null): string | null {
  if (!canonicalUrl) return null;
  try {
    return normalizeUrl(canonicalUrl);
  } catch {
    return null;
  }
}

/**
 * Fills in a shared link's title, author, description and site name from its page, and records the
 * page's canonical URL for spotting duplicates. Call it after the command has been answered; it can
 * take seconds.
 */
export async function enrichLink(
  { store, fetcher }: EnrichDeps,
  input: { workspace: string; linkId: number },
): Promise<EnrichResult> {
  const workspace = assertWorkspaceKey(input.workspace);
  const before = await store.links.get(workspace, input.linkId);
  if (!before) return { status: "gone" };
  const outcome = await fetcher.fetchMetadata(before.url);

  return store.transaction(async (tx): Promise<EnrichResult> => {
    // Read again: the sharer may have edited or removed the link while the page loaded.
    const current = await tx.links.get(workspace, input.linkId);
    if (!current) return { status: "gone" };
    if (!outcome.ok) return { status: "failed", link: current, reason: outcome.reason };
    const metadata = sanitizePage(outcome.metadata);

    const key = canonicalKey(metadata.canonicalUrl);
    const twin = key && key !== current.normalizedUrl ? await tx.links.findByKey(workspace, key) : undefined;
    if (twin && twin.id !== current.id) {
      const noteKept = await recordRepeatShare(tx, workspace, twin, {
        userId: current.sharedById,
        userName: current.sharedByName,
        note: current.note,
        sharedAt: current.sharedAt,
      });
      await tx.links.remove(workspace, current.id);
      const patch = fillEmpty(twin, metadata);
      const link = (await tx.links.update(workspace, twin.id, patch)) ?? twin;
      return { status: "merged", link, removedId: current.id, noteKept };
    }

    const patch = fillEmpty(current, metadata);
    const found = Object.keys(patch) as (keyof LinkPatch)[];
    if (key && key !== current.normalizedUrl && key !== current.canonicalUrl) patch.canonicalUrl = key;
    const link =
      Object.keys(patch).length > 0
        ? ((await tx.links.update(workspace, current.id, patch)) ?? current)
        : current;
    return { status: "enriched", link, found };
  });
}
