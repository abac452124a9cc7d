import type { Actor } from "../actor.js";
import { UserError } from "../errors.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import { type Period, periodOf } from "../time/period.js";
import type { Link } from "../types.js";
import { assertWorkspaceKey } from "../workspace.js";
import { displayName } from "./linkText.js";
import { supportersOf, voteCount } from "./supporters.js";

export type VoteOutcome =
  /** Counted: `votes` is how many people now recommend it besides its sharer. */
  | { kind: "voted"; link: Link; votes: number; period: Period }
  /** This person's +1 (or their own share of the same page) was counted before. */
  | { kind: "already"; link: Link; votes: number; period: Period }
  /** Their own link: sharing it already says they recommend it. */
  | { kind: "own"; link: Link; votes: number; period: Period };

/** A member's +1 on a link, once per person; any member may vote. */
export async function voteLink(
  { store, clock }: { store: Store; clock: Clock },
  input: { workspace: string; id: number; actor: Pick<Actor, "userId" | "name"> },
): Promise<VoteOutcome> {
  const workspace = assertWorkspaceKey(input.workspace);
  if (!Number.isSafeInteger(input.id) || input.id < 1) {
    throw new UserError("link.id", "Link numbers are whole numbers, like 42; `list` shows them.");
  }
  const link = await store.links.get(workspace, input.id);
  if (!link) throw new UserError("link.unknown", `There's no link #${input.id} here.`, { id: input.id });
  const { timeZone } = (await store.settings.get(workspace)).schedule;
  const period = periodOf(link.sharedAt, timeZone);
  const { userId } = input.actor;
  if (link.sharedById === userId) return { kind: "own", link, votes: voteCount(link), period };
  if (supportersOf(link).has(userId)) return { kind: "already", link, votes: voteCount(link), period };
  const counted = await store.links.addVote(workspace, link.id, {
    userId,
    userName: displayName(input.actor.name, userId),
    votedAt: clock.now(),
  });
  const now = (await store.links.get(workspace, link.id)) ?? link;
  return { kind: counted ? "voted" : "already", link: now, votes: voteCount(now), period };
}
