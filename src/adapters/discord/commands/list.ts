/**
 * `/read list [month:] [category:] [mine:]`: a month's links (this month by default), oldest first,
 * a page at a time with Previous and Next buttons, privately.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
  SlashCommandSubcommandBuilder,
} from "discord.js";
import { findCategoryById, meansNoCategory, resolveCategory } from "../../../core/categories/categoryName.js";
import { OTHER_SECTION_NAME } from "../../../core/categories/defaultCategories.js";
import { parsePeriod, periodLabel, periodOf } from "../../../core/time/period.js";
import type { Answer, CommandContext } from "../context.js";
import { linkListEmbed } from "../messages.js";
import { NO_MENTIONS } from "../publisher.js";
import type { ButtonHandler, ReadSubcommand } from "./types.js";

export const PAGE_SIZE = 10;
const PREFIX = "list";

/** What a page shows; it rides in the buttons' custom ids (well under 100 characters). */
export interface ListQuery {
  offset: number;
  month: string;
  /** A category id, null for Other (no category), or undefined for all. */
  categoryId: number | null | undefined;
  mine: boolean;
}

/** The category part of a custom id: an id, "none" for Other, "" for all. */
function categoryPart(categoryId: number | null | undefined): string {
  return categoryId === undefined ? "" : categoryId === null ? "none" : String(categoryId);
}

function parseCategoryPart(part: string | undefined): number | null | undefined {
  if (!part) return undefined;
  return part === "none" ? null : Number(part);
}

function customId(direction: "p" | "n", query: ListQuery, offset: number): string {
  return [PREFIX, direction, offset, query.month, categoryPart(query.categoryId), query.mine ? 1 : 0].join(
    ":",
  );
}

export async function listPage(ctx: CommandContext, query: ListQuery): Promise<Answer> {
  const { deps, workspace } = ctx;
  const { timeZone } = (await deps.core.getSettings({ workspace })).schedule;
  const links = await deps.core.listLinks({
    workspace,
    month: query.month,
    ...(query.categoryId !== undefined ? { categoryId: query.categoryId } : {}),
    ...(query.mine ? { sharedById: ctx.userId } : {}),
    limit: PAGE_SIZE + 1,
    offset: query.offset,
  });
  let categoryName: string | null = null;
  if (query.categoryId === null) categoryName = OTHER_SECTION_NAME;
  else if (query.categoryId !== undefined) {
    const all = await deps.core.listCategories({ workspace, includeArchived: true });
    categoryName = findCategoryById(all, query.categoryId)?.name ?? null;
  }
  const filters = [categoryName ? `in ${categoryName}` : "", query.mine ? "shared by you" : ""]
    .filter(Boolean)
    .join(", ");
  const label = `${periodLabel(query.month)}${filters ? ` (${filters})` : ""}`;
  if (links.length === 0) {
    return {
      content:
        query.offset === 0
          ? `No links shared in ${label} yet. Share one with /read add.`
          : `No more links in ${label}.`,
      embeds: [],
      components: [],
    };
  }
  const { embed, shown } = linkListEmbed(`Links shared in ${label}`, links, timeZone, PAGE_SIZE);
  embed.footer = { text: `${query.offset + 1}–${query.offset + shown}` };
  const hasNext = links.length > shown;
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] =
    query.offset > 0 || hasNext
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: "◀ Previous",
                custom_id: customId("p", query, Math.max(0, query.offset - PAGE_SIZE)),
                disabled: query.offset === 0,
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: "Next ▶",
                custom_id: customId("n", query, query.offset + shown),
                disabled: !hasNext,
              },
            ],
          },
        ]
      : [];
  return { content: "", embeds: [embed], components };
}

export default {
  data: new SlashCommandSubcommandBuilder()
    .setName("list")
    .setDescription("List a month's links, a page at a time")
    .addStringOption((o) =>
      o.setName("month").setDescription("YYYY-MM; this month when left out").setMinLength(7).setMaxLength(7),
    )
    .addStringOption((o) =>
      o.setName("category").setDescription("Only this section").setAutocomplete(true).setMaxLength(100),
    )
    .addBooleanOption((o) => o.setName("mine").setDescription("Only links you shared")),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const month = options.getString("month");
    const categoryName = options.getString("category");
    const { timeZone } = (await ctx.deps.core.getSettings({ workspace: ctx.workspace })).schedule;
    let categoryId: number | null | undefined;
    if (categoryName !== null) {
      categoryId = meansNoCategory(categoryName)
        ? null
        : resolveCategory(
            await ctx.deps.core.listCategories({ workspace: ctx.workspace, includeArchived: true }),
            categoryName,
          ).id;
    }
    const query: ListQuery = {
      offset: 0,
      month: month === null ? periodOf(ctx.deps.core.clock.now(), timeZone) : parsePeriod(month),
      categoryId,
      mine: options.getBoolean("mine") ?? false,
    };
    await ctx.reply(await listPage(ctx, query));
  },
} satisfies ReadSubcommand;

/** Previous / Next on a list: the same query, another offset, the message updated in place. */
export const listPager = {
  prefix: PREFIX,
  async execute(ctx, args) {
    const [_direction, offset, month, category, mine] = args;
    const query: ListQuery = {
      offset: Math.max(0, Number(offset) || 0),
      month: parsePeriod(month ?? ""),
      categoryId: parseCategoryPart(category),
      mine: mine === "1",
    };
    await ctx.interaction.update({ ...(await listPage(ctx, query)), allowedMentions: NO_MENTIONS });
  },
} satisfies ButtonHandler;
