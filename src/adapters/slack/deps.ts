import type { Clock } from "../../core/ports/clock.js";
import type { MetadataFetcher } from "../../core/ports/metadataFetcher.js";
import type { RoundupPublisher } from "../../core/ports/publisher.js";
import type { Store } from "../../core/ports/store.js";
import { getSettings, isAdmin } from "../../core/settings/manageSettings.js";
import type { Logger } from "../../logger.js";
import type { Background } from "./background.js";
import type { Interaction } from "./interaction.js";
import type { AdminNotices } from "./notices.js";
import type { People } from "./people.js";
import type { SlackMessage } from "./render.js";

/** What every Slack handler gets. */
export interface SlackDeps {
  store: Store;
  clock: Clock;
  /** When set, a new link's page is read after the answer and the confirmation updated. */
  fetcher: MetadataFetcher | undefined;
  logger: Logger;
  people: People;
  /** Posts roundups through the core's ledger (`postRoundup`), like the scheduler does. */
  publisher: RoundupPublisher<SlackMessage>;
  /** This process's name in the roundup ledger. */
  owner: string;
  background: Background;
  notices: AdminNotices;
  /** How long a handler may work before Slack gets an empty acknowledgement; tests shorten it. */
  ackBudgetMs?: number;
}

/** Workspace admins and owners, plus people an admin added with `/read config admins add`. */
export async function checkAdmin(deps: SlackDeps, ix: Interaction): Promise<boolean> {
  const settings = await getSettings(deps, { workspace: ix.workspace });
  if (isAdmin(settings, { userId: ix.userId, platformAdmin: false })) return true;
  const platformAdmin = await deps.people.isPlatformAdmin(ix.client, ix.teamId, ix.userId);
  return isAdmin(settings, { userId: ix.userId, platformAdmin });
}

/** The name the roundup credits for this person. */
export function sharerName(deps: SlackDeps, ix: Interaction): Promise<string> {
  return deps.people.displayName(ix.client, ix.teamId, ix.userId, ix.userName || ix.userId);
}
