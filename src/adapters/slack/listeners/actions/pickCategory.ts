import { UserError } from "../../../../core/errors.js";
import { actorOfIx, type SlackDeps } from "../../deps.js";
import type { Interaction } from "../../interaction.js";
import { addConfirmation } from "../../messages.js";
import { confirmationContext } from "../../shareLink.js";

/** A category button on a confirmation: files the link there and updates the confirmation. */
export async function pickCategory(deps: SlackDeps, ix: Interaction, value: string): Promise<void> {
  let parsed: { link?: unknown; category?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    parsed = {};
  }
  if (typeof parsed.link !== "number" || typeof parsed.category !== "number") {
    throw new UserError("action.invalid", "That button is out of date; use /read edit instead.");
  }
  const link = await deps.core.editLink({
    workspace: ix.workspace,
    id: parsed.link,
    categoryId: parsed.category,
    actor: actorOfIx(deps, ix),
  });
  const reply = await addConfirmation(
    { status: "added", link },
    await confirmationContext(deps, ix.workspace, link),
    { state: "none" },
  );
  await ix.followUp({ ...reply, replaceOriginal: true });
}
