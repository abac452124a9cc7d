import type { DraftBoard, HeldReminder } from "../../src/core/ports/draftBoard.js";
import type { DraftPage } from "../../src/core/review/reviewDraft.js";

/** A draft page as plain lines: its status, then one line per link with its marks. */
export interface PageText {
  status: string;
  page: string;
  lines: string[];
}

function pageText(page: DraftPage): PageText {
  const { draft } = page;
  return {
    status: draft.status === "held" ? `held by ${draft.heldBy}` : draft.status,
    page: `${page.index + 1}/${page.count}`,
    lines: page.entries.map((entry) => {
      const marks = [
        entry.picked ? "picked" : "",
        entry.dropped ? "dropped" : "",
        entry.votes ? `+${entry.votes}` : "",
      ]
        .filter(Boolean)
        .join(" ");
      return `#${entry.id} ${entry.title} [${entry.section ?? "-"}]${marks ? ` ${marks}` : ""}${entry.note ? ` "${entry.note}"` : ""}`;
    }),
  };
}

/**
 * The platform's side of the draft port for core tests: a channel kept in memory, where messages can
 * be deleted behind the bot's back as a person would.
 */
export class MemoryBoard implements DraftBoard<PageText> {
  readonly messages = new Map<string, { channelId: string; page: PageText }>();
  readonly reminders: { channelId: string; reminder: HeldReminder }[] = [];
  posts = 0;
  edits = 0;
  private next = 1;

  constructor(readonly pageSize = 3) {}

  render(page: DraftPage): PageText {
    return pageText(page);
  }

  async post(channelId: string, message: PageText): Promise<string> {
    this.posts++;
    const id = `d${this.next++}`;
    this.messages.set(id, { channelId, page: message });
    return id;
  }

  async edit(channelId: string, messageId: string, message: PageText): Promise<"edited" | "gone"> {
    const existing = this.messages.get(messageId);
    if (!existing || existing.channelId !== channelId) return "gone";
    this.edits++;
    existing.page = message;
    return "edited";
  }

  async remove(_channelId: string, messageId: string): Promise<void> {
    this.messages.delete(messageId);
  }

  async remind(channelId: string, reminder: HeldReminder): Promise<void> {
    this.reminders.push({ channelId, reminder });
  }

  /** What the channel shows now, in the order the messages were posted. */
  shown(channelId: string): PageText[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId).map((m) => m.page);
  }
}
