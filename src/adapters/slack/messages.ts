/** Block Kit for the private answers: confirmations, link lists, settings and help. */
import type { AddLinkResult } from "../../core/links/addLink.js";
import type { LinkView } from "../../core/links/manageLinks.js";
import { formatLocalDate } from "../../core/time/formatLocal.js";
import type { Category, Link, Settings } from "../../core/types.js";
import type { RunView, SettingsView } from "../../core/views/settingsView.js";
import { clip, escapeMrkdwn, mrkdwnLink, oneLine } from "./escape.js";
import type { Reply } from "./interaction.js";
import { type Block, chunkMrkdwn, escapeBlock, SLACK_LIMITS, section } from "./render.js";

export const PICK_CATEGORY_ACTION = "read_pick_category";

function linkTitle(link: Pick<Link, "url" | "title">): string {
  return mrkdwnLink(link.url, link.title ?? link.url);
}

/** Buttons to file a link under one of `categories`; the value carries the link and category ids. */
function categoryButtons(linkId: number, categories: Category[]): Block {
  return {
    type: "actions",
    block_id: `pick_${linkId}`,
    elements: categories.slice(0, 25).map((c) => ({
      type: "button" as const,
      action_id: `${PICK_CATEGORY_ACTION}:${c.id}`,
      text: {
        type: "plain_text" as const,
        text: clip(c.emoji ? `${c.emoji} ${c.name}` : c.name, 75),
        emoji: true,
      },
      value: JSON.stringify({ link: linkId, category: c.id }),
    })),
  };
}

/** What happened to the page lookup, as the confirmation shows it. */
export type LookupState =
  | { state: "none" }
  | { state: "pending" }
  | { state: "done" }
  | { state: "failed"; reason: string };

/** What a confirmation may need besides the link, asked for only when it is shown (the add path is hot). */
export interface ConfirmationContext {
  /** The link's category, when it has one. */
  category: Category | null;
  /** Categories to offer as buttons; asked for only when the link has none. */
  openCategories: () => Promise<Category[]>;
  /** Asked for only when an earlier share's date is shown. */
  timeZone: () => Promise<string>;
}

export async function addConfirmation(
  result: Pick<AddLinkResult, "status"> & { link: Link; noteKept?: boolean },
  context: ConfirmationContext,
  lookup: LookupState,
): Promise<Reply> {
  const { link } = result;
  const { category } = context;
  const author = link.author ? ` by ${escapeMrkdwn(oneLine(link.author))}` : "";
  let text: string;
  if (result.status === "duplicate") {
    const kept = result.noteKept ? " Your note was added to it." : "";
    text = `Already on the list: #${link.id} ${linkTitle(link)}${author}, shared by ${escapeMrkdwn(
      link.sharedByName,
    )} on ${formatLocalDate(link.sharedAt, await context.timeZone())}.${kept}`;
  } else {
    const where = category ? ` to *${escapeMrkdwn(category.name)}*` : "";
    text = `:white_check_mark: Added #${link.id}${where}: ${linkTitle(link)}${author}`;
    if (lookup.state === "pending") text += "\n_Reading the page for its title…_";
    if (lookup.state === "failed") {
      text += `\n_I couldn't read the page (${escapeMrkdwn(lookup.reason)}), so it's listed by its address. Give it a title with_ \`/read edit ${link.id} title …\``;
    }
  }
  const blocks: Block[] = [section(clip(text, SLACK_LIMITS.sectionText))];
  if (result.status === "added" && link.categoryId === null) {
    const open = await context.openCategories();
    if (open.length > 0) {
      blocks.push(section("Pick a category, or leave it under _Other_:"), categoryButtons(link.id, open));
    }
  }
  return { text: text.split("\n")[0] ?? text, blocks };
}

/** `sections` with `entry` added: into the last section while it fits, else into new ones. */
function appendEntry(sections: string[], entry: string): string[] {
  const next = sections.slice();
  for (const piece of chunkMrkdwn(entry, SLACK_LIMITS.sectionText)) {
    const last = next.at(-1);
    if (last !== undefined && last.length + 2 + piece.length <= SLACK_LIMITS.sectionText) {
      next[next.length - 1] = `${last}\n\n${piece}`;
    } else next.push(piece);
  }
  return next;
}

/** A list of links (for `list` and `search`) in one message; what does not fit is counted. */
export function linkList(heading: string, links: LinkView[], timeZone: string, more = 0): Reply {
  const entries = links.map((link) => {
    const author = link.author ? ` by ${escapeMrkdwn(oneLine(link.author))}` : "";
    const lines = [
      `*#${link.id}* ${linkTitle(link)}${author}`,
      `${escapeMrkdwn(link.categoryName ?? "Other")} · shared by ${escapeMrkdwn(link.sharedByName)} on ${formatLocalDate(
        link.sharedAt,
        timeZone,
      )}`,
    ];
    if (link.note) lines.push(`> ${escapeBlock(link.note).replace(/\n/g, "\n> ")}`);
    return lines.join("\n");
  });
  const maxSections = SLACK_LIMITS.blocksPerMessage - 2;
  const maxChars = SLACK_LIMITS.messageText - heading.length;
  let sections: string[] = [];
  let shown = 0;
  for (const entry of entries) {
    const next = appendEntry(sections, entry);
    if (next.length > maxSections || next.reduce((n, t) => n + t.length, 0) > maxChars) break;
    sections = next;
    shown += 1;
  }
  const blocks: Block[] = [section(`*${escapeMrkdwn(heading)}*`), ...sections.map(section)];
  const hidden = Math.max(0, links.length - shown) + more;
  if (hidden > 0) {
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: `…and ${hidden} more. Narrow it down with a month, a category or \`mine\`.` },
      ],
    });
  }
  return { text: escapeMrkdwn(heading), blocks };
}

