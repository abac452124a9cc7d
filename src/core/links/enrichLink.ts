import type { LinkPatch, MetadataFetcher, Store } from "../ports.js";
import type { Link } from "../types.js";
import { ensureWorkspace } from "../workspace.js";

export interface EnrichDeps {
  store: Store;
  fetcher: MetadataFetcher;
}

export type EnrichResult =
  | { status: "enriched"; link: Link; found: (keyof LinkPatch)[] }
  /** The fetch failed or was refused: the link stays, titled by its URL. */
  | { status: "failed"; link: Link; reason: string }
  /** The link was removed before its page came back. */
  | { status: "gone" };

/**
 * Fills in a shared link's title, author, description and site name from its page. What the sharer
 * typed always wins: only empty fields are filled. Call it after the command has been answered;
 * it can take seconds.
 */
export async function enrichLink(
  { store, fetcher }: EnrichDeps,
  input: { workspace: string; linkId: number },
): Promise<EnrichResult> {
  const workspace = ensureWorkspace(store, input.workspace);
  const before = store.links.get(workspace, input.linkId);
  if (!before) return { status: "gone" };
  const outcome = await fetcher.fetchMetadata(before.url);
  // Read again: the sharer may have edited the link while the page loaded.
  const current = store.links.get(workspace, input.linkId);
  if (!current) return { status: "gone" };
  if (!outcome.ok) return { status: "failed", link: current, reason: outcome.reason };

  const { metadata } = outcome;
  const patch: LinkPatch = {};
  if (current.title === null && metadata.title) patch.title = metadata.title;
  if (current.author === null && metadata.author) patch.author = metadata.author;
  if (current.description === null && metadata.description) patch.description = metadata.description;
  if (current.siteName === null && metadata.siteName) patch.siteName = metadata.siteName;
  const found = Object.keys(patch) as (keyof LinkPatch)[];
  const link = found.length > 0 ? (store.links.update(workspace, current.id, patch) ?? current) : current;
  return { status: "enriched", link, found };
}
