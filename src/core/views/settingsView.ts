/**
 * What `config show` shows, as data every face words alike: Discord, Slack and the command line
 * differ in markup, not in what they decide to show.
 */
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import { archiveUrl } from "../settings/archive.js";
import { configSummary } from "../settings/manageSettings.js";
import { formatLocalDateTime } from "../time/formatLocal.js";
import { type Period, periodLabel } from "../time/period.js";
import type {
  AdminEntry,
  ArchiveMode,
  LinkOrder,
  PicksSettings,
  ReviewSettings,
  RoundupRun,
  RunStatus,
  Schedule,
} from "../types.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a roundup run stands. */
export interface RunView {
  period: Period;
  /** "June 2026". */
  periodLabel: string;
  status: RunStatus;
  /** Messages posted so far. */
  messages: number;
  /** Why it failed or was skipped, as recorded. */
  reason: string | null;
}

export interface SettingsView {
  workspace: string;
  channelId: string | null;
  schedule: Schedule;
  /** The next planned roundup, in the workspace's time zone; null when none is planned. */
  next: { period: Period; periodLabel: string; at: number; localTime: string } | null;
  lastRun: RunView | null;
  /** Why a late roundup has not gone out (only a running bot with the platform's token posts it). */
  waiting: string | null;
  /** Users and roles an admin added (the platform's own admins always are). */
  admins: AdminEntry[];
  titleTemplate: string;
  intro: string | null;
  quietMonthNote: boolean;
  /** The web archive: its mode and address (null when off, or when PUBLIC_URL is not set). */
  archive: { mode: ArchiveMode; url: string | null };
  /** Links within a section: by sharing order or by votes. */
  order: LinkOrder;
  /** The section that opens the roundup with the editors' picks. */
  picks: PicksSettings;
  /** The review draft: days ahead (0: off) and its channel; `draftAt` is when the next one goes out. */
  review: ReviewSettings & { draftAt: { at: number; localTime: string } | null };
}

export function runView(run: RoundupRun | null): RunView | null {
  if (!run) return null;
  return {
    period: run.period,
    periodLabel: periodLabel(run.period),
    status: run.status,
    messages: run.messageIds.length,
    reason: run.lastError,
  };
}

/** The settings, the last run and what is late, as `config show` shows them. Reading creates nothing. */
export async function settingsView(
  deps: { store: Store; clock: Clock; publicUrl?: string | null },
  input: { workspace: string },
): Promise<SettingsView> {
  const { settings, lastRun, waiting } = await configSummary(deps, input);
  const { nextDue, schedule } = settings;
  return {
    workspace: settings.workspace,
    channelId: settings.channelId,
    schedule,
    next: nextDue && {
      period: nextDue.period,
      periodLabel: periodLabel(nextDue.period),
      at: nextDue.at,
      localTime: formatLocalDateTime(nextDue.at, schedule.timeZone),
    },
    lastRun: runView(lastRun),
    waiting,
    admins: settings.admins,
    titleTemplate: settings.titleTemplate,
    intro: settings.intro,
    quietMonthNote: settings.quietMonthNote,
    archive: { mode: settings.archive.mode, url: archiveUrl(deps.publicUrl, settings.archive) },
    order: settings.order,
    picks: settings.picks,
    review: { ...settings.review, draftAt: draftAt(settings.review, nextDue, schedule.timeZone) },
  };
}

/** When the next draft goes out: `days` before the next roundup, once review is on. */
function draftAt(
  review: ReviewSettings,
  nextDue: { at: number } | null,
  timeZone: string,
): { at: number; localTime: string } | null {
  if (review.days === 0 || review.channelId === null || !nextDue) return null;
  const at = nextDue.at - review.days * DAY_MS;
  return { at, localTime: formatLocalDateTime(at, timeZone) };
}
