/**
 * The scheduler leaves admins a notice when it could not post (no roundup channel); the next command
 * an admin types carries it, once. Workspaces without one are remembered for a minute, so the common
 * case costs no query.
 */
import { getSettings, takeAdminNotice } from "../../core/settings/manageSettings.js";
import { checkAdmin, type SlackDeps } from "./deps.js";
import type { Interaction } from "./interaction.js";

const QUIET_MS = 60_000;

export class AdminNotices {
  private readonly quietUntil = new Map<string, number>();

  /** The notice for this person if they are an admin and there is one; it is then handed over and cleared. */
  async take(deps: SlackDeps, ix: Interaction): Promise<string | null> {
    const now = deps.clock.now();
    if ((this.quietUntil.get(ix.workspace) ?? 0) > now) return null;
    if ((await getSettings(deps, { workspace: ix.workspace })).adminNotice === null) {
      if (this.quietUntil.size > 10_000) this.quietUntil.clear();
      this.quietUntil.set(ix.workspace, now + QUIET_MS);
      return null;
    }
    if (!(await checkAdmin(deps, ix))) return null;
    return await takeAdminNotice(deps, { workspace: ix.workspace });
  }
}
