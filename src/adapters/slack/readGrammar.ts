/**
 * The `/read` grammar: the text after `/read`, as Slack sends it (escaped, with markup), read into a
 * `ReadCommand`. Parsing is pure: telling a category from a note is left to the core, and renaming
 * needs only the list of categories.
 */
import { findCategory } from "../../core/categories/categoryName.js";
import { UserError } from "../../core/errors.js";
import type { Category } from "../../core/types.js";
import { plainText } from "./slackMarkup.js";
import { type Token, tokenize } from "./tokenize.js";

export type EditField = "note" | "title" | "author" | "category";

export type CategoryAction =
  | { action: "list" }
  | { action: "add"; name: string; emoji: string | null }
  | { action: "rename"; words: Token[] }
  | { action: "move"; name: string; position: number }
  | { action: "remove"; name: string }
  | { action: "archive" | "unarchive"; name: string };

export type ConfigAction =
  | { action: "show" }
  /** `channelId` null: the channel the command was typed in. */
  | { action: "channel"; channelId: string | null }
  /** `timeZone` null: keep the current one. */
  | { action: "schedule"; day: string; time: string; timeZone: string | null }
  | { action: "admins"; change: "list" }
  | { action: "admins"; change: "add" | "remove"; userId: string }
  | { action: "quiet"; enabled: boolean }
  | { action: "archive"; mode: "off" | "private" | "public"; slug: string | null; rotate: boolean }
  | { action: "title"; template: string }
  | { action: "intro"; intro: string | null }
  | { action: "order"; order: string }
  /** What is left out (null) stays as it is; `title` "default" restores both. */
  | { action: "picks"; title: string | null; emoji: string | null }
  /** `channelId` null: keep the review channel set before. */
  | { action: "review"; days: string; channelId: string | null };

export type ReadCommand =
  | { kind: "help"; unknown: string | null }
  | { kind: "addModal" }
  /** `rest` is still Slack-escaped: `splitAddWords` cuts it into a category candidate and a note. */
  | { kind: "add"; url: string; rest: string }
  | { kind: "list"; month: string | null; category: string | null; mine: boolean }
  | { kind: "search"; words: string }
  | { kind: "edit"; id: number; field: EditField; value: string }
  | { kind: "remove"; id: number }
  /** A member's +1 on a link. */
  | { kind: "vote"; id: number }
  | { kind: "roundup"; action: "preview" | "export"; period: string | null }
  /** `again`: post a month that was already posted, on purpose. */
  | { kind: "roundup"; action: "post"; period: string | null; again: boolean }
  | ({ kind: "category" } & CategoryAction)
  | ({ kind: "config" } & ConfigAction);

function usage(code: string, text: string): UserError {
  return new UserError(`command.usage`, `Usage: ${text}`, { command: code });
}

const joinText = (tokens: Token[]) =>
  tokens
    .map((t) => t.text)
    .join(" ")
    .trim();

/** The raw text from `token` to the end, as plain text; one quoted token alone loses its quotes. */
function restText(text: string, tokens: Token[]): string {
  const [first] = tokens;
  if (!first) return "";
  if (tokens.length === 1 && first.quoted) return first.text;
  return plainText(text.slice(first.start)).trim();
}

