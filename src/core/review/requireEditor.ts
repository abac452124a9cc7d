import type { Actor } from "../actor.js";
import { UserError } from "../errors.js";

/** Editors of the roundup are its admins: picking, dropping and the draft's controls are theirs. */
export async function requireEditor(actor: Pick<Actor, "isAdmin">): Promise<void> {
  if (!(await actor.isAdmin())) {
    throw new UserError("review.notAdmin", "Only admins can edit the draft of the roundup.");
  }
}
