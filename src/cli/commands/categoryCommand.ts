import { expectPositionals, PROGRAM, parse, stringValue, UsageError } from "../args.js";
import type { CliCommand } from "../context.js";
import { categoryJson, categoryLine } from "../format.js";

const usage = `Usage: ${PROGRAM} category <action> ...

  category list [--all] [--json]           the roundup's sections, in order (--all: with archived)
  category add <name> [--emoji E]          add a section at the end
  category rename <name> <new name>        rename, keeping its links
  category move <name> <position>          move to a position, 1 = first
  category archive|unarchive <name>        hide from new links, keep in past roundups
  category remove <name>                   delete; its links move to "Other"

Names match case-insensitively, by slug or by an unambiguous prefix.
Example: ${PROGRAM} category add "Talks & Videos" --emoji 🎬`;

const listOptions = { all: { type: "boolean" }, json: { type: "boolean" } } as const;
const addOptions = { emoji: { type: "string" } } as const;

export const categoryCommand: CliCommand = {
  name: "category",
  summary: "add, rename, move, archive, remove or list categories",
  usage,
  options: { ...listOptions, ...addOptions },
  async run(context, args) {
    const [action, ...rest] = args;
    const { core } = context;
    const workspace = context.workspace;
    switch (action) {
      case "list": {
        const parsed = parse(rest, listOptions, usage);
        expectPositionals(parsed, [], usage);
        // Numbered by the core in the whole roundup order, archived ones counted, as `category move` counts them.
        const categories = await core.numberedCategories({
          workspace: await core.requireWorkspace(workspace),
        });
        const numbered = categories
          .filter((category) => parsed.values.all === true || !category.archived)
          .map((category) => ({ category, position: category.number }));
        if (parsed.values.json) {
          context.out(
            JSON.stringify(
              numbered.map(({ category, position }) => categoryJson(category, position)),
              null,
              2,
            ),
          );
        } else {
          const lines = numbered.map(({ category, position }) => categoryLine(category, position));
          context.out(lines.join("\n") || "No categories.");
        }
        return;
      }
      case "add": {
        const parsed = parse(rest, addOptions, usage);
        const [name] = expectPositionals(parsed, ["<name>"], usage);
        const category = await core.addCategory({
          workspace,
          name: name as string,
          emoji: stringValue(parsed, "emoji") ?? null,
        });
        context.out(`Added category "${category.name}" (${category.slug}).`);
        return;
      }
      case "rename": {
        const [name, newName] = expectPositionals(parse(rest, {}, usage), ["<name>", "<new name>"], usage);
        const { before, after } = await core.renameCategory({
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
        const categories = await core.moveCategory({
          workspace,
          category: name as string,
          position: Number(position),
        });
        context.out(categories.map((category) => categoryLine(category, category.number)).join("\n"));
        return;
      }
      case "archive":
      case "unarchive": {
        const [name] = expectPositionals(parse(rest, {}, usage), ["<name>"], usage);
        const category = await core.archiveCategory({
          workspace,
          category: name as string,
          archived: action === "archive",
        });
        context.out(`${action === "archive" ? "Archived" : "Restored"} "${category.name}".`);
        return;
      }
      case "remove": {
        const [name] = expectPositionals(parse(rest, {}, usage), ["<name>"], usage);
        const { removed, linksMoved } = await core.removeCategory({ workspace, category: name as string });
        const moved = linksMoved === 1 ? "1 link moved" : `${linksMoved} links moved`;
        context.out(`Removed "${removed.name}"; ${moved} to "Other".`);
        return;
      }
      default:
        throw new UsageError(action === undefined ? "missing action" : `unknown action "${action}"`, usage);
    }
  },
};
