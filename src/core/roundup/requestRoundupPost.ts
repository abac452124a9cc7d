/**
 * Someone asks for a roundup to be posted (`/read roundup post`, `roundup post` on the command line).
 * The core decides whether it may and can happen; the face words each outcome.
 */
import type { Actor } from "../actor.js";
import { describeError } from "../background/describeError.js";
import { UserError } from "../errors.js";
import type { Logger } from "../ports/logger.js";
import type { Period } from "../time/period.js";
import type { RunStatus } from "../types.js";
import { assertWorkspaceKey, type Platform, platformOf } from "../workspace.js";
import { buildRoundup } from "./buildRoundup.js";
import { type PostDeps, type PostResult, postRoundup } from "./postRoundup.js";
import type { RoundupDoc } from "./roundupDoc.js";

export interface RequestPostDeps extends PostDeps {
  logger: Logger;
  /** This process's name in the roundup ledger. */
  owner: string;
}

export interface RequestPostInput {
  actor: Actor;
  workspace: string;
  /** "YYYY-MM"; last month (in the workspace's time zone) when left out. */
  period?: string;
  /** Post it anew even if it was posted. */
  again: boolean;
  /** What the log says beside a failure: the face's own ids (guild, interaction, team). */
  logContext?: Record<string, unknown>;
}

/** How a post that went ahead ended. */
export type PostOutcome =
  | { kind: "posted"; messagesSent: number }
  /** Nothing was shared and no quiet-month note is wanted: nothing went out. */
  | { kind: "quiet" }
  /** Another request (or the schedule) is posting it now. */
  | { kind: "being-posted"; messagesSoFar: number; by: string | null }
  | { kind: "already-posted" }
  /** The ledger holds another end for the month (skipped, quiet, failed and taken over). */
  | { kind: "already-handled"; status: RunStatus | "unknown" }
  | { kind: "no-channel" }
  | { kind: "no-platform"; platform: Platform }
  | { kind: "failed"; reason: string; messagesSent: number }
  /** Something unexpected went wrong on our side; it is logged. */
  | { kind: "error" };

/** What the request decided. Only `started` posts; `post` does it and says how it ended. */
export type PostRequestOutcome =
  | { kind: "not-admin" }
  | { kind: "no-channel" }
  | { kind: "no-platform"; platform: Platform }
  | { kind: "empty-month"; period: Period; periodLabel: string }
  | {
      kind: "started";
      doc: RoundupDoc;
      channelId: string;
      /** How many messages the post takes. */
      parts: number;
      /** Posts through the ledger; run it as background work, after answering. Never throws. */
      post: () => Promise<PostOutcome>;
    };

/** A request that does not go ahead. */
export type PostRefusal = Exclude<PostRequestOutcome, { kind: "started" }>;

/** A face's words for each refusal. */
export type PostRefusalWords = {
  [K in PostRefusal["kind"]]: (refusal: Extract<PostRefusal, { kind: K }>) => string;
};

const REFUSAL_CODES = {
  "not-admin": "admin.required",
  "no-channel": "channel.unset",
  "no-platform": "platform.unset",
  "empty-month": "roundup.empty",
} as const satisfies Record<PostRefusal["kind"], string>;

/** A refusal as the `UserError` a face answers with: the code is the core's, the words the face's. */
export function postRefusalError(refusal: PostRefusal, words: PostRefusalWords): UserError {
  const say = words[refusal.kind] as (refusal: PostRefusal) => string;
  return new UserError(REFUSAL_CODES[refusal.kind], say(refusal));
}

/** The ledger's answer as an outcome. */
export function postOutcomeOf(result: PostResult): PostOutcome {
  switch (result.status) {
    case "posted":
      return { kind: "posted", messagesSent: result.messagesSent };
    case "quiet":
      return { kind: "quiet" };
    case "already": {
      const run = result.run;
      if (run?.status === "posting") {
        return { kind: "being-posted", messagesSoFar: run.messageIds.length, by: run.claimedBy };
      }
      if (run?.status === "posted") return { kind: "already-posted" };
      return { kind: "already-handled", status: run?.status ?? "unknown" };
    }
    case "no-channel":
      return { kind: "no-channel" };
    case "no-platform":
      return { kind: "no-platform", platform: result.platform };
    case "failed":
      return { kind: "failed", reason: result.reason, messagesSent: result.run?.messageIds.length ?? 0 };
  }
}

/**
 * Decides, in this order: is the actor an admin, is there a roundup channel, can this process post
 * there, does the month have links (or is a quiet-month note wanted). Then it is `started`.
 */
export async function requestRoundupPost(
  deps: RequestPostDeps,
  input: RequestPostInput,
): Promise<PostRequestOutcome> {
  if (!(await input.actor.isAdmin())) return { kind: "not-admin" };
  const workspace = assertWorkspaceKey(input.workspace);
  const settings = await deps.store.settings.get(workspace);
  const channelId = settings.channelId;
  if (!channelId) return { kind: "no-channel" };
  const platform = platformOf(workspace);
  const publisher = deps.publishers[platform];
  if (!publisher) return { kind: "no-platform", platform };
  const doc = await buildRoundup(deps, {
    workspace,
    ...(input.period !== undefined ? { period: input.period } : {}),
  });
  if (doc.linkCount === 0 && !settings.quietMonthNote) {
    return { kind: "empty-month", period: doc.period, periodLabel: doc.periodLabel };
  }
  const context = { ...input.logContext, workspace, period: doc.period };
  const post = async (): Promise<PostOutcome> => {
    try {
      const result = await postRoundup(deps, {
        workspace,
        period: doc.period,
        owner: deps.owner,
        mode: input.again ? "force" : "manual",
      });
      if (result.status === "failed") {
        deps.logger.warn({ ...context, reason: result.reason }, "posting the roundup failed");
      }
      return postOutcomeOf(result);
    } catch (error) {
      deps.logger.error({ ...context, err: describeError(error) }, "posting the roundup failed");
      return { kind: "error" };
    }
  };
  return { kind: "started", doc, channelId, parts: publisher.plan(doc).length, post };
}
