import { helpReply } from "../../messages.js";
import type { Subcommand } from "./subcommand.js";

/** `/read help`, and the answer to anything `/read` does not know. */
export const helpCommand = {
  async run(_deps, ix, input) {
    await ix.reply(helpReply(input.unknown));
  },
} satisfies Subcommand<{ unknown: string | null }>;
