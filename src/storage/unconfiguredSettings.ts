import {
  type AdminEntry,
  DEFAULT_PICKS,
  DEFAULT_REVIEW,
  DEFAULT_SCHEDULE,
  DEFAULT_TITLE_TEMPLATE,
  type Settings,
  type WorkspaceKey,
} from "../core/types.js";

/** How a workspace nobody has configured reads, on every database: the defaults (reading never writes). */
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
