import type { Interaction } from "../interaction.js";
import { helpReply } from "../messages.js";

/** `/read help`, and the answer to anything `/read` does not know. */
export async function helpCommand(ix: Interaction, input: { unknown: string | null }): Promise<void> {
  await ix.reply(helpReply(input.unknown));
}
