import type { Settings } from "../../core/types.js";
import { platformOf } from "../../core/workspace.js";
import { expectPositionals, PROGRAM, parse, stringValue, UsageError } from "../args.js";
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
  config admins add|remove user|role <id>

Example: ${PROGRAM} config set schedule --day 1 --time 09:00 --tz Europe/Berlin`;

const showOptions = { json: { type: "boolean" } } as const;
const archiveOptions = { rotate: { type: "boolean" }, slug: { type: "string" } } as const;
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

export const configCommand: CliCommand = {
  name: "config",
  summary: "show or change the roundup channel, schedule, title and admins",
  usage,
  options: { ...showOptions, ...scheduleOptions, ...archiveOptions },
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
