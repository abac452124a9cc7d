import type { AdminEntry, Schedule, Settings, WorkspaceKey } from "../types.js";

export interface DueWorkspace {
  workspace: WorkspaceKey;
  period: string;
  at: number;
}

export interface SettingsStore {
  get(workspace: WorkspaceKey): Promise<Settings>;
  setChannel(workspace: WorkspaceKey, channelId: string | null): Promise<void>;
  setSchedule(workspace: WorkspaceKey, schedule: Schedule): Promise<void>;
  setTitleTemplate(workspace: WorkspaceKey, template: string): Promise<void>;
  setIntro(workspace: WorkspaceKey, intro: string | null): Promise<void>;
  addAdmin(workspace: WorkspaceKey, admin: AdminEntry): Promise<void>;
  removeAdmin(workspace: WorkspaceKey, admin: AdminEntry): Promise<boolean>;
  setQuietMonthNote(workspace: WorkspaceKey, enabled: boolean): Promise<void>;
  setNextDue(workspace: WorkspaceKey, due: { period: string; at: number } | null): Promise<void>;
  setAdminNotice(workspace: WorkspaceKey, notice: string | null): Promise<void>;
  /**
   * Workspaces of `platforms` ("discord", "slack") whose next roundup is due at or before `now`, most
   * overdue first (an indexed query). Those of other platforms wait for a process that can post them.
   */
  due(now: number, limit: number, platforms: readonly string[]): Promise<DueWorkspace[]>;
}
