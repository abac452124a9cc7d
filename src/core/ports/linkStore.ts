import type { Curation, Link, NewLink, Recommendation, Vote, WorkspaceKey } from "../types.js";

export interface LinkFilter {
  /** Inclusive lower bound on `sharedAt`, epoch ms. */
  from?: number;
  /** Exclusive upper bound on `sharedAt`, epoch ms. */
  to?: number;
  /** A category id, or `null` for links with no category. */
  categoryId?: number | null;
  sharedById?: string;
  /** The sharer's display name, any case. */
  sharedByName?: string;
  /**
   * Words that must all appear in what people wrote or pages said: the title, note, author,
   * description, URL, sharer's name, or a recommendation's note or name.
   */
  search?: string;
  limit?: number;
  offset?: number;
}

export type LinkPatch = Partial<
  Pick<Link, "title" | "author" | "description" | "siteName" | "note" | "categoryId" | "canonicalUrl">
>;

/**
 * Links of every workspace. A link's id is its number within its workspace (#1, #2, ...), and every
 * method is scoped by workspace, so one team never reads or changes another's links.
 */
export interface LinkStore {
  /** Stores a link, or returns the one already stored under the same normalized (or canonical) URL. */
  insertOrGet(link: NewLink): Promise<{ link: Link; created: boolean }>;
  /** The link whose normalized or canonical URL is `key`. */
  findByKey(workspace: WorkspaceKey, key: string): Promise<Link | undefined>;
  addRecommendation(workspace: WorkspaceKey, id: number, recommendation: Recommendation): Promise<void>;
  get(workspace: WorkspaceKey, id: number): Promise<Link | undefined>;
  update(workspace: WorkspaceKey, id: number, patch: LinkPatch): Promise<Link | undefined>;
  remove(workspace: WorkspaceKey, id: number): Promise<boolean>;
  /** Sets an editor's marks (picked, dropped); the link as it is now, or undefined when there is none. */
  curate(workspace: WorkspaceKey, id: number, curation: Curation): Promise<Link | undefined>;
  /**
   * Records a +1 atomically: true when counted, false when this person had already voted for it (or
   * the link is gone). Two votes at once from different people are both kept.
   */
  addVote(workspace: WorkspaceKey, id: number, vote: Vote): Promise<boolean>;
  /** Links in the order they were shared, oldest first. */
  list(workspace: WorkspaceKey, filter?: LinkFilter): Promise<Link[]>;
}
