/** `/read add <url> [category] [note…]`, and `/read add` alone, which opens the add form. */
import { UserError } from "../../../../core/errors.js";
import { splitAddWords } from "../../readGrammar.js";
import { shareLink } from "../../shareLink.js";
import { addModalView } from "../views/addModal.js";
import type { Subcommand } from "./subcommand.js";

export const addCommand = {
  async run(deps, ix, input) {
    // The grammar cuts the words; the core decides whether the first names a category.
    const { candidate, noteAfter, noteAll } = splitAddWords(input.rest);
    await shareLink(
      deps,
      ix,
      candidate === null
        ? { url: input.url, note: noteAll }
        : { url: input.url, categoryOrNote: { word: candidate, noteAfter, noteWithWord: noteAll } },
    );
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
      view: addModalView(await deps.core.categoriesForNewLink({ workspace: ix.workspace }), ix.channelId),
    });
  },
} satisfies Subcommand<unknown>;
