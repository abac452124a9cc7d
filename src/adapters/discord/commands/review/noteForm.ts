/** The "Edit note" form of a link in the draft: the new note saved, the link's controls redrawn. */
import { MessageFlags } from "discord.js";
import { DRAFT_REFUSAL, parseLinkArgs, REVIEW_PREFIX, staleControl } from "../../draft/draftIds.js";
import { NOTE_FIELD } from "../../draft/linkControls.js";
import type { ModalHandler } from "../types.js";
import { controlsAfter } from "./controls.js";

export const reviewNoteForm = {
  prefix: REVIEW_PREFIX,
  adminRefusal: DRAFT_REFUSAL,
  async execute(ctx, args) {
    if (args[0] !== "note") throw staleControl();
    const { period, linkId } = parseLinkArgs(args);
    const interaction = ctx.interaction;
    const note = interaction.fields.getTextInputValue(NOTE_FIELD);
    // Sent from the link's controls: those are updated in place; the draft is redrawn meanwhile.
    if (interaction.isFromMessage()) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const link = await ctx.deps.core.editLink({
      workspace: ctx.workspace,
      id: linkId,
      actor: ctx.actor,
      note,
    });
    const said = link.note ? "📝 Note saved." : "📝 Note removed.";
    await ctx.reply(await controlsAfter(ctx, period, linkId, said));
  },
} satisfies ModalHandler;
