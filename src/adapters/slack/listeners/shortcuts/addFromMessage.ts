import { UserError } from "../../../../core/errors.js";
import { noteFromMessage } from "../../../../core/links/messageNote.js";
import type { SlackDeps } from "../../deps.js";
import type { Interaction } from "../../interaction.js";
import { shareLink } from "../../shareLink.js";
import { firstLink, plainText } from "../../slackMarkup.js";

/** The "Add to reading list" message shortcut's callback id, as in slack-manifest.yml. */
export const ADD_SHORTCUT_CALLBACK = "read_add_from_message";

/** The message shortcut: shares the first link in the message, with the message's text as the note. */
export async function addFromMessage(
  deps: SlackDeps,
  ix: Interaction,
  message: { text?: string; blocks?: unknown },
): Promise<void> {
  await ix.ack();
  const url = firstLink(messageLinkText(message));
  if (!url) throw new UserError("message.noLink", "That message has no link to add.");
  const note = noteFromMessage(plainText(message.text ?? ""), url);
  await shareLink(deps, ix, { url, note });
}

/** Link markup from a message's text, plus links that only live in its rich-text blocks. */
function messageLinkText(message: { text?: string; blocks?: unknown }): string {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "link" && typeof record.url === "string") found.push(`<${record.url}>`);
      for (const value of Object.values(record)) if (typeof value === "object") walk(value);
    }
  };
  walk(message.blocks);
  return [message.text ?? "", ...found].join(" ");
}
