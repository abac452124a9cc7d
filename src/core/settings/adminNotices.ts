/**
 * The scheduler leaves the admins a notice when it could not post (no roundup channel); the next
 * command an admin runs carries it, once. Workspaces without one are remembered for a minute, so the
 * common case costs no query (and never asks whether the person is an admin).
 */
import type { Actor } from "../actor.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import { getSettings, takeAdminNotice } from "./manageSettings.js";

const QUIET_MS = 60_000;
const MAX_REMEMBERED = 10_000;

export class AdminNotices {
  private readonly quietUntil = new Map<string, number>();

  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** The notice, if there is one and `actor` is an admin; it is then handed over and cleared. */
  async take(input: { workspace: string; actor: Actor }): Promise<string | null> {
    const { deps } = this;
    const now = deps.clock.now();
    if ((this.quietUntil.get(input.workspace) ?? 0) > now) return null;
    if ((await getSettings(deps, { workspace: input.workspace })).adminNotice === null) {
      if (this.quietUntil.size >= MAX_REMEMBERED) this.quietUntil.clear();
      this.quietUntil.set(input.workspace, now + QUIET_MS);
      return null;
    }
    if (!(await input.actor.isAdmin())) return null;
    return takeAdminNotice(deps, { workspace: input.workspace });
  }
}
