/**
 * Sharing a link from Slack, whichever way it came (`/read add <url>`, the message shortcut, the add
 * form): the confirmation, what it needs, and the page lookup that follows the answer.
 */
import type { FirstWord } from "../../core/links/addLink.js";
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
    all ??= deps.core.listCategories({ workspace, includeArchived: true });
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
    timeZone: async () => (await deps.core.getSettings({ workspace })).schedule.timeZone,
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
  if (!deps.core.fetches) return;
  void deps.inFlight.run("enrich", { team: ix.teamId, link: link.id }, async () => {
    const result = await deps.core.enrichLink({ workspace: ix.workspace, linkId: link.id });
    if (result.status === "gone") return;
    await show(
      result.link,
      result.status === "failed" ? { state: "failed", reason: result.reason } : { state: "done" },
    );
  });
}

/**
 * Adds the link and answers with the confirmation; the page lookup follows. `categoryOrNote`: the words
 * after the URL when the first may be a category; the core decides whether it is one.
 */
export async function shareLink(
  deps: SlackDeps,
  ix: Interaction,
  input: { url: string } & ({ note: string | null } | { categoryOrNote: FirstWord }),
): Promise<void> {
  const result = await deps.core.addLink({
    workspace: ix.workspace,
    url: input.url,
    ...("categoryOrNote" in input ? { categoryOrNote: input.categoryOrNote } : { note: input.note }),
    userId: ix.userId,
    userName: await sharerName(deps, ix),
    source: "slack",
  });
  const pending = deps.core.fetches && result.status === "added";
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
