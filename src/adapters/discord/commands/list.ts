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
import { parsePeriod } from "../../../core/time/period.js";
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

/**
 * One page: of a query a pager carried, or of what was typed (a month, a category name), which the
 * core settles (this month by default; a category by name) for the pager to carry on.
 */
export async function listPage(
  ctx: CommandContext,
  asked: ListQuery | { offset: 0; month: string | null; category: string | null; mine: boolean },
): Promise<Answer> {
  const page = await ctx.deps.core.linkPage({
    workspace: ctx.workspace,
    month: asked.month,
    ...("category" in asked ? { category: asked.category } : { categoryId: asked.categoryId }),
    ...(asked.mine ? { sharedById: ctx.userId } : {}),
    offset: asked.offset,
    pageSize: PAGE_SIZE,
  });
  const { links, timeZone } = page;
  const query: ListQuery = {
    offset: page.offset,
    month: page.month ?? "",
    categoryId: page.categoryId,
    mine: asked.mine,
  };
  const filters = [page.categoryName ? `in ${page.categoryName}` : "", query.mine ? "shared by you" : ""]
    .filter(Boolean)
    .join(", ");
  const label = `${page.monthLabel}${filters ? ` (${filters})` : ""}`;
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
  const hasNext = page.more || links.length > shown;
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
    const query = {
      offset: 0,
      month: options.getString("month"),
      category: options.getString("category"),
      mine: options.getBoolean("mine") ?? false,
    } as const;
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
