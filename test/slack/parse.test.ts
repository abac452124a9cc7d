import { describe, expect, it } from "vitest";
import { parseReadCommand, splitAddWords, splitRename } from "../../src/adapters/slack/readGrammar.js";
import { firstLink, plainText } from "../../src/adapters/slack/slackMarkup.js";
import { tokenize } from "../../src/adapters/slack/tokenize.js";
import type { Category } from "../../src/core/types.js";

const category = (id: number, name: string, slug: string, archived = false): Category => ({
  id,
  workspace: "slack:T1",
  name,
  slug,
  emoji: null,
  position: id,
  archived,
});

const CATEGORIES = [
  category(1, "Articles & Learning", "articles-learning"),
  category(2, "Neat Open Source Projects", "neat-open-source-projects"),
  category(3, "Tools", "tools"),
  category(4, "Talks", "talks"),
];

describe("parseReadCommand", () => {
  it("reads add with Slack's escaped link, keeping the rest for the category", () => {
    expect(parseReadCommand("add <https://example.com/a?x=1&amp;y=2> articles good")).toEqual({
      kind: "add",
      url: "https://example.com/a?x=1&y=2",
      rest: " articles good",
    });
    expect(parseReadCommand("add <https://example.com/b|example.com/b>")).toMatchObject({
      kind: "add",
      url: "https://example.com/b",
    });
    expect(parseReadCommand("add example.com/c")).toMatchObject({ kind: "add", url: "example.com/c" });
  });

  it("opens the form for add with no text", () => {
    expect(parseReadCommand("add")).toEqual({ kind: "addModal" });
    expect(parseReadCommand("  add   ")).toEqual({ kind: "addModal" });
  });

  it("gives the help for nothing and for unknown words", () => {
    expect(parseReadCommand("")).toEqual({ kind: "help", unknown: null });
    expect(parseReadCommand("help")).toEqual({ kind: "help", unknown: null });
    expect(parseReadCommand("frobnicate now")).toEqual({ kind: "help", unknown: "frobnicate" });
  });

  it("reads list filters in any order", () => {
    expect(parseReadCommand("list")).toEqual({ kind: "list", month: null, category: null, mine: false });
    expect(parseReadCommand("list mine 2026-07 neat open")).toEqual({
      kind: "list",
      month: "2026-07",
      category: "neat open",
      mine: true,
    });
    // A month-shaped word is a month, so a bad one is refused as a month rather than taken as a category.
    expect(parseReadCommand("list 2026-13")).toMatchObject({ month: "2026-13" });
  });

  it("reads edit, remove and search", () => {
    expect(parseReadCommand('edit #12 note "a better note"')).toEqual({
      kind: "edit",
      id: 12,
      field: "note",
      value: "a better note",
    });
    expect(parseReadCommand("edit 3 title Fast &amp; Loose")).toMatchObject({ value: "Fast & Loose" });
    expect(parseReadCommand("edit 3 note")).toMatchObject({ field: "note", value: "" });
    expect(parseReadCommand("remove 7")).toEqual({ kind: "remove", id: 7 });
    expect(parseReadCommand("search rust async")).toEqual({ kind: "search", words: "rust async" });
    expect(() => parseReadCommand("edit 3 colour red")).toThrow(/Usage: \/read edit/);
    expect(() => parseReadCommand("remove abc")).toThrow(/isn't a link id/);
    expect(() => parseReadCommand("search")).toThrow(/Usage/);
  });

  it("reads roundup preview and post with an optional month", () => {
    expect(parseReadCommand("roundup")).toEqual({ kind: "roundup", action: "preview", period: null });
    expect(parseReadCommand("roundup post 2026-07")).toEqual({
      kind: "roundup",
      action: "post",
      period: "2026-07",
      again: false,
    });
    expect(parseReadCommand("roundup post again 2026-07")).toMatchObject({ period: "2026-07", again: true });
    expect(parseReadCommand("roundup export 2026-07")).toEqual({
      kind: "roundup",
      action: "export",
      period: "2026-07",
    });
    expect(() => parseReadCommand("roundup publish")).toThrow(/Usage/);
  });

  it("reads category actions with quoted names and emoji", () => {
    expect(parseReadCommand('category add "Talks &amp; Videos" 🎬')).toEqual({
      kind: "category",
      action: "add",
      name: "Talks & Videos",
      emoji: "🎬",
    });
    expect(parseReadCommand("category add Deep Dives :books:")).toMatchObject({
      name: "Deep Dives",
      emoji: ":books:",
    });
    expect(parseReadCommand("category move neat open source 1")).toEqual({
      kind: "category",
      action: "move",
      name: "neat open source",
      position: 1,
    });
    expect(parseReadCommand("category remove tools")).toEqual({
      kind: "category",
      action: "remove",
      name: "tools",
    });
    expect(parseReadCommand("category")).toEqual({ kind: "category", action: "list" });
  });

  it("reads config with Slack's channel and user markup", () => {
    expect(parseReadCommand("config channel <#C0123ABC|reading>")).toEqual({
      kind: "config",
      action: "channel",
      channelId: "C0123ABC",
    });
    expect(parseReadCommand("config channel")).toEqual({
      kind: "config",
      action: "channel",
      channelId: null,
    });
    expect(() => parseReadCommand("config channel #reading")).toThrow(/pick the channel/);
    expect(parseReadCommand("config schedule 1 09:00 Europe/Berlin")).toEqual({
      kind: "config",
      action: "schedule",
      day: "1",
      time: "09:00",
      timeZone: "Europe/Berlin",
    });
    expect(parseReadCommand("config admins add <@U0BEN|ben>")).toEqual({
      kind: "config",
      action: "admins",
      change: "add",
      userId: "U0BEN",
    });
    expect(parseReadCommand("config admins")).toEqual({ kind: "config", action: "admins", change: "list" });
    expect(parseReadCommand("config")).toEqual({ kind: "config", action: "show" });
  });

  it("reads vote with a link id, with or without #", () => {
    expect(parseReadCommand("vote 42")).toEqual({ kind: "vote", id: 42 });
    expect(parseReadCommand("+1 #7")).toEqual({ kind: "vote", id: 7 });
    expect(() => parseReadCommand("vote")).toThrow(/Usage: \/read vote <id>/);
    expect(() => parseReadCommand("vote forty")).toThrow(/isn't a link id/);
  });

  it("reads the order, the picks section and the review draft", () => {
    const config = (text: string) => parseReadCommand(`config ${text}`);
    expect(config("order votes")).toEqual({ kind: "config", action: "order", order: "votes" });
    expect(() => config("order")).toThrow(/shared\|votes/);
    expect(config('picks title "Editors\' choice"')).toMatchObject({ title: "Editors' choice", emoji: null });
    expect(config("picks title Editors’ choice emoji 🏆")).toEqual({
      kind: "config",
      action: "picks",
      title: "Editors’ choice",
      emoji: "🏆",
    });
    expect(config("picks emoji :trophy: title Best &amp; brightest")).toEqual({
      kind: "config",
      action: "picks",
      title: "Best & brightest",
      emoji: ":trophy:",
    });
    // "emoji" inside a title stays in it unless an emoji follows.
    expect(config("picks title My emoji picks")).toMatchObject({ title: "My emoji picks", emoji: null });
    expect(config("picks emoji none")).toMatchObject({ title: null, emoji: "none" });
    expect(config("picks default")).toMatchObject({ title: "default", emoji: null });
    expect(() => config("picks")).toThrow(/picks title <title>/);
    expect(() => config("picks colour red")).toThrow(/picks title <title>/);
    expect(config("review 3 <#C0REVIEW|review>")).toEqual({
      kind: "config",
      action: "review",
      days: "3",
      channelId: "C0REVIEW",
    });
    expect(config("review off")).toMatchObject({ days: "0", channelId: null });
    expect(() => config("review 3 #review")).toThrow(/pick the channel/);
    expect(() => config("review")).toThrow(/review <days>/);
  });
});

describe("splitAddWords", () => {
  it("says where the note starts with and without the first word as a category", () => {
    expect(splitAddWords(' "Neat Open" really &lt;3 it')).toEqual({
      candidate: "Neat Open",
      noteAfter: "really <3 it",
      noteAll: '"Neat Open" really <3 it',
    });
    expect(splitAddWords(" <https://x.example> see")).toMatchObject({
      candidate: null,
      noteAll: "https://x.example see",
    });
    expect(splitAddWords("  ")).toEqual({ candidate: null, noteAfter: null, noteAll: null });
  });

  it("turns Slack markup in a note into plain text", () => {
    const { noteAll } = splitAddWords(" <!channel> see <@U1|amy> in <#C1|general>, <https://x.example|this>");
    expect(noteAll).toBe("@channel see @amy in #general, this (https://x.example)");
  });
});

describe("splitRename", () => {
  it("splits at 'to' after a known category, or after the longest known name", () => {
    expect(splitRename(tokenize("Tools to Dev Tools"), CATEGORIES)).toEqual({
      from: "Tools",
      to: "Dev Tools",
    });
    expect(splitRename(tokenize("Articles &amp; Learning Reading"), CATEGORIES)).toEqual({
      from: "Articles & Learning",
      to: "Reading",
    });
    expect(splitRename(tokenize('"Talks" Videos'), CATEGORIES)).toEqual({ from: "Talks", to: "Videos" });
  });
});

describe("plainText and firstLink", () => {
  it("decodes entities once", () => {
    expect(plainText("a &amp;lt; b &lt; c")).toBe("a &lt; b < c");
  });

  it("reads a link as its words and address, and an address Slack linked as the address", () => {
    expect(plainText("see <https://a.example/x|this post>")).toBe("see this post (https://a.example/x)");
    expect(plainText("see <http://a.example/x|a.example/x>")).toBe("see http://a.example/x");
  });

  it("finds the first web link in a message, skipping mentions", () => {
    expect(
      firstLink("hey <@U1> look <mailto:a@b.c|a@b.c> <https://one.example/x|one> <https://two.example>"),
    ).toBe("https://one.example/x");
    expect(firstLink("no links here")).toBeNull();
  });
});
