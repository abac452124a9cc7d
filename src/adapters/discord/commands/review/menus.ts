/**
 * The draft's menus: "Choose a link to edit" on a draft message answers privately with that link's
 * controls; a link's "Move to a section" menu moves it (the controls redrawn). Admins only, checked
 * by the router.
 */
import type { StringSelectMenuInteraction } from "discord.js";
import type { CommandContext } from "../../context.js";
import {
  DRAFT_REFUSAL,
  parseLinkArgs,
  parsePeriodArg,
  REVIEW_PREFIX,
  staleControl,
} from "../../draft/draftIds.js";
import { linkControls, NO_CATEGORY } from "../../draft/linkControls.js";
import { escapeDiscord } from "../../escape.js";
import type { SelectHandler } from "../types.js";
import { controlsAfter, draftEntry } from "./controls.js";

type Ctx = CommandContext<StringSelectMenuInteraction>;

async function chooseLink(ctx: Ctx, args: string[]): Promise<void> {
  const period = parsePeriodArg(args);
  const linkId = Number(ctx.interaction.values[0]);
  if (!Number.isSafeInteger(linkId)) throw staleControl();
  const { draft, entry } = await draftEntry(ctx, period, linkId);
  await ctx.reply(linkControls(draft, entry));
}

async function move(ctx: Ctx, args: string[]): Promise<void> {
  const { period, linkId } = parseLinkArgs(args);
  const value = ctx.interaction.values[0] ?? "";
  const categoryId = value === NO_CATEGORY ? null : Number(value);
  if (categoryId !== null && !Number.isSafeInteger(categoryId)) throw staleControl();
  // The draft's messages are redrawn before the core answers: acknowledge first.
  await ctx.interaction.deferUpdate();
  const link = await ctx.deps.core.editLink({
    workspace: ctx.workspace,
    id: linkId,
    actor: ctx.actor,
    categoryId,
  });
  const said = `📂 Moved to ${escapeDiscord(link.categoryName ?? "Other")}.`;
  await ctx.reply(await controlsAfter(ctx, period, linkId, said));
}

export const reviewMenus = {
  prefix: REVIEW_PREFIX,
  adminRefusal: DRAFT_REFUSAL,
  async execute(ctx, args) {
    const [control] = args;
    if (control === "link") return chooseLink(ctx, args);
    if (control === "move") return move(ctx, args);
    throw staleControl();
  },
} satisfies SelectHandler;
