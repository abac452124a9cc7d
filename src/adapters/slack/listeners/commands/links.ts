/** `/read list`, `/read search`, `/read edit` and `/read remove`. */
import { isUserError } from "../../../../core/errors.js";
import { type Actor, editLink, listLinks, removeLink } from "../../../../core/links/manageLinks.js";
import { getSettings } from "../../../../core/settings/manageSettings.js";
import { parsePeriod, periodLabel, periodOf } from "../../../../core/time/period.js";
import { checkAdmin, type SlackDeps } from "../../deps.js";
import { escapeMrkdwn, mrkdwnLink } from "../../escape.js";
import type { Interaction } from "../../interaction.js";
import { linkList } from "../../messages.js";
import type { EditField } from "../../readGrammar.js";
import type { Subcommand } from "./subcommand.js";

/** The most links one answer lists; the rest are counted. */
const LIST_MAX = 40;

/** `/read list [YYYY-MM] [category] [mine]`: a month's links (this month by default), oldest first. */
export const listCommand = {
  async run(deps, ix, input) {
    const { timeZone } = (await getSettings(deps, { workspace: ix.workspace })).schedule;
    const month = input.month === null ? periodOf(deps.clock.now(), timeZone) : parsePeriod(input.month);
    const links = await listLinks(deps, {
      workspace: ix.workspace,
      month,
      ...(input.category !== null ? { category: input.category } : {}),
      ...(input.mine ? { sharedById: ix.userId } : {}),
    });
    const filters = [input.category ? `in ${input.category}` : "", input.mine ? "shared by you" : ""]
      .filter(Boolean)
      .join(", ");
    const label = `${periodLabel(month)}${filters ? ` (${filters})` : ""}`;
    if (links.length === 0) {
      await ix.reply({
        text: `No links shared in ${escapeMrkdwn(label)} yet. Share one with \`/read add\`.`,
      });
      return;
    }
    const count = links.length === 1 ? "1 link" : `${links.length} links`;
    await ix.reply(
      linkList(
        `${count} shared in ${label}`,
        links.slice(0, LIST_MAX),
        timeZone,
        Math.max(0, links.length - LIST_MAX),
      ),
    );
  },
} satisfies Subcommand<{ month: string | null; category: string | null; mine: boolean }>;

/** `/read search <words>`: every month, words in what people wrote or pages said (title, note, author, address, names). */
export const searchCommand = {
  async run(deps, ix, input) {
    const { timeZone } = (await getSettings(deps, { workspace: ix.workspace })).schedule;
    const links = await listLinks(deps, {
      workspace: ix.workspace,
      search: input.words,
      limit: LIST_MAX + 1,
    });
    if (links.length === 0) {
      await ix.reply({ text: `Nothing matches "${escapeMrkdwn(input.words)}".` });
      return;
    }
    const shown = links.slice(0, LIST_MAX);
    const heading =
      links.length > LIST_MAX ? `More than ${LIST_MAX} links match` : `${links.length} matching`;
    await ix.reply(linkList(`${heading} "${input.words}"`, shown, timeZone));
  },
} satisfies Subcommand<{ words: string }>;

/** Runs a change as the person; when it is someone else's link, again as an admin if they are one. */
async function asActor<T>(
  deps: SlackDeps,
  ix: Interaction,
  change: (actor: Actor) => Promise<T>,
): Promise<T> {
  try {
    // Awaited here, so a refusal lands in the catch below.
    return await change({ userId: ix.userId, isAdmin: false });
  } catch (error) {
    if (isUserError(error) && error.code === "link.notYours" && (await checkAdmin(deps, ix))) {
      return change({ userId: ix.userId, isAdmin: true });
    }
    throw error;
  }
}

/** `/read edit <id> note|title|author|category <value>`; an empty value clears it. Members edit their own links, admins any. */
export const editCommand = {
  async run(deps, ix, input) {
    const value = input.field === "category" && input.value.trim() === "" ? "none" : input.value;
    const link = await asActor(deps, ix, (actor) =>
      editLink(deps, { workspace: ix.workspace, id: input.id, actor, [input.field]: value }),
    );
    const where = link.categoryName ? ` (${escapeMrkdwn(link.categoryName)})` : " (Other)";
    await ix.reply({
      text: `:pencil2: Updated #${link.id}: ${mrkdwnLink(link.url, link.title ?? link.url)}${where}`,
    });
  },
} satisfies Subcommand<{ id: number; field: EditField; value: string }>;

/** `/read remove <id>`. Members remove their own links, admins any. */
export const removeCommand = {
  async run(deps, ix, input) {
    const link = await asActor(deps, ix, (actor) =>
      removeLink(deps, { workspace: ix.workspace, id: input.id, actor }),
    );
    await ix.reply({
      text: `:wastebasket: Removed #${link.id}: ${mrkdwnLink(link.url, link.title ?? link.url)}`,
    });
  },
} satisfies Subcommand<{ id: number }>;
