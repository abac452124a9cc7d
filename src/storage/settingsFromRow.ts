import {
  type AdminEntry,
  type ArchiveMode,
  DEFAULT_PICKS,
  DEFAULT_REVIEW,
  DEFAULT_SCHEDULE,
  DEFAULT_TITLE_TEMPLATE,
  type LinkOrder,
  type Settings,
  type WorkspaceKey,
} from "../core/types.js";

/** A workspace_settings row under schema.ts's keys, as either database reads it. */
export interface StoredSettings {
  channelId: string | null;
  scheduleDay: number;
  scheduleTime: string;
  timeZone: string;
  titleTemplate: string;
  intro: string | null;
  quietMonthNote: boolean;
  nextDuePeriod: string | null;
  nextDueAt: number | null;
  adminNotice: string | null;
  archiveMode: ArchiveMode;
  archiveToken: string | null;
  archiveSlug: string | null;
  linkOrder: LinkOrder;
  picksTitle: string;
  picksEmoji: string | null;
  reviewDays: number;
  reviewChannelId: string | null;
}

/**
 * A workspace's settings from its row, on every database; a workspace nobody has configured (no row)
 * reads as the defaults, since reading never writes.
 */
export function settingsFromRow(
  workspace: WorkspaceKey,
  row: StoredSettings | undefined,
  admins: AdminEntry[],
): Settings {
  if (!row) return unconfiguredSettings(workspace, admins);
  return {
    workspace,
    channelId: row.channelId,
    schedule: { day: row.scheduleDay, time: row.scheduleTime, timeZone: row.timeZone },
    titleTemplate: row.titleTemplate,
    intro: row.intro,
    admins,
    quietMonthNote: row.quietMonthNote,
    nextDue:
      row.nextDuePeriod !== null && row.nextDueAt !== null
        ? { period: row.nextDuePeriod, at: row.nextDueAt }
        : null,
    adminNotice: row.adminNotice,
    archive: { mode: row.archiveMode, token: row.archiveToken, slug: row.archiveSlug },
    order: row.linkOrder,
    picks: { title: row.picksTitle, emoji: row.picksEmoji },
    review: { days: row.reviewDays, channelId: row.reviewChannelId },
  };
}

/** How a workspace nobody has configured reads: the defaults. */
export function unconfiguredSettings(workspace: WorkspaceKey, admins: AdminEntry[]): Settings {
  return {
    workspace,
    quietMonthNote: false,
    nextDue: null,
    adminNotice: null,
    channelId: null,
    schedule: { ...DEFAULT_SCHEDULE },
    titleTemplate: DEFAULT_TITLE_TEMPLATE,
    intro: null,
    admins,
    archive: { mode: "off", token: null, slug: null },
    order: "shared",
    picks: { ...DEFAULT_PICKS },
    review: { ...DEFAULT_REVIEW },
  };
}
