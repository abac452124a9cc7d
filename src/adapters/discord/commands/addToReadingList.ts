/** The "Add to reading list" message command: the message's first link, its text as the note. */
import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from "discord.js";
import { UserError } from "../../../core/errors.js";
import { noteFromMessage } from "../../../core/links/messageNote.js";
import { shareLink } from "../share.js";
import type { MessageCommand } from "./types.js";

export const ADD_TO_READING_LIST = "Add to reading list";

/** The first web link in a message's text: `<…>` and trailing punctuation left off, balanced `(…)` kept. */
export function firstLink(text: string): string | null {
  const match = /https?:\/\/[^\s<>]+/i.exec(text);
  if (!match) return null;
  let url = match[0];
  for (;;) {
    const last = url.at(-1) ?? "";
    if (/[.,;:!?'"*_~|]/.test(last)) url = url.slice(0, -1);
    else if (last === ")" && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0))
      url = url.slice(0, -1);
    else if (last === "]") url = url.slice(0, -1);
    else return url;
  }
}

export default {
  data: new ContextMenuCommandBuilder()
    .setName(ADD_TO_READING_LIST)
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild),
  async execute(ctx) {
    const message = ctx.interaction.targetMessage;
    const text = message.content ?? "";
    const url = firstLink(text) ?? message.embeds.find((e) => e.url)?.url ?? null;
    if (!url) throw new UserError("url.none", "That message has no link in it to add.");
    await shareLink(ctx, { url, category: null, note: noteFromMessage(text, url) }, { visible: false });
  },
} satisfies MessageCommand;
