import type { RoundupDoc } from "./roundup/roundupDoc.js";
import type {
  AdminEntry,
  Category,
  Link,
  NewLink,
  Recommendation,
  RoundupRun,
  RunStatus,
  Schedule,
  Settings,
  WorkspaceKey,
} from "./types.js";

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

/** Time, injected so tests and back-fills can say what "now" is. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

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
  insertOrGet(link: NewLink): { link: Link; created: boolean };
  /** The link whose normalized or canonical URL is `key`. */
  findByKey(workspace: WorkspaceKey, key: string): Link | undefined;
  addRecommendation(workspace: WorkspaceKey, id: number, recommendation: Recommendation): void;
  get(workspace: WorkspaceKey, id: number): Link | undefined;
  update(workspace: WorkspaceKey, id: number, patch: LinkPatch): Link | undefined;
  remove(workspace: WorkspaceKey, id: number): boolean;
  /** Links in the order they were shared, oldest first. */
  list(workspace: WorkspaceKey, filter?: LinkFilter): Link[];
}

export interface NewCategory {
  name: string;
  slug: string;
  emoji: string | null;
}

export interface CategoryStore {
  /** Ordered by position; archived ones only when asked. */
  list(workspace: WorkspaceKey, options?: { includeArchived?: boolean }): Category[];
  /** Appends at the end. Throws `UserError("category.exists")` when the slug is taken. */
  insert(workspace: WorkspaceKey, category: NewCategory): Category;
  update(workspace: WorkspaceKey, id: number, patch: Partial<NewCategory & { archived: boolean }>): Category;
  /** Deletes the category; its links become uncategorized ("Other"). Returns how many links moved. */
  remove(workspace: WorkspaceKey, id: number): number;
  /** Saves the given order: `ids[0]` first. */
  reorder(workspace: WorkspaceKey, ids: number[]): void;
}

export interface SettingsStore {
  get(workspace: WorkspaceKey): Settings;
  setChannel(workspace: WorkspaceKey, channelId: string | null): void;
  setSchedule(workspace: WorkspaceKey, schedule: Schedule): void;
  setTitleTemplate(workspace: WorkspaceKey, template: string): void;
  setIntro(workspace: WorkspaceKey, intro: string | null): void;
  addAdmin(workspace: WorkspaceKey, admin: AdminEntry): void;
  removeAdmin(workspace: WorkspaceKey, admin: AdminEntry): boolean;
  setQuietMonthNote(workspace: WorkspaceKey, enabled: boolean): void;
  setNextDue(workspace: WorkspaceKey, due: { period: string; at: number } | null): void;
  setAdminNotice(workspace: WorkspaceKey, notice: string | null): void;
  /**
   * Workspaces of `platforms` ("discord", "slack") whose next roundup is due at or before `now`, most
   * overdue first (an indexed query). Those of other platforms wait for a process that can post them.
   */
  due(now: number, limit: number, platforms: readonly string[]): DueWorkspace[];
}

/** How a post was asked for: the schedule, an admin (resumes a failed one), or an admin on purpose again. */
export type ClaimMode = "scheduled" | "manual" | "force";

/**
 * The roundup ledger: one row per (workspace, period), claimed atomically across processes before
 * anything is posted, so a period is posted at most once whatever crashes or races.
 */
export interface RoundupRunStore {
  /**
   * Claims the period for `owner` until `leaseUntil`. Succeeds for a new period, for one whose
   * previous claim's lease expired mid-post (keeping the messages already posted), for a failed one
   * when asked by hand, and for any finished one with `force` (starting over). Otherwise null.
   */
  claim(input: {
    workspace: WorkspaceKey;
    period: string;
    owner: string;
    now: number;
    leaseUntil: number;
    mode: ClaimMode;
  }): RoundupRun | null;
  /** Adds a posted message's id and extends the lease; false when the claim was lost meanwhile. */
  recordMessage(runId: number, owner: string, messageId: string, leaseUntil: number, now: number): boolean;
  finish(
    runId: number,
    owner: string,
    status: Exclude<RunStatus, "posting">,
    error: string | null,
    now: number,
  ): void;
  /** Records a period the scheduler will not post (e.g. too late), unless it has a row already. */
  recordSkipped(workspace: WorkspaceKey, period: string, reason: string, now: number): void;
  get(workspace: WorkspaceKey, period: string): RoundupRun | undefined;
  /** The most recently updated run of a workspace. */
  latest(workspace: WorkspaceKey): RoundupRun | undefined;
}

/**
 * Puts a roundup in a chat channel; each platform adapter provides one. `plan` must be deterministic
 * (the same document gives the same messages) so a post interrupted half-way resumes where it stopped.
 */
export interface RoundupPublisher<Message = unknown> {
  plan(doc: RoundupDoc): Message[];
  /**
   * Posts one message and returns its platform id. `key` is unique per workspace, period and part;
   * a platform with idempotency keys (Discord's nonce) uses it so a retried send is never doubled.
   * Throws a `PublishError` for what retrying cannot fix.
   */
  send(channelId: string, message: Message, key: string): Promise<string>;
  /**
   * Optional: the id of a message already posted with `key`, or null. A process that died between a
   * send and recording it leaves one such message; a resumed post asks before sending it again.
   */
  findSent?(channelId: string, key: string): Promise<string | null>;
}

/** A post that failed for a reason retrying will not fix: a missing permission, a deleted channel. */
export class PublishError extends Error {
  override readonly name = "PublishError";

  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface DueWorkspace {
  workspace: WorkspaceKey;
  period: string;
  at: number;
}

export interface WorkspaceStore {
  /**
   * Makes sure the workspace exists; the first time, seeds it with `defaultCategories`
   * in one transaction. Returns true when it was created by this call.
   */
  ensure(workspace: WorkspaceKey, defaultCategories: NewCategory[]): boolean;
  /** Whether the workspace was ever created (by a link, a category or a setting). */
  exists(workspace: WorkspaceKey): boolean;
}

/** Everything the core reads and writes. */
export interface Store {
  workspaces: WorkspaceStore;
  links: LinkStore;
  categories: CategoryStore;
  settings: SettingsStore;
  runs: RoundupRunStore;
  requestLog: RequestLogStore;
  /** Runs `work` atomically; nested calls join the outer transaction. */
  transaction<T>(work: () => T): T;
  close(): void;
}

/**
 * Signed requests already taken, shared by every process on the database, so the same request sent
 * again (a replay) is refused wherever it arrives.
 */
export interface RequestLogStore {
  /**
   * Remembers `signature` until `expiresAt` (epoch ms). False when it is remembered already: the
   * request was taken before. Now and then forgets the ones expired at `now`.
   */
  remember(signature: string, expiresAt: number, now: number): boolean;
}
