import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DueWorkspace, SettingsStore } from "../core/ports/settingsStore.js";
import type {
  AdminEntry,
  ArchiveSettings,
  LinkOrder,
  PicksSettings,
  ReviewSettings,
  Schedule,
  Settings,
  WorkspaceKey,
} from "../core/types.js";
import { slugTaken } from "./archiveErrors.js";
import type { Db } from "./database.js";
import { adminsTable, settingsTable } from "./schema.js";
import { settingsFromRow } from "./settingsFromRow.js";
import { sqlColumns } from "./sqlColumns.js";
import { withUniqueConstraint } from "./sqliteErrors.js";
import type { Immediate } from "./transactionGate.js";

type SettingsRow = typeof settingsTable.$inferInsert;

const workspaceKey = sqlColumns(settingsTable).workspaceKey;

/** A settings row's platform, the workspace's part before the colon (`slack:T1` -> `slack`): one reading for every due query. */
export const WORKSPACE_PLATFORM = `substr(${workspaceKey}, 1, instr(${workspaceKey}, ':') - 1)`;

export class SqliteSettingsStore implements Immediate<SettingsStore> {
  // Prepared once: every command reads the settings.
  private readonly settingsRow;
  private readonly adminRows;
  private readonly upserts = new Map<string, ReturnType<SqliteSettingsStore["prepareUpsert"]>>();
  private readonly dueQueries = new Map<string, ReturnType<SqliteSettingsStore["prepareDue"]>>();

  private readonly archiveByToken;
  private readonly archiveBySlug;

  constructor(private readonly db: Db) {
    const archiveAt = (
      mode: "private" | "public",
      column: typeof settingsTable.archiveToken | typeof settingsTable.archiveSlug,
    ) =>
      db
        .select({ workspace: settingsTable.workspaceKey })
        .from(settingsTable)
        .where(and(eq(settingsTable.archiveMode, mode), eq(column, sql.placeholder("address"))))
        .prepare();
    this.archiveByToken = archiveAt("private", settingsTable.archiveToken);
    this.archiveBySlug = archiveAt("public", settingsTable.archiveSlug);
    this.settingsRow = db
      .select()
      .from(settingsTable)
      .where(eq(settingsTable.workspaceKey, sql.placeholder("workspace")))
      .prepare();
    this.adminRows = db
      .select({ kind: adminsTable.kind, id: adminsTable.subjectId })
      .from(adminsTable)
      .where(eq(adminsTable.workspaceKey, sql.placeholder("workspace")))
      .prepare();
  }

  get(workspace: WorkspaceKey): Settings {
    const row = this.settingsRow.get({ workspace });
    const admins = this.adminRows.all({ workspace });
    return settingsFromRow(workspace, row, admins);
  }

  setChannel(workspace: WorkspaceKey, channelId: string | null): void {
    this.upsert(workspace, { channelId });
  }

  setSchedule(workspace: WorkspaceKey, schedule: Schedule): void {
    this.upsert(workspace, {
      scheduleDay: schedule.day,
      scheduleTime: schedule.time,
      timeZone: schedule.timeZone,
    });
  }

  setTitleTemplate(workspace: WorkspaceKey, titleTemplate: string): void {
    this.upsert(workspace, { titleTemplate });
  }

  setIntro(workspace: WorkspaceKey, intro: string | null): void {
    this.upsert(workspace, { intro });
  }

  setQuietMonthNote(workspace: WorkspaceKey, enabled: boolean): void {
    this.upsert(workspace, { quietMonthNote: enabled });
  }

  setNextDue(workspace: WorkspaceKey, due: { period: string; at: number } | null): void {
    this.upsert(workspace, { nextDuePeriod: due?.period ?? null, nextDueAt: due?.at ?? null });
  }

  setAdminNotice(workspace: WorkspaceKey, notice: string | null): void {
    this.upsert(workspace, { adminNotice: notice });
  }

  setOrder(workspace: WorkspaceKey, order: LinkOrder): void {
    this.upsert(workspace, { linkOrder: order });
  }

