import type { DraftPage } from "../review/reviewDraft.js";

/** The daily word to reviewers while a roundup is held past its due time. */
export interface HeldReminder {
  period: string;
  periodLabel: string;
  heldBy: string;
  /** When it was due. */
  dueAt: number;
  timeZone: string;
  /** The draft's first message, to point at when the platform can. */
  draftMessageId: string | null;
}

/**
 * Where a platform shows the review draft: one message per page, with the controls editors press.
 * Each adapter provides one; `render` must fit its platform's limits for `pageSize` links.
 */
export interface DraftBoard<Message = unknown> {
  /** How many links one draft message holds. */
  readonly pageSize: number;
  render(page: DraftPage): Message;
  /** Posts a message and returns its id. */
  post(channelId: string, message: Message): Promise<string>;
  /** Replaces a message's content in place; "gone" when it was deleted (it is then posted again). */
  edit(channelId: string, messageId: string, message: Message): Promise<"edited" | "gone">;
  /** Removes a page the draft no longer needs; a message already gone is fine. */
  remove(channelId: string, messageId: string): Promise<void>;
  remind(channelId: string, reminder: HeldReminder): Promise<void>;
}
