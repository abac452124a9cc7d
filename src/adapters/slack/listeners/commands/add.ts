/** `/read add <url> [category] [note…]`, and `/read add` alone, which opens the add form. */
import { categoriesForNewLink } from "../../../../core/categories/manageCategories.js";
import { UserError } from "../../../../core/errors.js";
import { splitAddWords } from "../../readGrammar.js";
import { shareLink } from "../../shareLink.js";
import { addModalView } from "../views/addModal.js";
import type { Subcommand } from "./subcommand.js";

export const addCommand = {
  async run(deps, ix, input) {
    const { candidate, noteAfter, noteAll } = splitAddWords(input.rest);
    if (candidate === null) await shareLink(deps, ix, { url: input.url, category: null, note: noteAll });
    else
      await shareLink(deps, ix, {
        url: input.url,
        category: candidate,
        note: noteAfter,
        noteWithoutCategory: noteAll,
      });
  },
} satisfies Subcommand<{ url: string; rest: string }>;

/** `/read add` alone: opens the form (the trigger expires in 3 s, so this goes first). */
export const addFormCommand = {
  async run(deps, ix) {
    await ix.ack();
    if (!ix.triggerId)
      throw new UserError("modal.trigger", "Slack didn't let me open the form; try /read add <url>.");
    await ix.client.views.open({
      trigger_id: ix.triggerId,
      view: addModalView(await categoriesForNewLink(deps, { workspace: ix.workspace }), ix.channelId),
    });
  },
} satisfies Subcommand<unknown>;
