/**
 * `/read config show|channel|schedule|admins|quiet|archive|title|intro|order|picks|review`. Anyone
 * reads; admins change.
 */
import { UserError } from "../../../../core/errors.js";
import { archiveSentence } from "../../../../core/views/archiveSentence.js";
import type { SlackDeps } from "../../deps.js";
import { editorialSettingsText, settingsReply } from "../../messages.js";
import type { ConfigAction } from "../../readGrammar.js";
import { section } from "../../render.js";
import type { Subcommand } from "./subcommand.js";

/** The settings as `config show` shows them. */
async function showSettings(deps: SlackDeps, workspace: string) {
  return settingsReply(await deps.core.settingsView({ workspace }));
}

/** `/read config` and `/read config show`. */
export const configShowCommand = {
  async run(deps, ix) {
    await ix.reply(await showSettings(deps, ix.workspace));
  },
} satisfies Subcommand<unknown>;

/** `/read config admins` and `/read config admins list`. */
export const adminsListCommand = {
  async run(deps, ix) {
    const added = (await deps.core.getSettings({ workspace: ix.workspace })).admins.filter(
      (a) => a.kind === "user",
    );
    const people = added.length > 0 ? added.map((a) => `<@${a.id}>`).join(", ") : "nobody else yet";
    const text = `Admins are the workspace's admins and owners, plus: ${people}.`;
    await ix.reply({ text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
  },
} satisfies Subcommand<unknown>;

/** `/read config channel|schedule|admins add|admins remove|quiet|title|intro`. */
export const configChangeCommand = {
  adminOnly: "change the roundup settings",
  async run(deps, ix, input) {
    const workspace = ix.workspace;
    switch (input.action) {
      case "channel": {
        const channelId = input.channelId ?? ix.channelId;
        if (!channelId)
          throw new UserError("channel.invalid", "Name the channel: /read config channel #channel.");
        await deps.core.setChannel({ workspace, channelId });
        await ix.reply({
          text: `:white_check_mark: The roundup will be posted in <#${channelId}>. If it's private, invite me there with /invite.`,
        });
        return;
      }
      case "schedule": {
        const current = (await deps.core.getSettings({ workspace })).schedule;
        const settings = await deps.core.setSchedule({
          workspace,
          day: input.day,
          time: input.time,
          timeZone: input.timeZone ?? current.timeZone,
        });
        const { day, time, timeZone } = settings.schedule;
        await ix.reply({
          text: `:white_check_mark: The roundup goes out on day ${day} of each month at ${time} (${timeZone}).`,
        });
        return;
      }
      case "admins": {
        const admin = { kind: "user" as const, id: input.userId };
        if (input.change === "add") await deps.core.addAdmin({ workspace, admin });
        else await deps.core.removeAdmin({ workspace, admin });
        const done =
          input.change === "add"
            ? "can now change settings and post the roundup"
            : "is no longer an added admin";
        await ix.reply({
          text: `<@${input.userId}> ${done}.`,
          blocks: [section(`<@${input.userId}> ${done}.`)],
        });
        return;
      }
      case "quiet": {
        const settings = await deps.core.setQuietMonthNote({ workspace, enabled: input.enabled });
        await ix.reply({
          text: settings.quietMonthNote
            ? "A month without links will get a short note in the roundup channel."
            : "A month without links will post nothing.",
        });
        return;
      }
      case "archive": {
        const settings = await deps.core.setArchive({
          workspace,
          mode: input.mode,
          rotate: input.rotate,
          ...(input.slug !== null ? { slug: input.slug } : {}),
        });
        const url = deps.core.archiveUrl(settings.archive);
        // Ephemeral like every answer here: a private archive's address is its secret.
        await ix.reply({
          text: `The web archive is ${archiveSentence({ mode: settings.archive.mode, url })}.`,
        });
        return;
      }
      case "title": {
        await deps.core.setTitleTemplate({ workspace, template: input.template });
        await ix.reply(await showSettings(deps, workspace));
        return;
      }
      case "intro": {
        await deps.core.setIntro({ workspace, intro: input.intro });
        await ix.reply(await showSettings(deps, workspace));
        return;
      }
      case "order":
      case "picks":
      case "review": {
        const settings =
          input.action === "order"
            ? await deps.core.setOrder({ workspace, order: input.order })
            : input.action === "picks"
              ? await deps.core.setPicks({
                  workspace,
                  ...(input.title !== null ? { title: input.title } : {}),
                  ...(input.emoji !== null ? { emoji: input.emoji } : {}),
                })
              : await deps.core.setReview({
                  workspace,
                  days: input.days,
                  ...(input.channelId !== null ? { channelId: input.channelId } : {}),
                });
        const invite =
          input.action === "review" && settings.review.days > 0
            ? " If the channel is private, invite me there with /invite."
            : "";
        const text = `:white_check_mark: ${editorialSettingsText(settings, input.action)}${invite}`;
        await ix.reply({ text, blocks: [section(text)] });
        return;
      }
    }
  },
} satisfies Subcommand<Exclude<ConfigAction, { action: "show" } | { action: "admins"; change: "list" }>>;
