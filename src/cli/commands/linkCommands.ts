import { DateTime } from "luxon";
import { UserError } from "../../core/errors.js";
import type { EnrichResult } from "../../core/links/enrichLink.js";
import { formatLocalDate } from "../../core/time/formatLocal.js";
import { expectPositionals, linkId, PROGRAM, parse, stringValue, UsageError } from "../args.js";
import { type CliCommand, type CliContext, cliPerson, operator } from "../context.js";
import { linkJson, linkLine } from "../format.js";
import { CURATE_FLAGS, curateAction, curationSentence } from "./curation.js";

/** `--at 2026-07-15` or a full ISO timestamp; a bare date means noon in the workspace's zone. */
async function parseAt(context: CliContext, text: string): Promise<number> {
  const { timeZone } = (await context.core.getSettings({ workspace: context.workspace })).schedule;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? DateTime.fromISO(`${text}T12:00`, { zone: timeZone })
    : DateTime.fromISO(text, { zone: timeZone });
  if (!date.isValid) {
    throw new UserError(
      "date.invalid",
      `"${text}" isn't a date. Use ISO form, like 2026-07-15 or 2026-07-15T09:30Z.`,
    );
  }
  return date.toMillis();
}

function enrichmentLine(result: EnrichResult): string {
  if (result.status === "gone") return "The link was removed before its page was read.";
  if (result.status === "failed")
    return `Couldn't read the page: ${result.reason}. The link keeps its URL as its title.`;
  const { link } = result;
  if (result.status === "merged") {
    const kept = result.noteKept ? " Your note was added to it." : "";
    return `The page says it is the same as #${link.id}, shared by ${link.sharedByName}; #${result.removedId} was folded into it.${kept}`;
  }
  if (result.found.length === 0) return "Read the page; it added nothing new.";
  const by = link.author ? ` by ${link.author}` : "";
  return `Found: ${link.title ?? link.url}${by}${link.siteName ? ` (${link.siteName})` : ""}`;
}

export const addCommand: CliCommand = {
  name: "add",
  summary: "share a link",
  usage: `Usage: ${PROGRAM} add <url> [--category NAME] [--note TEXT] [--title T] [--author A] [--by NAME] [--at ISO-DATE] [--no-fetch]

Shares a link. --by names who shared it (default: you), --at back-fills a past date.
Example: ${PROGRAM} add https://example.com/post --category articles --note "Worth it"`,
  options: {
    category: { type: "string" },
    note: { type: "string" },
    title: { type: "string" },
    author: { type: "string" },
    by: { type: "string" },
    at: { type: "string" },
    fetch: { type: "boolean" },
  },
  async run(context, args) {
    const parsed = parse(args, this.options, this.usage);
    const [url] = expectPositionals(parsed, ["<url>"], this.usage);
    const by = stringValue(parsed, "by")?.trim() || context.defaultUser;
    const at = stringValue(parsed, "at");
    const result = await context.core.addLink({
      workspace: context.workspace,
      url: url as string,
      category: stringValue(parsed, "category") ?? null,
      note: stringValue(parsed, "note") ?? null,
      title: stringValue(parsed, "title") ?? null,
      author: stringValue(parsed, "author") ?? null,
      userId: cliPerson(by).userId,
      userName: by,
      source: "cli",
      ...(at !== undefined ? { at: await parseAt(context, at) } : {}),
    });
    const { link } = result;
    const where = result.category ? ` in ${result.category.name}` : "";
    if (result.status === "added") {
      context.out(`Added #${link.id}${where}: ${link.title ?? link.url}`);
      if (context.core.fetches && parsed.values.fetch !== false) {
        const enriched = await context.core.enrichLink({ workspace: context.workspace, linkId: link.id });
        context.out(enrichmentLine(enriched));
      }
    } else {
      const { timeZone } = (await context.core.getSettings({ workspace: context.workspace })).schedule;
      const when = formatLocalDate(link.sharedAt, timeZone);
      const kept = result.noteKept ? " Your note was added to it." : "";
      context.out(`Already shared: #${link.id} was shared by ${link.sharedByName} on ${when}.${kept}`);
    }
  },
};

