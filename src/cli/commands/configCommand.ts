import { UserError } from "../../core/errors.js";
import type { Settings } from "../../core/types.js";
import { platformOf } from "../../core/workspace.js";
import { commandLine, expectPositionals, PROGRAM, parse, stringValue, UsageError } from "../args.js";
import type { CliCommand, CliContext } from "../context.js";
import { settingsJson, settingsText } from "../format.js";
import { noChatError } from "./roundupCommand.js";

const usage = `Usage: ${PROGRAM} config <action> ...

  config show [--json]
  config set channel <channel id>          where the roundup is posted (slack: and discord: workspaces)
  config set schedule --day N --time HH:MM --tz Area/City
  config set title <template>              {month} becomes "July 2026"
  config set intro <text>                  a paragraph under the title ("" for none)
  config set quiet on|off                  a month without links: a short note (on) or nothing (off)
  config set archive off|private|public    publish the roundups on the web (PUBLIC_URL):
             [--rotate] [--slug SLUG]      private at a secret address (--rotate replaces it),
                                           public at PUBLIC_URL/SLUG/
  config set order shared|votes            links within a section: as shared, or most 👍 first
  config set picks [--title T] [--emoji E]
                                           the section picked links open the roundup in
                                           (--emoji none: no emoji; --title default: as it was)
  config set review --days N [--channel ID]
                                           a draft for the editors N days before each roundup,
                                           in a channel they read (--days 0 turns it off)
  config admins add|remove user|role <id>

Examples: ${PROGRAM} config set schedule --day 1 --time 09:00 --tz Europe/Berlin
          ${PROGRAM} config set order votes
          ${PROGRAM} config set picks --title "Editors' picks" --emoji none
          ${PROGRAM} config set review --days 3 --channel C0REVIEW --workspace slack:T012AB3CD`;

const showOptions = { json: { type: "boolean" } } as const;
const archiveOptions = { rotate: { type: "boolean" }, slug: { type: "string" } } as const;
const picksOptions = { title: { type: "string" }, emoji: { type: "string" } } as const;
const reviewOptions = { days: { type: "string" }, channel: { type: "string" } } as const;
const scheduleOptions = {
  day: { type: "string" },
  time: { type: "string" },
  tz: { type: "string" },
} as const;

/** The settings as they are now, with the last run and what is late: as text, or as JSON for scripts. */
async function show(context: CliContext, { workspace }: Settings, json = false): Promise<void> {
  if (json) {
    const { settings, lastRun, waiting } = await context.core.configSummary({ workspace });
    const archiveUrl = context.core.archiveUrl(settings.archive);
    context.out(JSON.stringify(settingsJson(settings, lastRun, waiting, archiveUrl), null, 2));
  } else context.out(settingsText(await context.core.settingsView({ workspace })));
}

/** Why a local workspace gets no review draft: there is no chat to post it in. */
function noReviewChannel(workspace: string): UserError {
  return new UserError(
    "workspace.noChat",
    `${workspace} is a local workspace: it has no chat, so no draft is posted for review. Shape the roundup with ${commandLine("edit <id> --drop|--pick", workspace)} and read it with ${commandLine("roundup YYYY-MM", workspace)}`,
  );
}