  setPicks(workspace: WorkspaceKey, picks: PicksSettings): void {
    this.upsert(workspace, { picksTitle: picks.title, picksEmoji: picks.emoji });
  }

  setReview(workspace: WorkspaceKey, review: ReviewSettings): void {
    this.upsert(workspace, { reviewDays: review.days, reviewChannelId: review.channelId });
  }

  setArchive(workspace: WorkspaceKey, archive: ArchiveSettings): void {
    withUniqueConstraint(
      () =>
        this.upsert(workspace, {
          archiveMode: archive.mode,
          archiveToken: archive.token,
          archiveSlug: archive.slug,
        }),
      () => slugTaken(archive.slug ?? ""),
    );
  }

  findArchive(address: { token: string } | { slug: string }): WorkspaceKey | undefined {
    // Prepared once: every request to the web archive asks it.
    return "token" in address
      ? this.archiveByToken.get({ address: address.token })?.workspace
      : this.archiveBySlug.get({ address: address.slug })?.workspace;
  }

  due(now: number, limit: number, platforms: readonly string[]): DueWorkspace[] {
    if (platforms.length === 0) return [];
    return this.dueQuery(platforms).all({ now, limit }) as DueWorkspace[];
  }

  /** The due query for one set of platforms, prepared once: a process asks it every tick with the same set. */
  private dueQuery(platforms: readonly string[]) {
    return preparedOnce(this.dueQueries, platforms.join(","), () => this.prepareDue(platforms));
  }

  private prepareDue(platforms: readonly string[]) {
    // An expression no index serves, so SQLite keeps walking the next-due index; a workspace of another
    // platform costs a row read per tick, never a place in the batch.
    const platform = sql.raw(WORKSPACE_PLATFORM);
    return this.db
      .select({
        workspace: settingsTable.workspaceKey,
        period: settingsTable.nextDuePeriod,
        at: settingsTable.nextDueAt,
      })
      .from(settingsTable)
      .where(and(lte(settingsTable.nextDueAt, sql.placeholder("now")), inArray(platform, [...platforms])))
      .orderBy(asc(settingsTable.nextDueAt))
      .limit(sql.placeholder("limit"))
      .prepare();
  }

  addAdmin(workspace: WorkspaceKey, admin: AdminEntry): void {
    this.db
      .insert(adminsTable)
      .values({ workspaceKey: workspace, kind: admin.kind, subjectId: admin.id })
      .onConflictDoNothing()
      .run();
  }

  removeAdmin(workspace: WorkspaceKey, admin: AdminEntry): boolean {
    const where = and(
      eq(adminsTable.workspaceKey, workspace),
      eq(adminsTable.kind, admin.kind),
      eq(adminsTable.subjectId, admin.id),
    );
    return this.db.delete(adminsTable).where(where).run().changes === 1;
  }

  private upsert(workspace: WorkspaceKey, values: Omit<SettingsRow, "workspaceKey">): void {
    const columns = Object.keys(values) as (keyof typeof values)[];
    // Prepared once per set of columns: the scheduler writes the next due date every tick.
    preparedOnce(this.upserts, columns.join(","), () => this.prepareUpsert(columns)).run({
      ...values,
      workspaceKey: workspace,
    });
  }

  private prepareUpsert(columns: (keyof Omit<SettingsRow, "workspaceKey">)[]) {
    const values = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)]));
    // The row that lost the conflict is `excluded`: each value is bound once.
    const set = Object.fromEntries(
      columns.map((column) => [column, sql.raw(`excluded."${settingsTable[column].name}"`)]),
    );
    return this.db
      .insert(settingsTable)
      .values({ workspaceKey: sql.placeholder("workspaceKey"), ...values })
      .onConflictDoUpdate({ target: settingsTable.workspaceKey, set })
      .prepare();
  }
}

/** The statement cached under `key`, prepared by `prepare` the first time it is asked for. */
function preparedOnce<Q>(cache: Map<string, Q>, key: string, prepare: () => Q): Q {
  let query = cache.get(key);
  if (query === undefined) {
    query = prepare();
    cache.set(key, query);
  }
  return query;
}
