/**
 * Where Slack shows the review draft: one message per page in the review channel, edited in place as
 * editors change it (`chat.update`), posted again when someone deleted it, and a daily word in its
 * thread while the roundup is held.
 */
import type { WebClient } from "@slack/web-api";
import type { DraftBoard, HeldReminder } from "../../core/ports/draftBoard.js";
import { formatLocalDateTime } from "../../core/time/formatLocal.js";
import { DRAFT_PAGE_SIZE, renderDraftPage } from "./draftMessage.js";
import { escapeMrkdwn, oneLine } from "./escape.js";
import { publishError, slackErrorCode } from "./publishError.js";
import { type SlackMessage, section } from "./render.js";

/** Slack errors that retrying will not fix, in words an admin can act on. */
const PERMANENT: Record<string, string> = {
  channel_not_found: "the review channel no longer exists, or the bot cannot see it",
  not_in_channel: "the bot is not in the review channel: invite it there with /invite",
  is_archived: "the review channel is archived",
  restricted_action: "the workspace does not let the bot post in the review channel",
  missing_scope: "the Slack app lacks a permission it needs (chat:write)",
  invalid_auth: "the Slack token was refused",
  account_inactive: "the Slack token was revoked",
  token_revoked: "the Slack token was revoked",
  invalid_blocks: "Slack refused the draft's layout",
};

/** Slack's answer for a message that is no longer there. */
const GONE = new Set(["message_not_found", "cant_update_message", "cant_delete_message"]);

/** The reminder while a roundup is held, in mrkdwn. */
export function reminderText(reminder: HeldReminder): string {
  const due = formatLocalDateTime(reminder.dueAt, reminder.timeZone);
  return `:double_vertical_bar: The ${escapeMrkdwn(reminder.periodLabel)} roundup is still held by ${escapeMrkdwn(
    oneLine(reminder.heldBy),
  )}: it was due on ${due} (${escapeMrkdwn(reminder.timeZone)}). Press *Post now* on the draft when it's ready, or *Release hold* to let the schedule post it.`;
}

/**
 * `client` edits, deletes and reminds (retrying is harmless there); `postClient` posts new pages and
 * must not retry on its own: a post retried after Slack took it would leave a stray page.
 */
export function createSlackDraftBoard(options: {
  client: WebClient;
  postClient: WebClient;
}): DraftBoard<SlackMessage> {
  const { client, postClient } = options;
  return {
    pageSize: DRAFT_PAGE_SIZE,
    render: renderDraftPage,

    async post(channel, message) {
      try {
        const result = await postClient.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!result.ts) throw new Error("Slack answered without a message id");
        return result.ts;
      } catch (error) {
        throw publishError(error, PERMANENT);
      }
    },

    async edit(channel, ts, message) {
      try {
        await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
        return "edited";
      } catch (error) {
        if (GONE.has(slackErrorCode(error))) return "gone";
        throw publishError(error, PERMANENT);
      }
    },

    async remove(channel, ts) {
      try {
        await client.chat.delete({ channel, ts });
      } catch (error) {
        if (!GONE.has(slackErrorCode(error))) throw publishError(error, PERMANENT);
      }
    },

    async remind(channel, reminder) {
      const text = reminderText(reminder);
      try {
        const blocks = [section(text)];
        if (reminder.draftMessageId) {
          // In the draft's thread, and in the channel too, so it is seen.
          await client.chat.postMessage({
            channel,
            text,
            blocks,
            thread_ts: reminder.draftMessageId,
            reply_broadcast: true,
          });
        } else await client.chat.postMessage({ channel, text, blocks });
      } catch (error) {
        throw publishError(error, PERMANENT);
      }
    },
  };
}
