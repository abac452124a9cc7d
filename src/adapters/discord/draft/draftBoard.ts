/**
 * The review draft on Discord: each page is a message in the review channel, edited in place as the
 * editors change the draft. A message someone deleted is "gone" (the core posts it again); a held
 * roundup's daily reminder answers the draft's first message.
 */
import { DiscordAPIError, type REST, Routes } from "discord.js";
import type { DraftBoard, HeldReminder } from "../../../core/ports/draftBoard.js";
import { PublishError } from "../../../core/ports/publisher.js";
import { formatLocalDateTime } from "../../../core/time/formatLocal.js";
import { clip, escapeDiscord, oneLine } from "../escape.js";
import { NO_MENTIONS, publishError } from "../publisher.js";
import { DRAFT_PAGE_SIZE, type DraftMessage, renderDraftPage } from "./renderDraft.js";

const UNKNOWN_MESSAGE = 10008;

/** Discord errors about the review channel, in words an admin can act on. */
const REVIEW_CHANNEL: Record<number, string> = {
  10003: "the review channel no longer exists",
  50001: "the bot cannot see the review channel: give it View Channel there",
  50013: "the bot lacks a permission in the review channel: it needs Send Messages and Embed Links",
};

function reviewError(error: unknown): PublishError {
  const known = error instanceof DiscordAPIError ? REVIEW_CHANNEL[Number(error.code)] : undefined;
  return known ? new PublishError(known, true) : publishError(error);
}

function isGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.code === UNKNOWN_MESSAGE || error.status === 404);
}

export function reminderText(reminder: HeldReminder): string {
  const by = escapeDiscord(clip(oneLine(reminder.heldBy), 60));
  const due = `${formatLocalDateTime(reminder.dueAt, reminder.timeZone)} (${reminder.timeZone})`;
  return `⏸️ The ${reminder.periodLabel} roundup was due ${due} and is still held by ${by}. Press Post now on the draft when it's ready, or Release hold to let the schedule post it.`;
}

export function createDiscordDraftBoard(options: { rest: REST }): DraftBoard<DraftMessage> {
  const { rest } = options;
  const body = (message: DraftMessage) => ({ ...message, allowed_mentions: NO_MENTIONS });
  return {
    pageSize: DRAFT_PAGE_SIZE,
    render: renderDraftPage,
    async post(channelId, message) {
      try {
        const posted = (await rest.post(Routes.channelMessages(channelId), { body: body(message) })) as {
          id?: string;
        };
        if (!posted.id) throw new Error("Discord answered without a message id");
        return posted.id;
      } catch (error) {
        throw reviewError(error);
      }
    },
    async edit(channelId, messageId, message) {
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body: body(message) });
        return "edited";
      } catch (error) {
        if (isGone(error)) return "gone";
        throw reviewError(error);
      }
    },
    async remove(channelId, messageId) {
      try {
        await rest.delete(Routes.channelMessage(channelId, messageId));
      } catch (error) {
        if (!isGone(error)) throw reviewError(error);
      }
    },
    async remind(channelId, reminder) {
      const send = (reference: string | null) =>
        rest.post(Routes.channelMessages(channelId), {
          body: {
            content: reminderText(reminder),
            allowed_mentions: NO_MENTIONS,
            ...(reference ? { message_reference: { message_id: reference, fail_if_not_exists: false } } : {}),
          },
        });
      try {
        try {
          await send(reminder.draftMessageId);
        } catch (error) {
          // A reply needs Read Message History, which a channel may deny: the reminder alone will do.
          if (!(error instanceof DiscordAPIError) || error.status >= 500 || !reminder.draftMessageId)
            throw error;
          await send(null);
        }
      } catch (error) {
        throw reviewError(error);
      }
    },
  };
}