function lastRunText(run: RunView): string {
  const month = run.periodLabel;
  const messages = run.messages === 1 ? "1 message" : `${run.messages} messages`;
  switch (run.status) {
    case "posted":
      return `${month}, posted (${messages})`;
    case "posting":
      return `${month}, being posted (${messages} so far)`;
    case "quiet":
      return `${month}, nothing to post`;
    case "skipped":
      return `${month}, skipped${run.reason ? `: ${escapeMrkdwn(run.reason)}` : ""}`;
    case "failed":
      return `${month}, failed${run.reason ? `: ${escapeMrkdwn(run.reason)}` : ""}`;
  }
}

type EditorialSettings = Pick<Settings, "order" | "picks" | "review">;

/** One line per editorial setting (or only `which`), in mrkdwn. */
export function editorialSettingsText(
  settings: EditorialSettings,
  which?: "order" | "picks" | "review",
): string {
  const { order, picks, review } = settings;
  const lines = {
    order: `Order within sections: ${order === "votes" ? "most recommended (👍) first" : "as shared"}`,
    picks: `Picks section: ${escapeMrkdwn(picks.emoji ? `${picks.emoji} ${picks.title}` : picks.title)}`,
    review:
      review.days > 0 && review.channelId
        ? `Review draft: in <#${review.channelId}>, ${review.days === 1 ? "1 day" : `${review.days} days`} before each roundup`
        : "Review draft: off",
  };
  return which ? lines[which] : [lines.order, lines.picks, lines.review].join("\n");
}

/** The core's view of the settings (`config show`) in mrkdwn. */
export function settingsReply(view: SettingsView): Reply {
  const { day, time, timeZone } = view.schedule;
  const admins = view.admins.filter((a) => a.kind === "user").map((a) => `<@${a.id}>`);
  const lines = [
    "*Roundup settings*",
    `Channel: ${view.channelId ? `<#${view.channelId}>` : "not set yet (`/read config channel #channel`)"}`,
    `Schedule: day ${day} of each month at ${time} (${escapeMrkdwn(timeZone)})`,
    `Title: ${escapeMrkdwn(view.titleTemplate)}`,
    `Intro: ${view.intro ? escapeMrkdwn(oneLine(view.intro)) : "none"}`,
    `Quiet months: ${view.quietMonthNote ? "post a short note" : "post nothing"}`,
    `Admins: workspace admins and owners${admins.length > 0 ? `, plus ${admins.join(", ")}` : ""}`,
    editorialSettingsText(view),
  ];
  if (view.next) {
    lines.push(
      `Next roundup: ${view.next.periodLabel}, on ${view.next.localTime} (${escapeMrkdwn(timeZone)})`,
    );
  }
  if (view.review.draftAt) {
    lines.push(`Next draft: on ${view.review.draftAt.localTime} (${escapeMrkdwn(timeZone)})`);
  }
  if (view.lastRun) lines.push(`Last roundup: ${lastRunText(view.lastRun)}`);
  if (view.waiting) lines.push(escapeMrkdwn(view.waiting));
  return {
    text: "Roundup settings",
    blocks: [{ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } }],
  };
}

/** The help, already escaped for mrkdwn (its `<url>` placeholders would otherwise read as links). */
const HELP_TEXT = escapeMrkdwn(
  [
    "*Reading list commands*",
    "`/read add <url> [category] [note…]` share a link (`/read add` alone opens a form)",
    "`/read list [YYYY-MM] [category] [mine]` links shared in a month (default: this month)",
    "`/read search <words>` find links by title, note, author or address",
    "`/read edit <id> note|title|author|category <value>` change a link you shared",
    "`/read remove <id>` remove a link you shared",
    "`/read vote <id>` recommend a link (👍) for the roundup",
    "`/read roundup preview [YYYY-MM]` see a month's roundup (default: last month)",
    "`/read roundup export [YYYY-MM]` the roundup as Markdown, to publish as a blog post",
    "`/read roundup post [YYYY-MM]` post it to the roundup channel (admins)",
    "`/read category list|add|rename|move|remove|archive|unarchive …` the roundup's sections (admins change them)",
    "`/read config show|channel|schedule|admins|quiet|archive|title|intro …` settings (admins change them)",
    "`/read config order shared|votes`, `/read config picks title <title> emoji <emoji>`, `/read config review <days> #channel` the roundup's order, its picks section, and a draft for admins to review before it goes out",
    "Or use *Add to reading list* from a message's ⋯ menu to share its first link.",
  ].join("\n"),
);

export function helpReply(unknown: string | null): Reply {
  const intro = unknown ? `I don't know \`${escapeMrkdwn(clip(unknown, 40))}\`. ` : "";
  return {
    text: `${intro}Here is what /read can do.`,
    blocks: [section(`${intro}${HELP_TEXT}`)],
  };
}
