import type { Actor } from "../actor.js";
import { UserError } from "../errors.js";
import type { Store } from "../ports/store.js";
import { type Period, periodOf } from "../time/period.js";
import type { Curation, Link } from "../types.js";
import { assertWorkspaceKey } from "../workspace.js";
import { requireEditor } from "./requireEditor.js";

/** What an editor does to a link's place in its month's roundup. */
export type CurateAction = "drop" | "restore" | "pick" | "unpick";

export const CURATE_ACTIONS: readonly CurateAction[] = ["drop", "restore", "pick", "unpick"];

/** Picking puts a dropped link back; dropping takes a pick away: a link is never both. */
const CURATIONS: Record<CurateAction, Curation> = {
  drop: { dropped: true, picked: false },
  restore: { dropped: false },
  pick: { picked: true, dropped: false },
  unpick: { picked: false },
};

export interface CurateOutcome {
  /** "unchanged" when the link already was as asked (dropping a dropped link). */
  kind: "changed" | "unchanged";
  action: CurateAction;
  link: Link;
  /** The month whose roundup it belongs to, in the workspace's time zone. */
  period: Period;
}

function alreadyAsAsked(link: Link, curation: Curation): boolean {
  return (
    (curation.picked === undefined || curation.picked === link.picked) &&
    (curation.dropped === undefined || curation.dropped === link.dropped)
  );
}

/** Drops, restores, picks or unpicks a link for its month's roundup; editors (admins) only. */
export async function curateLink(
  { store }: { store: Store },
  input: { workspace: string; id: number; action: CurateAction; actor: Pick<Actor, "isAdmin"> },
): Promise<CurateOutcome> {
  const workspace = assertWorkspaceKey(input.workspace);
  await requireEditor(input.actor);
  const curation = CURATIONS[input.action];
  const link = await store.links.get(workspace, input.id);
  if (!link) throw new UserError("link.unknown", `There's no link #${input.id} here.`, { id: input.id });
  const { timeZone } = (await store.settings.get(workspace)).schedule;
  const period = periodOf(link.sharedAt, timeZone);
  if (alreadyAsAsked(link, curation)) return { kind: "unchanged", action: input.action, link, period };
  const updated = await store.links.curate(workspace, link.id, curation);
  if (!updated) throw new UserError("link.unknown", `There's no link #${input.id} here.`, { id: input.id });
  return { kind: "changed", action: input.action, link: updated, period };
}
