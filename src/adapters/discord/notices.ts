/**
 * The scheduler leaves the admins a notice when it could not post (no roundup channel); the next
 * command an admin runs carries it, once. Workspaces without one are remembered for a minute, so the
 * common case costs no query.
 */
import { getSettings, takeAdminNotice } from "../../core/settings/manageSettings.js";
import type { CommandContext } from "./context.js";

const QUIET_MS = 60_000;
const MAX_REMEMBERED = 10_000;

export class AdminNotices {
  private readonly quietUntil = new Map<string, number>();

  /** The notice, if there is one and this person is an admin; it is then handed over and cleared. */
  async take(ctx: CommandContext): Promise<string | null> {
    const now = ctx.deps.clock.now();
    if ((this.quietUntil.get(ctx.workspace) ?? 0) > now) return null;
    if ((await getSettings(ctx.deps, { workspace: ctx.workspace })).adminNotice === null) {
      if (this.quietUntil.size >= MAX_REMEMBERED) this.quietUntil.clear();
      this.quietUntil.set(ctx.workspace, now + QUIET_MS);
      return null;
    }
    if (!(await ctx.isAdmin())) return null;
    return takeAdminNotice(ctx.deps, { workspace: ctx.workspace });
  }
}