export const listCommand: CliCommand = {
  name: "list",
  summary: "list shared links",
  usage: `Usage: ${PROGRAM} list [--month YYYY-MM] [--category NAME] [--by NAME] [--search WORDS] [--json]

Lists links, oldest first. [picked] marks a link that opens its month's roundup, [dropped] one left out
of it (edit --pick, --drop); 👍 N is how many people recommend it besides its sharer (vote).
Example: ${PROGRAM} list --month 2026-07 --json`,
  options: {
    month: { type: "string" },
    category: { type: "string" },
    by: { type: "string" },
    search: { type: "string" },
    json: { type: "boolean" },
  },
  async run(context, args) {
    const parsed = parse(args, this.options, this.usage);
    expectPositionals(parsed, [], this.usage);
    const by = stringValue(parsed, "by");
    const month = stringValue(parsed, "month");
    const category = stringValue(parsed, "category");
    const search = stringValue(parsed, "search");
    const { links, timeZone } = await context.core.linkPage({
      workspace: await context.core.requireWorkspace(context.workspace),
      ...(month !== undefined ? { month } : { allMonths: true }),
      ...(category !== undefined ? { category } : {}),
      ...(by !== undefined ? { sharedByName: by } : {}),
      ...(search !== undefined ? { search } : {}),
    });
    if (parsed.values.json) {
      context.out(JSON.stringify(links.map(linkJson), null, 2));
      return;
    }
    if (links.length === 0) {
      context.out("No links found.");
      return;
    }
    context.out(links.map((link) => linkLine(link, timeZone)).join("\n\n"));
  },
};

const EDIT_FIELDS = ["note", "title", "author", "category"] as const;

export const editCommand: CliCommand = {
  name: "edit",
  summary: "change a link's note, title, author or category; drop it from the roundup or pick it",
  usage: `Usage: ${PROGRAM} edit <id> [--note TEXT] [--title T] [--author A] [--category NAME|none]
                              [--drop | --restore | --pick | --unpick]

--drop leaves the link out of its month's roundup (it stays on the list), --restore puts it back;
--pick opens the roundup with it ("Picks of the month"), --unpick returns it to its category.
Examples: ${PROGRAM} edit 42 --category tools --note "Better than grep"
          ${PROGRAM} edit 42 --pick
          ${PROGRAM} edit 42 --drop`,
  options: {
    note: { type: "string" },
    title: { type: "string" },
    author: { type: "string" },
    category: { type: "string" },
    ...Object.fromEntries(CURATE_FLAGS.map((flag) => [flag, { type: "boolean" }] as const)),
  },
  async run(context, args) {
    const parsed = parse(args, this.options, this.usage);
    const [given] = expectPositionals(parsed, ["<id>"], this.usage);
    const action = curateAction(parsed, this.usage);
    const edits = EDIT_FIELDS.some((name) => parsed.values[name] !== undefined);
    if (!edits && action === undefined) {
      throw new UsageError(
        "say what to change: --note, --title, --author, --category, --drop, --restore, --pick or --unpick",
        this.usage,
      );
    }
    const id = linkId(given as string, this.usage);
    const { workspace } = context;
    const actor = operator(context);
    // The edit goes first: it is the one that can be refused (an unknown category, a note too long),
    // and then the mark is not made either.
    if (edits) {
      const change = (name: string) => {
        const value = stringValue(parsed, name);
        return value === undefined ? {} : { [name]: value };
      };
      const link = await context.core.editLink({
        workspace,
        id,
        actor,
        ...change("note"),
        ...change("title"),
        ...change("author"),
        ...change("category"),
      });
      context.out(
        `Updated #${link.id}: ${link.title ?? link.url}${link.categoryName ? ` (${link.categoryName})` : ""}`,
      );
    }
    if (action !== undefined) {
      const outcome = await context.core.curateLink({ workspace, id, action, actor });
      const { picks } = await context.core.getSettings({ workspace });
      context.out(curationSentence(outcome, picks));
    }
  },
};

export const removeCommand: CliCommand = {
  name: "remove",
  summary: "remove a link",
  usage: `Usage: ${PROGRAM} remove <id>

Example: ${PROGRAM} remove 42`,
  options: {},
  async run(context, args) {
    const parsed = parse(args, this.options, this.usage);
    const [id] = expectPositionals(parsed, ["<id>"], this.usage);
    const link = await context.core.removeLink({
      workspace: context.workspace,
      id: linkId(id as string, this.usage),
      actor: operator(context),
    });
    context.out(`Removed #${link.id}: ${link.title ?? link.url}`);
  },
};
