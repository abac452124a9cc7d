/** The answers that are not the roundup: confirmations, link lists, settings, help. */
import type { APIEmbed } from "discord.js";
import type { LinkView } from "../../core/links/manageLinks.js";
import { sharedHost } from "../../core/links/url.js";
import { formatLocalDate } from "../../core/time/formatLocal.js";
import type { AdminEntry, Category, Link, PicksSettings } from "../../core/types.js";
import type { NumberedCategory } from "../../core/views/categoryView.js";
import type { RunView, SettingsView } from "../../core/views/settingsView.js";
import { clip, escapeDiscord, maskedLink, oneLine } from "./escape.js";
import { DISCORD_LIMITS, EMBED_COLOR } from "./render.js";

/** A link's title (or address) as a masked link; an absurdly long address is shown by its host instead. */
export function linkTitle(link: Pick<Link, "url" | "title">, maxTitle = 120): string {
  const title = clip(oneLine(link.title ?? link.url), maxTitle);
  if (link.url.length <= 400) return maskedLink(link.title ? title : link.url, link.url);
  return `${escapeDiscord(title)} (${escapeDiscord(sharedHost(link.url))})`;
}

/** One line of a list: id, linked title, category, who and when, and the start of the note. */
export function linkEntry(link: LinkView, timeZone: string): string {
  const by = link.author ? ` by ${escapeDiscord(clip(oneLine(link.author), 60))}` : "";
  const meta = [
    escapeDiscord(link.categoryName ?? "Other"),
    `${escapeDiscord(clip(link.sharedByName, 40))}, ${formatLocalDate(link.sharedAt, timeZone)}`,
  ].join(" · ");
  const note = link.note ? `\n> ${escapeDiscord(clip(oneLine(link.note), 140))}` : "";
  return `**#${link.id}** ${linkTitle(link, 100)}${by}\n-# ${meta}${note}`;
}

/**
 * As many entries as fit one embed (at most `max`), in order; `shown` says how many, so the next page
 * starts after them.
 */
export function linkListEmbed(
  title: string,
  links: LinkView[],
  timeZone: string,
  max: number,
): { embed: APIEmbed; shown: number } {
  const entries: string[] = [];
  let length = 0;
  for (const link of links.slice(0, max)) {
    const entry = linkEntry(link, timeZone);
    if (entries.length > 0 && length + 2 + entry.length > DISCORD_LIMITS.embedDescription) break;
    entries.push(entry);
    length += entry.length + 2;
  }
  return {
    embed: {
      color: EMBED_COLOR,
      title: clip(title, DISCORD_LIMITS.embedTitle),
      description: entries.join("\n\n"),
    },
    shown: entries.length,
  };
}

/** What happened to the page lookup of a new link, as its confirmation says. */
export type Lookup =
  | { state: "none" }
  | { state: "pending" }
  | { state: "done" }
  | { state: "failed"; reason: string };

/** The answer to a share: who shared what, where; and whether the page is still being read. */
export function addedText(link: Link, category: Category | null, sharer: string, lookup: Lookup): string {
  const by = link.author ? ` by ${escapeDiscord(clip(oneLine(link.author), 100))}` : "";
  const where = category ? ` to **${escapeDiscord(category.name)}**` : "";
  const lines = [`📚 **${escapeDiscord(sharer)}** added #${link.id}${where}: ${linkTitle(link, 200)}${by}`];
  if (link.note) lines.push(`> ${escapeDiscord(clip(oneLine(link.note), 1_000))}`);
  if (lookup.state === "pending") lines.push("-# Reading the page for its title…");
  if (lookup.state === "failed") {
    lines.push(
      `-# I couldn't read the page (${escapeDiscord(clip(lookup.reason, 150))}), so it's listed by its address. Give it a title with /read edit id:${link.id} title:…`,
    );
  }
  return clip(lines.join("\n"), DISCORD_LIMITS.content);
}

/** The answer to a share of a link the list already has. */
export function duplicateText(link: Link, noteKept: boolean, timeZone: string): string {
  const kept = noteKept ? " Your note was added to it." : "";
  return clip(
    `Already on the list: #${link.id} ${linkTitle(link)}, shared by ${escapeDiscord(link.sharedByName)} on ${formatLocalDate(link.sharedAt, timeZone)}.${kept}`,
    DISCORD_LIMITS.content,
  );
}

export function categoryLines(categories: NumberedCategory[]): string {
  if (categories.length === 0) return "No categories yet. Add one with /read category add.";
  return categories
    .map((c) => {
      const emoji = c.emoji ? `${c.emoji} ` : "";
      const archived = c.archived ? " *(archived)*" : "";
      return `${c.number}. ${emoji}**${escapeDiscord(c.name)}** \`${c.slug}\`${archived}`;
    })
    .join("\n");
}

