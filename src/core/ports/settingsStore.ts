import type { AdminEntry, Schedule, Settings, WorkspaceKey } from "../types.js";

export interface DueWorkspace {
  workspace: WorkspaceKey;
  period: string;
  at: number;
}

export interface SettingsStore {
  get(workspace: WorkspaceKey): Settings;
  setChannel(workspace: WorkspaceKey, channelId: string | null): void;
  setSchedule(workspace: WorkspaceKey, schedule: Schedule): void;
  setTitleTemplate(workspace: WorkspaceKey, template: string): void;
  setIntro(workspace: WorkspaceKey, intro: string | null): void;
  addAdmin(workspace: WorkspaceKey, admin: AdminEntry): void;
  removeAdmin(workspace: WorkspaceKey, admin: AdminEntry): boolean;
  setQuietMonthNote(workspace: WorkspaceKey, enabled: boolean): void;
  setNextDue(workspace: WorkspaceKey, due: { period: string; at: number } | null): void;
  setAdminNotice(workspace: WorkspaceKey, notice: string | null): void;
  /**
   * Workspaces of `platforms` ("discord", "slack") whose next roundup is due at or before `now`, most
   * overdue first (an indexed query). Those of other platforms wait for a process that can post them.
   */
  due(now: number, limit: number, platforms: readonly string[]): DueWorkspace[];
}