export const configCommand: CliCommand = {
  name: "config",
  summary: "show or change the roundup channel, schedule, title, order, picks, review and admins",
  usage,
  options: { ...showOptions, ...scheduleOptions, ...archiveOptions, ...picksOptions, ...reviewOptions },
  async run(context, args) {
    const [action, ...rest] = args;
    const { core } = context;
    const workspace = context.workspace;
    if (action === "show") {
      const parsed = parse(rest, showOptions, usage);
      expectPositionals(parsed, [], usage);
      await show(
        context,
        await core.getSettings({ workspace: await core.requireWorkspace(workspace) }),
        parsed.values.json === true,
      );
      return;
    }
    if (action === "admins") {
      const [change, kind, id] = expectPositionals(
        parse(rest, {}, usage),
        ["add|remove", "user|role", "<id>"],
        usage,
      );
      if ((change !== "add" && change !== "remove") || (kind !== "user" && kind !== "role")) {
        throw new UsageError("expected: config admins add|remove user|role <id>", usage);
      }
      const input = { workspace, admin: { kind, id: id as string } } as const;
      await show(context, change === "add" ? await core.addAdmin(input) : await core.removeAdmin(input));
      return;
    }
    if (action !== "set")
      throw new UsageError(action === undefined ? "missing action" : `unknown action "${action}"`, usage);
    const [what, ...values] = rest;
    switch (what) {
      case "channel": {
        if (platformOf(workspace) === "local") throw noChatError(workspace);
        const [channelId] = expectPositionals(parse(values, {}, usage), ["<channel id>"], usage);
        await show(context, await core.setChannel({ workspace, channelId: channelId as string }));
        return;
      }
      case "schedule": {
        const parsed = parse(values, scheduleOptions, usage);
        expectPositionals(parsed, [], usage);
        const day = stringValue(parsed, "day");
        const time = stringValue(parsed, "time");
        const timeZone = stringValue(parsed, "tz");
        if (day === undefined || time === undefined || timeZone === undefined) {
          throw new UsageError("config set schedule needs --day, --time and --tz", usage);
        }
        await show(context, await core.setSchedule({ workspace, day, time, timeZone }));
        return;
      }
      case "quiet": {
        const [value] = expectPositionals(parse(values, {}, usage), ["on|off"], usage);
        if (value !== "on" && value !== "off")
          throw new UsageError(`expected on or off, not "${value}"`, usage);
        await show(context, await core.setQuietMonthNote({ workspace, enabled: value === "on" }));
        return;
      }
      case "archive": {
        const parsed = parse(values, archiveOptions, usage);
        const [mode] = expectPositionals(parsed, ["off|private|public"], usage);
        if (mode !== "off" && mode !== "private" && mode !== "public")
          throw new UsageError(`expected off, private or public, not "${mode}"`, usage);
        const slug = stringValue(parsed, "slug");
        await show(
          context,
          await core.setArchive({
            workspace,
            mode,
            rotate: parsed.values.rotate === true,
            ...(slug !== undefined ? { slug } : {}),
          }),
        );
        return;
      }
      case "order": {
        const [order] = expectPositionals(parse(values, {}, usage), ["shared|votes"], usage);
        if (order !== "shared" && order !== "votes")
          throw new UsageError(`expected shared or votes, not "${order}"`, usage);
        await show(context, await core.setOrder({ workspace, order }));
        return;
      }
      case "picks": {
        const parsed = parse(values, picksOptions, usage);
        expectPositionals(parsed, [], usage);
        const title = stringValue(parsed, "title");
        const emoji = stringValue(parsed, "emoji");
        if (title === undefined && emoji === undefined)
          throw new UsageError("config set picks needs --title, --emoji or both", usage);
        await show(
          context,
          await core.setPicks({
            workspace,
            ...(title !== undefined ? { title } : {}),
            ...(emoji !== undefined ? { emoji } : {}),
          }),
        );
        return;
      }
      case "review": {
        const parsed = parse(values, reviewOptions, usage);
        expectPositionals(parsed, [], usage);
        const days = stringValue(parsed, "days");
        const channelId = stringValue(parsed, "channel");
        if (days === undefined)
          throw new UsageError("config set review needs --days (0 turns it off)", usage);
        // Turning it off is harmless anywhere; a draft needs a chat to go to.
        if (platformOf(workspace) === "local" && (channelId !== undefined || !/^\s*0+\s*$/.test(days)))
          throw noReviewChannel(workspace);
        await show(
          context,
          await core.setReview({ workspace, days, ...(channelId !== undefined ? { channelId } : {}) }),
        );
        return;
      }
      case "title": {
        const [template] = expectPositionals(parse(values, {}, usage), ["<template>"], usage);
        await show(context, await core.setTitleTemplate({ workspace, template: template as string }));
        return;
      }
      case "intro": {
        const [intro] = expectPositionals(parse(values, {}, usage), ["<text>"], usage);
        await show(context, await core.setIntro({ workspace, intro: intro as string }));
        return;
      }
      default:
        throw new UsageError(what === undefined ? "missing setting" : `unknown setting "${what}"`, usage);
    }
  },
};