function linkId(token: Token | undefined, usageText: string): number {
  if (!token) throw usage("id", usageText);
  if (!/^#?\d{1,15}$/.test(token.text)) {
    throw new UserError(
      "link.id",
      `"${token.text}" isn't a link id. Ids are numbers like 42; /read list shows them.`,
    );
  }
  return Number(token.text.replace(/^#/, ""));
}

const MONTH_LIKE = /^\d{4}-\d{1,2}$/;
const EMOJI_LIKE =
  /^(:[a-z0-9_+-]{1,32}:|(\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f|\p{M})+)$/iu;

function parseCategory(tokens: Token[]): ReadCommand {
  const [action, ...rest] = tokens;
  const verb = action?.text.toLowerCase();
  const name = joinText(rest);
  switch (verb) {
    case undefined:
    case "list":
    case "ls":
      return { kind: "category", action: "list" };
    case "add":
    case "new": {
      const last = rest.at(-1);
      if (rest.length === 0)
        throw usage(
          "category.add",
          '/read category add <name> [emoji], e.g. /read category add "Talks & Videos" 🎬',
        );
      if (rest.length > 1 && last && !last.quoted && EMOJI_LIKE.test(last.text)) {
        return { kind: "category", action: "add", name: joinText(rest.slice(0, -1)), emoji: last.text };
      }
      return { kind: "category", action: "add", name, emoji: null };
    }
    case "rename":
      if (rest.length < 2) throw usage("category.rename", "/read category rename <name> to <new name>");
      return { kind: "category", action: "rename", words: rest };
    case "move": {
      const last = rest.at(-1);
      if (rest.length < 2 || !last || !/^\d{1,3}$/.test(last.text)) {
        throw usage(
          "category.move",
          "/read category move <name> <position>, e.g. /read category move tools 1",
        );
      }
      return {
        kind: "category",
        action: "move",
        name: joinText(rest.slice(0, -1)),
        position: Number(last.text),
      };
    }
    case "remove":
    case "delete":
    case "rm":
      if (rest.length === 0) throw usage("category.remove", "/read category remove <name>");
      return { kind: "category", action: "remove", name };
    case "archive":
    case "unarchive":
      if (rest.length === 0) throw usage(`category.${verb}`, `/read category ${verb} <name>`);
      return { kind: "category", action: verb, name };
    default:
      throw usage("category", "/read category list|add|rename|move|remove|archive|unarchive ...");
  }
}

/** A `#channel` (Slack's markup) or a channel id; `orElse` says the other way to name it. */
function channelOf(target: Token, orElse: string): string {
  if (target.markup?.kind === "channel") return target.markup.id;
  if (/^[CGD][A-Z0-9]{2,}$/.test(target.text)) return target.text;
  throw new UserError(
    "channel.invalid",
    `I can't tell which channel "${target.text}" is. Type # and pick the channel from Slack's list, ${orElse}.`,
  );
}

const ORDER_USAGE =
  "/read config order shared|votes (within each section: the order links were shared in, or most recommended first)";
const PICKS_USAGE =
  '/read config picks title <title> | emoji <emoji|none> | default, e.g. /read config picks title "Editors\' choice" emoji 🏆';
const REVIEW_USAGE =
  "/read config review <days> [#channel] (the draft goes to #channel that many days before the roundup; 0 or off turns it off)";

/** The words from `tokens[0]` to `tokens.at(-1)` as plain text; one quoted token alone loses its quotes. */
function spanText(text: string, tokens: Token[]): string {
  const [first] = tokens;
  const last = tokens.at(-1);
  if (!first || !last) return "";
  if (tokens.length === 1 && first.quoted) return first.text;
  return plainText(text.slice(first.start, last.end)).trim();
}

/** What `setPicks` reads as "no emoji". */
const NO_EMOJI_WORDS = new Set(["none", "off", "-"]);

/**
 * `picks title <words…> [emoji <emoji>]`, `picks emoji <emoji> [title <words…>]` or `picks default`.
 * The title runs to the end, or to an unquoted `emoji` followed by one last word that is an emoji.
 */
function parsePicks(text: string, tokens: Token[]): ReadCommand {
  const keyword = (token: Token | undefined, word: string) =>
    token !== undefined && !token.quoted && token.text.toLowerCase() === word;
  if (tokens.length === 1 && keyword(tokens[0], "default"))
    return { kind: "config", action: "picks", title: "default", emoji: null };
  let title: string | null = null;
  let emoji: string | null = null;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (keyword(token, "emoji") && emoji === null && i + 1 < tokens.length) {
      emoji = (tokens[i + 1] as Token).text;
      i += 2;
    } else if (keyword(token, "title") && title === null && i + 1 < tokens.length) {
      let end = tokens.length;
      const lastWord = tokens.at(-1) as Token;
      if (
        emoji === null &&
        tokens.length - i >= 4 &&
        keyword(tokens.at(-2), "emoji") &&
        (EMOJI_LIKE.test(lastWord.text) || NO_EMOJI_WORDS.has(lastWord.text.toLowerCase()))
      )
        end = tokens.length - 2;
      title = spanText(text, tokens.slice(i + 1, end));
      i = end;
    } else throw usage("config.picks", PICKS_USAGE);
  }
  if (title === null && emoji === null) throw usage("config.picks", PICKS_USAGE);
  return { kind: "config", action: "picks", title, emoji };
}

function parseConfig(text: string, tokens: Token[]): ReadCommand {
  const [action, ...rest] = tokens;
  switch (action?.text.toLowerCase()) {
    case undefined:
    case "show":
      return { kind: "config", action: "show" };
    case "channel": {
      const [target] = rest;
      if (!target) return { kind: "config", action: "channel", channelId: null };
      return {
        kind: "config",
        action: "channel",
        channelId: channelOf(target, "or run /read config channel in the channel itself"),
      };
    }
    case "schedule": {
      const [day, time, zone, ...extra] = rest;
      if (!day || !time || extra.length > 0) {
        throw usage(
          "config.schedule",
          "/read config schedule <day 1-28> <HH:MM> <Area/City>, e.g. /read config schedule 1 09:00 Europe/Berlin",
        );
      }
      return {
        kind: "config",
        action: "schedule",
        day: day.text,
        time: time.text,
        timeZone: zone?.text ?? null,
      };
    }
    case "admins":
    case "admin": {
      const [change, who, ...extra] = rest;
      const verb = change?.text.toLowerCase();
      if (verb === undefined || verb === "list") return { kind: "config", action: "admins", change: "list" };
      if ((verb !== "add" && verb !== "remove") || !who || extra.length > 0) {
        throw usage("config.admins", "/read config admins [list | add @person | remove @person]");
      }
      const userId =
        who.markup?.kind === "user" ? who.markup.id : /^[UW][A-Z0-9]{2,}$/.test(who.text) ? who.text : null;
      if (userId === null) {
        throw new UserError(
          "admin.invalid",
          `"${who.text}" isn't a person. Type @ and pick them from Slack's list.`,
        );
      }
      return { kind: "config", action: "admins", change: verb, userId };
    }
    case "quiet": {
      const value = rest[0]?.text.toLowerCase();
      if (rest.length !== 1 || (value !== "on" && value !== "off")) {
        throw usage(
          "config.quiet",
          "/read config quiet on|off (on: a month without links gets a short note)",
        );
      }
      return { kind: "config", action: "quiet", enabled: value === "on" };
    }
    case "archive": {
      const mode = rest[0]?.text.toLowerCase();
      const extra = rest[1]?.text;
      const rotate = mode === "private" && extra?.toLowerCase() === "rotate";
      const slug = mode === "public" ? (extra ?? null) : null;
      if (
        (mode !== "off" && mode !== "private" && mode !== "public") ||
        rest.length > 2 ||
        (extra && !rotate && slug === null)
      ) {
        throw usage(
          "config.archive",
          "/read config archive off | private [rotate] | public <slug> (the roundups on the web)",
        );
      }
      return { kind: "config", action: "archive", mode, slug, rotate };
    }
    case "title":
      if (rest.length === 0)
        throw usage("config.title", "/read config title <template>, where {month} becomes e.g. July 2026");
      return { kind: "config", action: "title", template: restText(text, rest) };
    case "intro": {
      const intro = restText(text, rest);
      return {
        kind: "config",
        action: "intro",
        intro: intro === "" || intro.toLowerCase() === "none" ? null : intro,
      };
    }
    case "order": {
      const [order, ...extra] = rest;
      if (!order || extra.length > 0) throw usage("config.order", ORDER_USAGE);
      return { kind: "config", action: "order", order: order.text };
    }
    case "picks":
      return parsePicks(text, rest);
    case "review": {
      const [days, target, ...extra] = rest;
      if (!days || extra.length > 0) throw usage("config.review", REVIEW_USAGE);
      const off = days.text.toLowerCase() === "off";
      return {
        kind: "config",
        action: "review",
        days: off ? "0" : days.text,
        channelId: target ? channelOf(target, "or give its id") : null,
      };
    }
    default:
      throw usage(
        "config",
        "/read config show|channel|schedule|admins|quiet|archive|title|intro|order|picks|review ...",
      );
  }
}

/** Reads the text after `/read`. Unknown words give the help; known ones with bad arguments a usage line. */
export function parseReadCommand(text: string): ReadCommand {
  const tokens = tokenize(text);
  const [head, ...rest] = tokens;
  if (!head) return { kind: "help", unknown: null };
  switch (head.text.toLowerCase()) {
    case "help":
    case "?":
      return { kind: "help", unknown: null };
    case "add":
    case "share": {
      const [url] = rest;
      if (!url) return { kind: "addModal" };
      const linkText = url.markup?.kind === "link" ? url.markup.url : url.text;
      return { kind: "add", url: linkText, rest: text.slice(url.end) };
    }
    case "list":
    case "ls": {
      let month: string | null = null;
      let mine = false;
      const words: Token[] = [];
      for (const token of rest) {
        if (month === null && !token.quoted && MONTH_LIKE.test(token.text)) month = token.text;
        else if (!token.quoted && token.text.toLowerCase() === "mine") mine = true;
        else words.push(token);
      }
      const category = joinText(words);
      return { kind: "list", month, category: category === "" ? null : category, mine };
    }
    case "search":
    case "find": {
      const words = joinText(rest);
      if (words === "") throw usage("search", "/read search <words>");
      return { kind: "search", words };
    }
    case "edit": {
      const usageText =
        "/read edit <id> note|title|author|category <new value>, e.g. /read edit 42 category tools";
      const [idToken, fieldToken, ...value] = rest;
      const id = linkId(idToken, usageText);
      const field = fieldToken?.text.toLowerCase();
      if (field !== "note" && field !== "title" && field !== "author" && field !== "category")
        throw usage("edit", usageText);
      return { kind: "edit", id, field, value: restText(text, value) };
    }
    case "remove":
    case "delete":
    case "rm": {
      const usageText = "/read remove <id>";
      if (rest.length !== 1) throw usage("remove", usageText);
      return { kind: "remove", id: linkId(rest[0], usageText) };
    }
    case "vote":
    case "+1":
    case "upvote": {
      const usageText = "/read vote <id>, e.g. /read vote 42 (/read list shows the ids)";
      if (rest.length !== 1) throw usage("vote", usageText);
      return { kind: "vote", id: linkId(rest[0], usageText) };
    }
    case "roundup": {
      const [action, ...args] = rest;
      const verb = action?.text.toLowerCase() ?? "preview";
      const again = verb === "post" && args.some((t) => t.text.toLowerCase() === "again");
      const others = args.filter((t) => !(verb === "post" && t.text.toLowerCase() === "again"));
      if ((verb !== "preview" && verb !== "post" && verb !== "export") || others.length > 1) {
        throw usage(
          "roundup",
          "/read roundup preview [YYYY-MM], /read roundup export [YYYY-MM] or /read roundup post [YYYY-MM] [again]",
        );
      }
      const period = others[0]?.text ?? null;
      return verb === "post"
        ? { kind: "roundup", action: verb, period, again }
        : { kind: "roundup", action: verb, period };
    }
    case "category":
    case "categories":
      return parseCategory(rest);
    case "config":
    case "settings":
      return parseConfig(text, rest);
    default:
      return { kind: "help", unknown: head.text };
  }
}

/**
 * The words after the URL in `/read add`: the first (a "quoted name" counts as one) may name a
 * category; if it does, the note is what follows it, otherwise every word is the note. Whether it
 * names one is the core's call (slug, name or unambiguous prefix), so this only says where to cut.
 */
export function splitAddWords(rest: string): {
  candidate: string | null;
  noteAfter: string | null;
  noteAll: string | null;
} {
  const tokens = tokenize(rest);
  const [first] = tokens;
  const orNull = (text: string) => (text.trim() === "" ? null : text.trim());
  if (!first) return { candidate: null, noteAfter: null, noteAll: null };
  return {
    candidate: first.markup === null && first.text !== "" ? first.text : null,
    noteAfter: orNull(plainText(rest.slice(first.end))),
    noteAll: orNull(plainText(rest)),
  };
}

/** `rename Old Name to New Name`, `rename "Old Name" New Name` or `rename old new`: which words are which. */
export function splitRename(words: Token[], categories: Category[]): { from: string; to: string } {
  const names = (a: Token[], b: Token[]) => ({ from: joinText(a), to: joinText(b) });
  const separators = words
    .map((t, i) =>
      !t.quoted && (t.text.toLowerCase() === "to" || t.text === "->" || t.text === "→") ? i : -1,
    )
    .filter((i) => i > 0 && i < words.length - 1);
  for (const i of separators) {
    if (findCategory(categories, joinText(words.slice(0, i))))
      return names(words.slice(0, i), words.slice(i + 1));
  }
  const [firstSeparator] = separators;
  if (firstSeparator !== undefined)
    return names(words.slice(0, firstSeparator), words.slice(firstSeparator + 1));
  if (!words[0]?.quoted) {
    for (let k = words.length - 1; k >= 1; k--) {
      if (findCategory(categories, joinText(words.slice(0, k))))
        return names(words.slice(0, k), words.slice(k));
    }
  }
  return names(words.slice(0, 1), words.slice(1));
}
