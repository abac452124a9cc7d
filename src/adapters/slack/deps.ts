import { type Actor, actorOf } from "../../core/actor.js";
import type { BackgroundWork } from "../../core/background/backgroundWork.js";
import type { RoundupCore } from "../../core/roundupCore.js";
import { isAdmin } from "../../core/settings/manageSettings.js";
import type { Logger } from "../../logger.js";
import type { Interaction } from "./interaction.js";
import type { People } from "./people.js";

/** What every Slack handler gets. */
export interface SlackDeps {
  /**
   * The use cases, bound to the store: the adapter holds no store. When it reads pages
   * (`core.fetches`), a new link's page is read after the answer and the confirmation updated.
   */
  core: RoundupCore;
  logger: Logger;
  people: People;
  /** Follow-up work (page lookups, roundup posts); drained on stop. */
  inFlight: BackgroundWork;
  /** How long a handler may work before Slack gets an empty acknowledgement; tests shorten it. */
  ackBudgetMs?: number;
}

/** Workspace admins and owners, plus people an admin added with `/read config admins add`. */
async function checkAdmin(deps: SlackDeps, ix: Interaction): Promise<boolean> {
  const settings = await deps.core.getSettings({ workspace: ix.workspace });
  // An added admin costs no users.info call.
  if (isAdmin(settings, { userId: ix.userId, platformAdmin: false })) return true;
  const platformAdmin = await deps.people.isPlatformAdmin(ix.client, ix.teamId, ix.userId);
  return isAdmin(settings, { userId: ix.userId, platformAdmin });
}

const actors = new WeakMap<Interaction, Actor>();

/**
 * The person asking, as the core's use cases take them; whether they are an admin is looked up at most
 * once, and only when a use case asks. The name is their handle: the name a roundup credits is looked
 * up (`sharerName`) only when a link is added.
 */
export function actorOfIx(deps: SlackDeps, ix: Interaction): Actor {
  let actor = actors.get(ix);
  if (!actor) {
    actor = actorOf({
      userId: ix.userId,
      name: ix.userName || ix.userId,
      isAdmin: () => checkAdmin(deps, ix),
    });
    actors.set(ix, actor);
  }
  return actor;
}

/** The name the roundup credits for this person. */
export function sharerName(deps: SlackDeps, ix: Interaction): Promise<string> {
  return deps.people.displayName(ix.client, ix.teamId, ix.userId, ix.userName || ix.userId);
}
