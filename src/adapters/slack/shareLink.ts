/**
 * Sharing a link from Slack, whichever way it came (`/read add <url>`, the message shortcut, the add
 * form): the confirmation, what it needs, and the page lookup that follows the answer.
 */
import { listCategories } from "../../core/categories/manageCategories.js";
import { isUserError } from "../../core/errors.js";
import { type AddLinkResult, addLink } from "../../core/links/addLink.js";
import { enrichLink } from "../../core/links/enrichLink.js";
import { getSettings } from "../../core/settings/manageSettings.js";
import type { Category, Link } from "../../core/types.js";
import { type SlackDeps, sharerName } from "./deps.js";
import type { Interaction } from "./interaction.js";
import { addConfirmation, type ConfirmationContext, type LookupState } from "./messages.js";

/**
 * What a confirmation of `link` may need, each read only if it is shown: adding a link with a
 * category costs no query beyond `addLink`'s own.
 */
export async function confirmationContext(
  deps: SlackDeps,
  workspace: string,
  link: Link,
  known?: { category: Category | null },
): Promise<ConfirmationContext> {
  let all: Promise<Category[]> | undefined;
  const categories = () => {
    all ??= listCategories(deps, { workspace, includeArchived: true });
    return all;
  };
  return {
    category:
      known !== undefined
        ? known.category
        : link.categoryId === null
          ? null
          : ((await categories()).find((c) => c.id === link.categoryId) ?? null),
    openCategories: async () => (await categories()).filter((c) => !c.archived),
    timeZone: async () => (await getSettings(deps, { workspace })).schedule.timeZone,
  };
}

/**
 * After the answer: reads the page, then `show`s the confirmation again with what it found, or with a
 * brief word that it could not be read.
 */
export function enrichLater(
  deps: SlackDeps,
  ix: Interaction,
  link: Link,
  show: (link: Link, lookup: LookupState) => Promise<void>,
): void {
  const { fetcher } = deps;
  if (!fetcher) return;
  deps.background.run("enrich", { team: ix.teamId, link: link.id }, async () => {
    const result = await enrichLink(
      { store: deps.store, fetcher },
      { workspace: ix.workspace, linkId: link.id },
    );
    if (result.status === "gone") return;
    await show(
      result.link,
      result.status === "failed" ? { state: "failed", reason: result.reason } : { state: "done" },
    );
  });
}

/**
 * Adds the link and answers with the confirmation; the page lookup follows. When the first word
 * after the URL may be a category, it is tried as one; if the core knows no such category, the
 * word begins the note instead (nothing is written by a refused add).
 */
export async function shareLink(
  deps: SlackDeps,
  ix: Interaction,
  input: { url: string; category: string | null; note: string | null; noteWithoutCategory?: string | null },
): Promise<void> {
  const userName = await sharerName(deps, ix);
  const add = (category: string | null, note: string | null) =>
    addLink(deps, {
      workspace: ix.workspace,
      url: input.url,
      category,
      note,
      userId: ix.userId,
      userName,
      source: "slack",
    });
  let result: AddLinkResult;
  try {
    result = await add(input.category, input.note);
  } catch (error) {
    const notACategory = isUserError(error) && error.code === "category.unknown";
    if (!(notACategory && input.noteWithoutCategory !== undefined)) throw error;
    result = await add(null, input.noteWithoutCategory);
  }
  const pending = deps.fetcher !== undefined && result.status === "added";
  await ix.reply(
    await addConfirmation(
      result,
      await confirmationContext(deps, ix.workspace, result.link, { category: result.category }),
      pending ? { state: "pending" } : { state: "none" },
    ),
  );
  if (pending) {
    enrichLater(deps, ix, result.link, async (link, lookup) => {
      const reply = await addConfirmation(
        { status: "added", link },
        await confirmationContext(deps, ix.workspace, link),
        lookup,
      );
      await ix.followUp({ ...reply, replaceOriginal: true });
    });
  }
}
