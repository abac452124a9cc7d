/**
 * The core bound to one store: what a face (Discord, Slack, the command line, a web page) gets instead
 * of a `Store`. Each use case decides and answers with data; the face words it.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { BackgroundWork } from "./background/backgroundWork.js";
import {
  addCategory,
  archiveCategory,
  categoriesForNewLink,
  listCategories,
  moveCategory,
  removeCategory,
  renameCategory,
} from "./categories/manageCategories.js";
import { UserError } from "./errors.js";
import { addLink } from "./links/addLink.js";
import { enrichLink } from "./links/enrichLink.js";
import { editLinkAs, listLinks, removeLinkAs } from "./links/manageLinks.js";
import { voteLink } from "./links/voteLink.js";
import type { Clock } from "./ports/clock.js";
import type { DraftBoard } from "./ports/draftBoard.js";
import type { Logger } from "./ports/logger.js";
import type { MetadataFetcher } from "./ports/metadataFetcher.js";
import type { RoundupPublisher } from "./ports/publisher.js";
import type { Store } from "./ports/store.js";
import { curateLink } from "./review/curateLink.js";
import { holdRoundup, postReviewedNow } from "./review/reviewActions.js";
import { currentDraft, draftChanged, showDraft } from "./review/showDraft.js";
import { archiveRoundups } from "./roundup/archiveRoundups.js";
import { buildRoundup } from "./roundup/buildRoundup.js";
import { type RequestPostInput, requestRoundupPost } from "./roundup/requestRoundupPost.js";
import { AdminNotices } from "./settings/adminNotices.js";
import { archiveUrl, findArchive, setArchive } from "./settings/archive.js";
import { setOrder, setPicks, setReview } from "./settings/editorialSettings.js";
import {
  addAdmin,
  configSummary,
  getSettings,
  removeAdmin,
  setChannel,
  setIntro,
  setQuietMonthNote,
  setSchedule,
  setTitleTemplate,
} from "./settings/manageSettings.js";
import { periodOf } from "./time/period.js";
import type { ArchiveSettings } from "./types.js";
import { numberCategories } from "./views/categoryView.js";
import { linkPage } from "./views/linkPage.js";
import { settingsView } from "./views/settingsView.js";
import { type Platform, platformOf, requireWorkspace } from "./workspace.js";

export interface RoundupCoreDeps {
  store: Store;
  clock: Clock;
  /** Reads a shared page's title and author; none when fetching is off. */
  fetcher?: MetadataFetcher | undefined;
  logger: Logger;
  /**
   * By platform, who posts roundups. Shared with the scheduler by the composition root; a face that
   * makes its publisher when it starts hands it over with `usePublisher`.
   */
  publishers?: Partial<Record<string, RoundupPublisher>>;
  /** This process's name in the roundup ledger; one is made up when unset. */
  owner?: string;
  /** PUBLIC_URL: where the web archive is served, the base of every address it gives out. */
  publicUrl?: string | null;
  /** By platform, where review drafts are shown; shared with the scheduler like `publishers`. */
  boards?: Partial<Record<string, DraftBoard>>;
}

