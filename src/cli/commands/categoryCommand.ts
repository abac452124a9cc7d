import {
  addCategory,
  archiveCategory,
  listCategories,
  moveCategory,
  removeCategory,
  renameCategory,
} from "../../core/categories/manageCategories.js";
import { requireWorkspace } from "../../core/workspace.js";
import { expectPositionals, parse, stringValue, UsageError } from "../args.js";
import type { CliCommand } from "../context.js";
import { categoryLine } from "../format.js";

const usage = `Usage: roundup category <action> ...

  category list [--all] [--json]           the roundup's sections, in order (--all: with archived)
  category add <name> [--emoji E]          add a section at the end
  category rename <name> <new name>        rename, keeping its links
  category move <name> <position>          move to a position, 1 = first
  category archive|unarchive <name>        hide from new links, keep in past roundups
  category remove <name>                   delete; its links move to "Other"

Names match case-insensitively, by slug or by an unambiguous prefix.
Example: npm run -s cli -- category add "Talks & Videos" --emoji 🎬`;

export const categoryCommand: CliCommand = {
  name: "category",
  summary: "add, rename, move, archive, remove or list categories",
  usage,
  run(context, args) {
    const [action, ...rest] = args;
    const deps = { store: context.store, clock: context.clock };
    const workspace = context.workspace;
    switch (action) {
      case "list": {
        const parsed = parse(rest, { all: { type: "boolean" }, json: { type: "boolean" } }, usage);
        expectPositionals(parsed, [], usage);
        const categories = listCategories(deps, {
          workspace: requireWorkspace(context.store, workspace),
          includeArchived: parsed.values.all === true,
        });
        if (parsed.values.json) {
          context.out(
            JSON.stringify(
              categories.map(({ id, name, slug, emoji, position, archived }) => ({
                id,
                name,
                slug,
                emoji,
                position,
                archived,
              })),
              null,
              2,
            ),
          );
        } else {
          context.out(categories.map(categoryLine).join("\n") || "No categories.");
        }
        return;
      }
      case "add": {
        const parsed = parse(rest, { emoji: { type: "string" } }, usage);
        const [name] = expectPositionals(parsed, ["<name>"], usage);
        const category = addCategory(deps, {
          workspace,
          name: name as string,
          emoji: stringValue(parsed, "emoji") ?? null,
        });
        context.out(`Added category "${category.name}" (${category.slug}).`);
        return;
      }
      case "rename": {
        const [name, newName] = expectPositionals(parse(rest, {}, usage), ["<name>", "<new name>"], usage);
        const { before, after } = renameCategory(deps, {
          workspace,
          category: name as string,
          newName: newName as string,
        });
        context.out(`Renamed "${before.name}" to "${after.name}".`);
        return;
      }
      case "move": {
        const [name, position] = expectPositionals(parse(rest, {}, usage), ["<name>", "<position>"], usage);
        if (!/^\d+$/.test(position as string))
          throw new UsageError(`"${position}" isn't a position (1, 2, ...)`, usage);
        const categories = moveCategory(deps, {
          workspace,
          category: name as string,
          position: Number(position),
        });
        context.out(categories.map(categoryLine).join("\n"));
        return;
      }
      case "archive":
      case "unarchive": {
        const [name] = expectPositionals(parse(rest, {}, usage), ["<name>"], usage);
        const category = archiveCategory(deps, {
          workspace,
          category: name as string,
          archived: action === "archive",
        });
        context.out(`${action === "archive" ? "Archived" : "Restored"} "${category.name}".`);
        return;
      }
      case "remove": {
        const [name] = expectPositionals(parse(rest, {}, usage), ["<name>"], usage);
        const { removed, linksMoved } = removeCategory(deps, { workspace, category: name as string });
        const moved = linksMoved === 1 ? "1 link moved" : `${linksMoved} links moved`;
        context.out(`Removed "${removed.name}"; ${moved} to "Other".`);
        return;
      }
      default:
        throw new UsageError(action === undefined ? "missing action" : `unknown action "${action}"`, usage);
    }
  },
};
