/**
 * One request from Slack as the command handlers see it: who, where, and two ways to answer. The
 * first `reply` rides on the acknowledgement when Slack lets it (slash commands), later ones go to the
 * `response_url`. Whatever a handler does, Slack gets its acknowledgement within `ackBudgetMs`.
 */
import type { RespondArguments, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import { escapeMrkdwn } from "./escape.js";
import type { Block } from "./render.js";

export interface Reply {
  text: string;
  blocks?: Block[];
  /** Follow-ups only: replace the message the interaction came from (a confirmation being updated). */
  replaceOriginal?: boolean;
}

/** Slack waits 3 s for the acknowledgement; answer with an empty one well before that. */
const ACK_BUDGET_MS = 2_500;

export interface InteractionInit {
  teamId: string;
  userId: string;
  /** The user's handle from the payload: the name used when users.info cannot be read. */
  userName: string;
  channelId: string | null;
  triggerId: string | null;
  client: WebClient;
  logger: Logger;
  /** Bolt's ack. `carriesReply`: whether it can hold a message (slash commands) or must be empty. */
  ack: (body?: RespondArguments) => Promise<void>;
  carriesReply: boolean;
  respond: RespondFn | undefined;
  ackBudgetMs?: number;
}

export const workspaceKey = (teamId: string) => `slack:${teamId}`;

function ephemeral(reply: Reply): RespondArguments {
  return reply.blocks
    ? { response_type: "ephemeral", text: reply.text, blocks: reply.blocks }
    : { response_type: "ephemeral", text: reply.text };
}

export class Interaction {
  readonly teamId: string;
  readonly workspace: string;
  readonly userId: string;
  readonly userName: string;
  readonly channelId: string | null;
  readonly triggerId: string | null;
  readonly client: WebClient;
  private readonly init: InteractionInit;
  private acked = false;
  private notice: string | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(init: InteractionInit) {
    this.init = init;
    this.teamId = init.teamId;
    this.workspace = workspaceKey(init.teamId);
    this.userId = init.userId;
    this.userName = init.userName;
    this.channelId = init.channelId;
    this.triggerId = init.triggerId;
    this.client = init.client;
    this.timer = setTimeout(() => void this.ack(), init.ackBudgetMs ?? ACK_BUDGET_MS);
    this.timer.unref();
  }

  /** Something the next reply should also say (an admin notice), once. */
  attachNotice(text: string): void {
    this.notice = text;
  }

  private withNotice(reply: Reply): Reply {
    const notice = this.notice;
    if (notice === null) return reply;
    this.notice = null;
    const line = `:information_source: ${escapeMrkdwn(notice)}`;
    return {
      ...reply,
      text: `${reply.text}\n${line}`,
      ...(reply.blocks
        ? { blocks: [...reply.blocks, { type: "context", elements: [{ type: "mrkdwn", text: line }] }] }
        : {}),
    };
  }

  /**
   * Bolt's ack, which fails when Slack can no longer be told (Socket Mode's socket closed meanwhile).
   * That is logged, never thrown: the work goes on, and its answer can still take the response_url.
   */
  private async sendAck(body?: RespondArguments): Promise<boolean> {
    this.acked = true;
    clearTimeout(this.timer);
    try {
      await this.init.ack(body);
      return true;
    } catch (error) {
      this.init.logger.warn({ err: error, team: this.teamId }, "could not acknowledge a Slack request");
      return false;
    }
  }

  /** Acknowledges with nothing (if not done yet): before opening a modal, or before slow work. */
  async ack(): Promise<void> {
    if (!this.acked) await this.sendAck();
  }

  /** Answers the person privately: in the acknowledgement when still possible, else as a follow-up. */
  async reply(message: Reply): Promise<void> {
    const reply = this.withNotice(message);
    if (!this.acked && this.init.carriesReply && (await this.sendAck(ephemeral(reply)))) return;
    await this.ack();
    await this.followUp(reply);
  }

  /** A message through the `response_url`; Slack allows five per interaction. */
  async followUp(reply: Reply): Promise<void> {
    const { respond, logger } = this.init;
    if (!respond) {
      logger.warn({ team: this.teamId }, "no response_url to answer on");
      return;
    }
    try {
      await respond({ ...ephemeral(reply), replace_original: reply.replaceOriginal === true });
    } catch (error) {
      logger.warn({ err: error, team: this.teamId }, "could not send a follow-up to Slack");
    }
  }
}
