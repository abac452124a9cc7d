/** `/read category list|add|rename|move|remove|archive|unarchive`. Anyone lists; admins change. */
import type { NumberedCategory } from "../../../../core/views/categoryView.js";
import { escapeMrkdwn } from "../../escape.js";
import type { Interaction } from "../../interaction.js";
import { type CategoryAction, splitRename } from "../../readGrammar.js";
import { section } from "../../render.js";
import type { Subcommand } from "./subcommand.js";

function categoryLines(categories: NumberedCategory[]): string {
  return categories
    .map((c) => {
      const emoji = c.emoji ? `${c.emoji} ` : "";
      const archived = c.archived ? " _(archived)_" : "";
      return `${c.number}. ${emoji}*${escapeMrkdwn(c.name)}* \`${c.slug}\`${archived}`;
    })
    .join("\n");
}

async function showList(ix: Interaction, heading: string, categories: NumberedCategory[]): Promise<void> {
  const body = categories.length > 0 ? categoryLines(categories) : "No categories yet.";
  await ix.reply({ text: heading, blocks: [section(`${heading}\n${body}`)] });
}

/** `/read category list`. */
export const categoryListCommand = {
  async run(deps, ix) {
    await showList(
      ix,
      "*Categories, in roundup order*",
      await deps.core.numberedCategories({ workspace: ix.workspace }),
    );
  },
} satisfies Subcommand<unknown>;

/** `/read category add|rename|move|remove|archive|unarchive`. */
export const categoryChangeCommand = {
  adminOnly: "change categories",
  async run(deps, ix, input) {
    const workspace = ix.workspace;
    switch (input.action) {
      case "add": {
        const category = await deps.core.addCategory({ workspace, name: input.name, emoji: input.emoji });
        await ix.reply({
          text: `:white_check_mark: Added the category *${escapeMrkdwn(category.name)}* (\`${category.slug}\`).`,
        });
        return;
      }
      case "rename": {
        const { from, to } = splitRename(
          input.words,
          await deps.core.listCategories({ workspace, includeArchived: true }),
        );
        const { before, after } = await deps.core.renameCategory({ workspace, category: from, newName: to });
        await ix.reply({
          text: `:pencil2: Renamed *${escapeMrkdwn(before.name)}* to *${escapeMrkdwn(after.name)}*; its links came along.`,
        });
        return;
      }
      case "move": {
        const categories = await deps.core.moveCategory({
          workspace,
          category: input.name,
          position: input.position,
        });
        await showList(ix, "*Moved. Categories, in roundup order*", categories);
        return;
      }
      case "remove": {
        const { removed, linksMoved } = await deps.core.removeCategory({ workspace, category: input.name });
        const moved = linksMoved === 1 ? "1 link moved" : `${linksMoved} links moved`;
        await ix.reply({
          text: `:wastebasket: Removed *${escapeMrkdwn(removed.name)}*; ${moved} to _Other_.`,
        });
        return;
      }
      case "archive":
      case "unarchive": {
        const category = await deps.core.archiveCategory({
          workspace,
          category: input.name,
          archived: input.action === "archive",
        });
        const done =
          input.action === "archive"
            ? "is archived: new links can't use it, past roundups keep it"
            : "is back in use";
        await ix.reply({ text: `*${escapeMrkdwn(category.name)}* ${done}.` });
        return;
      }
    }
  },
} satisfies Subcommand<Exclude<CategoryAction, { action: "list" }>>;
