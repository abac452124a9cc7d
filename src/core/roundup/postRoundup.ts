import type { Clock } from "../ports/clock.js";
import { PublishError, type RoundupPublisher } from "../ports/publisher.js";
import type { Store } from "../ports/store.js";
import { archiveUrl } from "../settings/archive.js";
import type { Period } from "../time/period.js";
import type { RoundupRun } from "../types.js";
import { assertWorkspaceKey, type Platform, platformOf } from "../workspace.js";
import { buildRoundup } from "./buildRoundup.js";
import type { RoundupDoc } from "./roundupDoc.js";

export interface PostDeps {
  store: Store;
  clock: Clock;
  /** By platform: the part of the workspace key before the colon ("discord", "slack"). */
  publishers: Partial<Record<string, RoundupPublisher>>;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** PUBLIC_URL: when the workspace's archive is on, a post ends with the link to the month's page. */
  publicUrl?: string | null;
}

export interface PostOptions {
  workspace: string;
  period: Period;
  /** Who is posting: a process id, unique per running bot. */
  owner: string;
  mode: "scheduled" | "manual" | "force";
  /** How long a claim holds without progress before another process may take it over. */
  leaseMs?: number;
  /** Delays before each retry of a failed send. */
  retryDelaysMs?: number[];
}

export type PostResult =
  | { status: "posted"; run: RoundupRun; messagesSent: number }
  | { status: "quiet"; run: RoundupRun }
  | { status: "already"; run: RoundupRun | undefined }
  | { status: "no-channel" }
  /** This process cannot post there: no token for the platform, or a local workspace (no chat at all). */
  | { status: "no-platform"; platform: Platform }
  | { status: "failed"; run: RoundupRun | undefined; reason: string };

const DEFAULT_RETRIES = [2_000, 10_000, 30_000];
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a month without links posts when the workspace asked for a note. */
export function quietMonthDoc(doc: RoundupDoc): RoundupDoc {
  return { ...doc, intro: `A quiet month: nobody shared a link in ${doc.periodLabel}.`, sections: [] };
}

/**
 * Posts a period's roundup to the workspace's channel through the ledger, so it is posted at most
 * once: the schedule, an admin's "post" and a crashed process resuming all go through here.
 */
export async function postRoundup(deps: PostDeps, options: PostOptions): Promise<PostResult> {
  const { store, clock } = deps;
  // Checked before anything is written: a post that cannot happen leaves no trace, and a workspace
  // that was never set up (so has no channel) is not created.
  const workspace = assertWorkspaceKey(options.workspace);
  const platform = platformOf(workspace);
  const publisher = deps.publishers[platform];
  if (!publisher) return { status: "no-platform", platform };
  const settings = await store.settings.get(workspace);
  if (!settings.channelId) return { status: "no-channel" };
  const leaseMs = options.leaseMs ?? 120_000;

  const run = await store.runs.claim({
    workspace,
    period: options.period,
    owner: options.owner,
    now: clock.now(),
    leaseUntil: clock.now() + leaseMs,
    mode: options.mode,
  });
  if (!run) return { status: "already", run: await store.runs.get(workspace, options.period) };

  const built = await buildRoundup(deps, { workspace, period: options.period });
  if (built.linkCount === 0 && !settings.quietMonthNote) {
    await store.runs.finish(run.id, options.owner, "quiet", null, clock.now());
    return { status: "quiet", run: (await store.runs.get(workspace, options.period)) ?? run };
  }
  const archive = archiveUrl(deps.publicUrl, settings.archive);
  // A quiet month has no page: the archive holds months with links.
  const doc =
    built.linkCount === 0
      ? quietMonthDoc(built)
      : archive === null
        ? built
        : { ...built, webUrl: `${archive}${built.period}` };
  const messages = publisher.plan(doc);
  const sleep = deps.sleep ?? defaultSleep;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRIES;
  let sent = 0;

  for (let index = run.messageIds.length; index < messages.length; index++) {
    // The same part keeps its key across a resume, so a send that landed just before a crash is not
    // doubled where the platform honours keys; only a forced re-post gets fresh ones.
    const key = `${workspace}/${options.period}/${index}${options.mode === "force" ? `/${run.attempts}` : ""}`;
    let attempt = 0;
    const resumed = index === run.messageIds.length && run.attempts > 1 && options.mode !== "force";
    for (;;) {
      try {
        const found =
          resumed && publisher.findSent ? await publisher.findSent(settings.channelId, key) : null;
        const id = found ?? (await publisher.send(settings.channelId, messages[index], key));
        if (
          !(await store.runs.recordMessage(run.id, options.owner, id, clock.now() + leaseMs, clock.now()))
        ) {
          // Our lease ran out and another process took over: it will finish the post.
          return { status: "already", run: await store.runs.get(workspace, options.period) };
        }
        sent++;
        break;
      } catch (error) {
        const permanent = error instanceof PublishError && error.permanent;
        const delay = delays[attempt];
        if (permanent || delay === undefined) {
          const reason = error instanceof Error ? error.message : String(error);
          await store.runs.finish(run.id, options.owner, "failed", reason, clock.now());
          return { status: "failed", run: await store.runs.get(workspace, options.period), reason };
        }
        attempt++;
        await sleep(delay);
      }
    }
  }
  await store.runs.finish(
    run.id,
    options.owner,
    built.linkCount === 0 ? "quiet" : "posted",
    null,
    clock.now(),
  );
  const finished = (await store.runs.get(workspace, options.period)) ?? run;
  return { status: "posted", run: finished, messagesSent: sent };
}
