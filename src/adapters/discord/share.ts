/**
 * Sharing a link, from `/read add` or a message's "Add to reading list": the link is stored and the
 * person answered at once; when a fetcher is set, the page is read afterwards and the answer edited
 * with what it said.
 */
import type { ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from "discord.js";
import type { EnrichResult } from "../../core/links/enrichLink.js";
import type { Category, Link } from "../../core/types.js";
import { voteRow } from "./commands/vote.js";
import type { CommandContext } from "./context.js";
import { escapeDiscord } from "./escape.js";
import { addedText, duplicateText, linkTitle } from "./messages.js";

type ShareInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

export async function shareLink(
  ctx: CommandContext<ShareInteraction>,
  input: { url: string; category: string | null; note: string | null },
  options: { visible: boolean },
): Promise<void> {
  const result = await ctx.deps.core.addLink({
    workspace: ctx.workspace,
    url: input.url,
    category: input.category,
    note: input.note,
    userId: ctx.userId,
    userName: ctx.userName,
    source: "discord",
  });
  if (result.status === "duplicate") {
    const { timeZone } = (await ctx.deps.core.getSettings({ workspace: ctx.workspace })).schedule;
    await ctx.reply({ content: duplicateText(result.link, result.noteKept, timeZone) });
    return;
  }
  const { core } = ctx.deps;
  await ctx.reply(
    {
      content: addedText(result.link, result.category, ctx.userName, {
        state: core.fetches ? "pending" : "none",
      }),
      // Others who see the share can +1 it there.
      ...(options.visible ? { components: [voteRow(result.link.id, 0)] } : {}),
    },
    options,
  );
  if (!core.fetches) return;
  void ctx.deps.inFlight.run(
    "read page",
    { interactionId: ctx.interaction.id, guild: ctx.guildId, link: result.link.id },
    async () => {
      const enriched = await core.enrichLink({ workspace: ctx.workspace, linkId: result.link.id });
      await ctx.edit({ content: enrichedText(enriched, result.link, result.category, ctx.userName) });
    },
  );
}

function enrichedText(
  enriched: EnrichResult,
  before: Link,
  category: Category | null,
  sharer: string,
): string {
  switch (enriched.status) {
    case "gone":
      return addedText(before, category, sharer, { state: "none" });
    case "failed":
      return addedText(enriched.link, category, sharer, { state: "failed", reason: enriched.reason });
    case "enriched":
      return addedText(enriched.link, category, sharer, { state: "done" });
    case "merged": {
      const kept = enriched.noteKept ? " The note was added to it." : "";
      return `♻️ That page is already on the list as #${enriched.link.id} ${linkTitle(enriched.link)}, shared by ${escapeDiscord(enriched.link.sharedByName)}; #${enriched.removedId} was folded into it.${kept}`;
    }
  }
}
