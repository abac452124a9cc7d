import type { Link } from "../types.js";

/**
 * The people who recommend a link besides its sharer: everyone who gave it a +1 or shared the same
 * page again, each counted once. Sharing what someone already shared is a vote too.
 */
export function supportersOf(link: Pick<Link, "sharedById" | "votes" | "recommendations">): Set<string> {
  const people = new Set<string>();
  for (const vote of link.votes) people.add(vote.userId);
  for (const share of link.recommendations) people.add(share.userId);
  people.delete(link.sharedById);
  return people;
}

/** How many people recommend a link besides its sharer (see `supportersOf`). */
export function voteCount(link: Pick<Link, "sharedById" | "votes" | "recommendations">): number {
  return supportersOf(link).size;
}
