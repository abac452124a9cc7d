import type {
  AdminEntry,
  ArchiveSettings,
  LinkOrder,
  PicksSettings,
  ReviewSettings,
  Schedule,
  Settings,
  WorkspaceKey,
} from "../types.js";

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
  setOrder(workspace: WorkspaceKey, order: LinkOrder): Promise<void>;
  setPicks(workspace: WorkspaceKey, picks: PicksSettings): Promise<void>;
  setReview(workspace: WorkspaceKey, review: ReviewSettings): Promise<void>;
  /** Throws `UserError("archive.slugTaken")` when another workspace's archive has the slug. */
  setArchive(workspace: WorkspaceKey, archive: ArchiveSettings): Promise<void>;
  /**
   * The workspace whose archive is at this address: a private one by its token, a public one by its
   * slug. An address of an archive turned off, or of the other mode, finds nothing.
   */
  findArchive(address: { token: string } | { slug: string }): Promise<WorkspaceKey | undefined>;
  /**
   * Workspaces of `platforms` ("discord", "slack") whose next roundup is due at or before `now`, most
   * overdue first (an indexed query). Those of other platforms wait for a process that can post them.
   */
  due(now: number, limit: number, platforms: readonly string[]): Promise<DueWorkspace[]>;
}
