/** `/read list`, `/read search`, `/read edit` and `/read remove`. */
import { actorOfIx } from "../../deps.js";
import { escapeMrkdwn, mrkdwnLink } from "../../escape.js";
import { linkList } from "../../messages.js";
import type { EditField } from "../../readGrammar.js";
import type { Subcommand } from "./subcommand.js";

/** The most links one answer lists; the rest are counted. */
const LIST_MAX = 40;

/** `/read list [YYYY-MM] [category] [mine]`: a month's links (this month by default), oldest first. */
export const listCommand = {
  async run(deps, ix, input) {
    // The core settles the month (this month by default, in the workspace's time zone) and the category.
    const { links, monthLabel, timeZone } = await deps.core.linkPage({
      workspace: ix.workspace,
      month: input.month,
      category: input.category,
      ...(input.mine ? { sharedById: ix.userId } : {}),
    });
    const filters = [input.category ? `in ${input.category}` : "", input.mine ? "shared by you" : ""]
      .filter(Boolean)
      .join(", ");
    const label = `${monthLabel}${filters ? ` (${filters})` : ""}`;
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
    const { links, more, timeZone } = await deps.core.linkPage({
      workspace: ix.workspace,
      allMonths: true,
      search: input.words,
      pageSize: LIST_MAX,
    });
    if (links.length === 0) {
      await ix.reply({ text: `Nothing matches "${escapeMrkdwn(input.words)}".` });
      return;
    }
    const heading = more ? `More than ${LIST_MAX} links match` : `${links.length} matching`;
    await ix.reply(linkList(`${heading} "${input.words}"`, links, timeZone));
  },
} satisfies Subcommand<{ words: string }>;

/** `/read edit <id> note|title|author|category <value>`; an empty value clears it. Members edit their own links, admins any. */
export const editCommand = {
  async run(deps, ix, input) {
    const value = input.field === "category" && input.value.trim() === "" ? "none" : input.value;
    const link = await deps.core.editLink({
      workspace: ix.workspace,
      id: input.id,
      actor: actorOfIx(deps, ix),
      [input.field]: value,
    });
    const where = link.categoryName ? ` (${escapeMrkdwn(link.categoryName)})` : " (Other)";
    await ix.reply({
      text: `:pencil2: Updated #${link.id}: ${mrkdwnLink(link.url, link.title ?? link.url)}${where}`,
    });
  },
} satisfies Subcommand<{ id: number; field: EditField; value: string }>;

/** `/read remove <id>`. Members remove their own links, admins any. */
export const removeCommand = {
  async run(deps, ix, input) {
    const link = await deps.core.removeLink({
      workspace: ix.workspace,
      id: input.id,
      actor: actorOfIx(deps, ix),
    });
    await ix.reply({
      text: `:wastebasket: Removed #${link.id}: ${mrkdwnLink(link.url, link.title ?? link.url)}`,
    });
  },
} satisfies Subcommand<{ id: number }>;