/** A name for this process in the roundup ledger: unique per running process. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function createRoundupCore(deps: RoundupCoreDeps) {
  const publishers = deps.publishers ?? {};
  const boards = deps.boards ?? {};
  const bound = { ...deps, publishers, boards, owner: deps.owner ?? processOwner() };
  /** Redraws that follow a share: the person is answered first, the draft catches up. */
  const redraws = new BackgroundWork(deps.logger);
  /** After a change to a link: its month's draft, if one is out, shows it. */
  const redraw = async (workspace: string, link: { sharedAt: number }) => {
    if (!boards[platformOf(workspace)]) return;
    const { timeZone } = (await deps.store.settings.get(workspace)).schedule;
    await draftChanged(bound, { workspace, period: periodOf(link.sharedAt, timeZone) });
  };
  /** `redraw` after the person has been answered, when this process shows drafts on their platform. */
  const redrawLater = (workspace: string, link: { id: number; sharedAt: number }) => {
    if (!boards[platformOf(workspace)]) return;
    void redraws.run("redraw draft", { workspace, link: link.id }, () => redraw(workspace, link));
  };
  /** A use case `(deps, input)` as `(input)`, on this store. */
  const bind =
    <I, O>(useCase: (deps: typeof bound, input: I) => O) =>
    (input: I): O =>
      useCase(bound, input);
  const { store, fetcher } = deps;
  return {
    clock: deps.clock,
    /** Whether shared pages are read for their title and author (then `enrichLink` works). */
    fetches: fetcher !== undefined,
    /** Posts to `platform` from now on (the Discord adapter's publisher exists once its client does). */
    usePublisher(platform: Platform, publisher: RoundupPublisher): void {
      publishers[platform] = publisher;
    },
    /** Shows review drafts on `platform` from now on (with its publisher, when its client exists). */
    useBoard(platform: Platform, board: DraftBoard): void {
      boards[platform] = board;
    },
    /** Waits for draft redraws started after shares, at most `timeoutMs`. */
    settle: (timeoutMs: number) => redraws.drain(timeoutMs),

    // Links
    /** Shares a link; a draft of its month that is out is redrawn afterwards, in the background. */
    addLink: async (input: Parameters<typeof addLink>[1]) => {
      const result = await addLink(bound, input);
      redrawLater(input.workspace, result.link);
      return result;
    },
    /** Reads the link's page; only when `fetches`. */
    enrichLink: async (input: Parameters<typeof enrichLink>[1]) => {
      if (!fetcher) throw new UserError("fetch.off", "Reading pages is turned off here.");
      const result = await enrichLink({ store, fetcher }, input);
      // The page's title (or the twin it was folded into) shows in its month's draft, if one is out.
      if (result.status === "enriched" || result.status === "merged")
        redrawLater(input.workspace, result.link);
      return result;
    },
    /** Edits a link (note, category...); its month's draft, if out, shows the change. */
    editLink: async (input: Parameters<typeof editLinkAs>[1]) => {
      const link = await editLinkAs(bound, input);
      await redraw(input.workspace, link);
      return link;
    },
    /** Drops, restores, picks or unpicks a link (editors only); its month's draft shows it. */
    curateLink: async (input: Parameters<typeof curateLink>[1]) => {
      const outcome = await curateLink(bound, input);
      if (outcome.kind === "changed")
        await draftChanged(bound, { workspace: input.workspace, period: outcome.period });
      return outcome;
    },
    /** A member's +1; its month's draft shows the count. */
    voteLink: async (input: Parameters<typeof voteLink>[1]) => {
      const outcome = await voteLink(bound, input);
      if (outcome.kind === "voted")
        await draftChanged(bound, { workspace: input.workspace, period: outcome.period });
      return outcome;
    },
    /** Removes a link; its month's draft, if out, loses it. */
    removeLink: async (input: Parameters<typeof removeLinkAs>[1]) => {
      const link = await removeLinkAs(bound, input);
      await redraw(input.workspace, link);
      return link;
    },
    listLinks: bind(listLinks),
    /** A page of links with what a face says about it (month, category, more to come, time zone). */
    linkPage: bind(linkPage),

    // Categories
    listCategories: bind(listCategories),
    /** The open categories for a form about to add a link (their ids are real: the workspace is made). */
    categoriesForNewLink: bind(categoriesForNewLink),
    addCategory: bind(addCategory),
    renameCategory: bind(renameCategory),
    /** Every category, archived ones too, numbered as `moveCategory` takes them. */
    numberedCategories: async (input: { workspace: string }) =>
      numberCategories(await listCategories(bound, { ...input, includeArchived: true })),
    /** Moves a category; answers with the new order, numbered. */
    moveCategory: async (input: Parameters<typeof moveCategory>[1]) =>
      numberCategories(await moveCategory(bound, input)),
    archiveCategory: bind(archiveCategory),
    removeCategory: bind(removeCategory),

    // Settings
    getSettings: bind(getSettings),
    configSummary: bind(configSummary),
    /** What `config show` shows: the settings, the next and the last roundup, what is late. */
    settingsView: bind(settingsView),
    setChannel: bind(setChannel),
    setSchedule: bind(setSchedule),
    setTitleTemplate: bind(setTitleTemplate),
    setIntro: bind(setIntro),
    setQuietMonthNote: bind(setQuietMonthNote),
    /** Links within a section by sharing order or by votes. */
    setOrder: bind(setOrder),
    /** The picks section's title and emoji. */
    setPicks: bind(setPicks),
    /** The review draft: how many days ahead, and in which channel (0 days: off). */
    setReview: bind(setReview),
    addAdmin: bind(addAdmin),
    /** Turns the web archive off, private or public (see `setArchive`). */
    setArchive: bind(setArchive),
    /** The archive's address under PUBLIC_URL, ending in "/"; null when off or PUBLIC_URL is unset. */
    archiveUrl: (archive: ArchiveSettings) => archiveUrl(deps.publicUrl, archive),
    /** The workspace an archive address leads to, if any. */
    findArchive: bind(findArchive),
    removeAdmin: bind(removeAdmin),
    /**
     * Remembers a signed request until `expiresAt` (epoch ms); false when it was taken before (a replay),
     * by this process or another on the same database.
     */
    rememberRequest: (signature: string, expiresAt: number) =>
      store.requestLog.remember(signature, expiresAt, deps.clock.now()),
    /** The workspace key, if the workspace exists (has been used); a `UserError` otherwise. */
    requireWorkspace: (workspace: string) => requireWorkspace(store, workspace),

    // Roundups
    buildRoundup: bind(buildRoundup),
    /** Every completed month with links, newest first: what the web archive publishes. */
    archiveRoundups: bind(archiveRoundups),
    requestRoundupPost: (input: RequestPostInput) => requestRoundupPost(bound, input),

    // Review
    /** Holds the reviewed roundup past its due time, or releases it; editors only. */
    holdRoundup: bind(holdRoundup),
    /** Posts the reviewed roundup at once through the ledger; editors only. */
    postReviewedNow: bind(postReviewedNow),
    /** Redraws a period's draft from the database (after a restart, or when a message was deleted). */
    showDraft: bind(showDraft),
    /** The draft as it stands (every link, its section and marks, the open categories). */
    currentDraft: bind(currentDraft),
    /** The scheduler's notices for admins, handed over on their next command. */
    notices: new AdminNotices(deps),
  };
}

export type RoundupCore = ReturnType<typeof createRoundupCore>;