export function adminList(admins: AdminEntry[]): string {
  const added = admins.map((a) => (a.kind === "role" ? `<@&${a.id}>` : `<@${a.id}>`));
  return `Members with Manage Server, plus ${added.length > 0 ? added.join(", ") : "nobody else yet"}.`;
}

function runLine(run: RunView | null): string {
  if (!run) return "none yet";
  const month = run.periodLabel;
  const parts = run.messages === 1 ? "1 message" : `${run.messages} messages`;
  switch (run.status) {
    case "posted":
      return `${month}: posted (${parts})`;
    case "posting":
      return `${month}: being posted (${parts} so far)`;
    case "quiet":
      return `${month}: no links, nothing posted`;
    case "skipped":
      return `${month}: skipped (${escapeDiscord(run.reason ?? "too late")})`;
    case "failed":
      return `${month}: failed after ${parts} (${escapeDiscord(clip(run.reason ?? "unknown", 200))}); /read roundup post finishes it`;
  }
}

/** The picks section's heading, as the roundup shows it. */
export function picksHeading(picks: PicksSettings): string {
  return escapeDiscord(picks.emoji ? `${picks.emoji} ${picks.title}` : picks.title);
}

function reviewLine(review: SettingsView["review"], timeZone: string): string {
  if (review.days === 0 || review.channelId === null) return "off";
  const days = review.days === 1 ? "1 day" : `${review.days} days`;
  const next = review.draftAt ? `; the next on ${review.draftAt.localTime} (${timeZone})` : "";
  return `${days} before each roundup, in <#${review.channelId}>${next}`;
}

export function settingsEmbed(settings: SettingsView): APIEmbed {
  const { lastRun, waiting } = settings;
  const { day, time, timeZone } = settings.schedule;
  const next = settings.next
    ? `${settings.next.periodLabel}, on ${settings.next.localTime} (${timeZone})`
    : "not planned yet";
  const lines = [
    `**Roundup channel:** ${settings.channelId ? `<#${settings.channelId}>` : "not set: /read config channel"}`,
    `**Schedule:** day ${day} of each month at ${time} (${timeZone})`,
    `**Next roundup:** ${settings.channelId ? next : "once a channel is set"}`,
    `**Last roundup:** ${runLine(lastRun)}`,
    `**Title:** ${escapeDiscord(settings.titleTemplate)}`,
    `**Intro:** ${settings.intro ? escapeDiscord(clip(settings.intro, 300)) : "none"}`,
    `**Quiet months:** ${settings.quietMonthNote ? "a short note" : "nothing posted"}`,
    `**Order within sections:** ${settings.order === "votes" ? "most recommended first" : "as shared"}`,
    `**Picks:** ${picksHeading(settings.picks)}`,
    `**Review draft:** ${reviewLine(settings.review, timeZone)}`,
    `**Admins:** ${adminList(settings.admins)}`,
    ...(waiting ? [waiting] : []),
  ];
  return { color: EMBED_COLOR, title: "Roundup settings", description: clip(lines.join("\n"), 4_000) };
}

export const HELP_TEXT = [
  "**Share**",
  "`/read add url: [category:] [note:]` shares a link; the page's title and author are filled in.",
  "Or on any message: **Apps → Add to reading list** (its first link, its text as the note).",
  "**Browse**",
  "`/read list [month:YYYY-MM] [category:] [mine:]` lists a month's links, a page at a time.",
  "`/read search query:` finds links in every month.",
  "`/read vote number:` (or **+1** under a share) recommends a link for the roundup.",
  "`/read edit id: [note:] [category:] [title:] [author:]` and `/read remove id:` change your own links (admins: any).",
  "**The roundup**",
  "`/read roundup preview [month:]` shows it to you, `/read roundup export [month:]` gives it as Markdown for a blog post; `/read roundup post [month:]` posts it (admins).",
  "**Admins**",
  "`/read category add|rename|move|archive|unarchive|remove|list` arranges the sections.",
  "`/read config channel|schedule|admins|show` sets where and when the roundup goes out, and who else can change things.",
  "`/read config title|intro|quiet` sets its title, its opening paragraph, and what a month without links posts; `/read config archive` publishes the roundups on the web.",
  "`/read config order|picks|review` orders links by votes, names the picks section, and posts a draft of each roundup days ahead to a review channel, where admins drop, pick, move, edit, hold or post it.",
].join("\n");

export function helpEmbed(): APIEmbed {
  return { color: EMBED_COLOR, title: "Roundup: the team's reading list", description: HELP_TEXT };
}
