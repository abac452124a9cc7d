import type { DueWorkspace, SettingsStore } from "../../core/ports/settingsStore.js";
import type {
  AdminEntry,
  ArchiveSettings,
  LinkOrder,
  PicksSettings,
  ReviewSettings,
  Schedule,
  Settings,
  WorkspaceKey,
} from "../../core/types.js";
import { slugTaken } from "../archiveErrors.js";
import { type StoredSettings, settingsFromRow } from "../settingsFromRow.js";
import { selectColumns, sqlColumns } from "../sqlColumns.js";
import { placeholders, withUniqueViolation } from "./pgErrors.js";
import { adminsTable, settingsTable } from "./schema.js";
import type { JoinedTransactions } from "./session.js";

const s = sqlColumns(settingsTable);
const a = sqlColumns(adminsTable);

type SettingsColumn = Exclude<keyof typeof s, "$table" | "workspaceKey">;

/** Every column but the key, under schema.ts's keys. */
const SETTINGS = `SELECT ${selectColumns(settingsTable, { omit: ["workspaceKey"], quote: true })}
  FROM ${s.$table} WHERE ${s.workspaceKey} = $1`;

const ADMINS = `SELECT ${a.kind} AS "kind", ${a.subjectId} AS "id" FROM ${a.$table} WHERE ${a.workspaceKey} = $1`;

/**
 * A settings row's platform, the workspace's part before the colon (`slack:T1` -> `slack`): one
 * reading for every due query. An expression no index serves, so the next-due index still leads; a
 * workspace of another platform costs a row read, never a place in the batch.
 */
export const WORKSPACE_PLATFORM = `split_part(${s.workspaceKey}, ':', 1)`;

const DUE = `SELECT ${s.workspaceKey} AS "workspace", ${s.nextDuePeriod} AS "period", ${s.nextDueAt} AS "at"
  FROM ${s.$table}
  WHERE ${s.nextDueAt} <= $1 AND ${WORKSPACE_PLATFORM} = ANY($3::text[])
  ORDER BY ${s.nextDueAt} LIMIT $2`;

const ARCHIVE_BY_TOKEN = `SELECT ${s.workspaceKey} AS "workspace" FROM ${s.$table}
  WHERE ${s.archiveMode} = 'private' AND ${s.archiveToken} = $1`;
const ARCHIVE_BY_SLUG = `SELECT ${s.workspaceKey} AS "workspace" FROM ${s.$table}
  WHERE ${s.archiveMode} = 'public' AND ${s.archiveSlug} = $1`;

const ADD_ADMIN = `INSERT INTO ${a.$table} (${a.workspaceKey}, ${a.kind}, ${a.subjectId}) VALUES ($1, $2, $3)
  ON CONFLICT DO NOTHING`;

const REMOVE_ADMIN = `DELETE FROM ${a.$table} WHERE ${a.workspaceKey} = $1 AND ${a.kind} = $2 AND ${a.subjectId} = $3`;

export class PgSettingsStore implements SettingsStore {
  /** The upsert for each set of columns, written once: the scheduler writes the next due date every tick. */
  private readonly upserts = new Map<string, string>();

  constructor(private readonly db: JoinedTransactions) {}

  async get(workspace: WorkspaceKey): Promise<Settings> {
    const [settings, admins] = await Promise.all([
      this.db.query<StoredSettings>(SETTINGS, [workspace]),
      this.db.query<AdminEntry>(ADMINS, [workspace]),
    ]);
    return settingsFromRow(workspace, settings.rows[0], admins.rows);
  }

  setChannel(workspace: WorkspaceKey, channelId: string | null): Promise<void> {
    return this.upsert(workspace, { channelId });
  }

  setSchedule(workspace: WorkspaceKey, schedule: Schedule): Promise<void> {
    return this.upsert(workspace, {
      scheduleDay: schedule.day,
      scheduleTime: schedule.time,
      timeZone: schedule.timeZone,
    });
  }

  setTitleTemplate(workspace: WorkspaceKey, titleTemplate: string): Promise<void> {
    return this.upsert(workspace, { titleTemplate });
  }

  setIntro(workspace: WorkspaceKey, intro: string | null): Promise<void> {
    return this.upsert(workspace, { intro });
  }

  setQuietMonthNote(workspace: WorkspaceKey, enabled: boolean): Promise<void> {
    return this.upsert(workspace, { quietMonthNote: enabled });
  }

  setNextDue(workspace: WorkspaceKey, due: { period: string; at: number } | null): Promise<void> {
    return this.upsert(workspace, { nextDuePeriod: due?.period ?? null, nextDueAt: due?.at ?? null });
  }

  setAdminNotice(workspace: WorkspaceKey, notice: string | null): Promise<void> {
    return this.upsert(workspace, { adminNotice: notice });
  }

  setOrder(workspace: WorkspaceKey, order: LinkOrder): Promise<void> {
    return this.upsert(workspace, { linkOrder: order });
  }

  setPicks(workspace: WorkspaceKey, picks: PicksSettings): Promise<void> {
    return this.upsert(workspace, { picksTitle: picks.title, picksEmoji: picks.emoji });
  }

  setReview(workspace: WorkspaceKey, review: ReviewSettings): Promise<void> {
    return this.upsert(workspace, { reviewDays: review.days, reviewChannelId: review.channelId });
  }

  setArchive(workspace: WorkspaceKey, archive: ArchiveSettings): Promise<void> {
    return withUniqueViolation(
      () =>
        this.upsert(workspace, {
          archiveMode: archive.mode,
          archiveToken: archive.token,
          archiveSlug: archive.slug,
        }),
      () => slugTaken(archive.slug ?? ""),
    );
  }

  async findArchive(address: { token: string } | { slug: string }): Promise<WorkspaceKey | undefined> {
    const { rows } =
      "token" in address
        ? await this.db.query<{ workspace: WorkspaceKey }>(ARCHIVE_BY_TOKEN, [address.token])
        : await this.db.query<{ workspace: WorkspaceKey }>(ARCHIVE_BY_SLUG, [address.slug]);
    return rows[0]?.workspace;
  }

  async due(now: number, limit: number, platforms: readonly string[]): Promise<DueWorkspace[]> {
    if (platforms.length === 0) return [];
    return (await this.db.query<DueWorkspace>(DUE, [now, limit, platforms])).rows;
  }

  async addAdmin(workspace: WorkspaceKey, admin: AdminEntry): Promise<void> {
    await this.db.query(ADD_ADMIN, [workspace, admin.kind, admin.id]);
  }

  async removeAdmin(workspace: WorkspaceKey, admin: AdminEntry): Promise<boolean> {
    return (await this.db.query(REMOVE_ADMIN, [workspace, admin.kind, admin.id])).rowCount === 1;
  }

  private async upsert(
    workspace: WorkspaceKey,
    values: Partial<Record<SettingsColumn, unknown>>,
  ): Promise<void> {
    const keys = Object.keys(values) as SettingsColumn[];
    const cacheKey = keys.join(",");
    let statement = this.upserts.get(cacheKey);
    if (statement === undefined) {
      const columns = keys.map((key) => s[key]);
      // The row that lost the conflict is `excluded`: each value is bound once.
      statement = `INSERT INTO ${s.$table} (${s.workspaceKey}, ${columns.join(", ")})
        VALUES (${placeholders(columns.length + 1)})
        ON CONFLICT (${s.workspaceKey}) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(", ")}`;
      this.upserts.set(cacheKey, statement);
    }
    await this.db.query(statement, [workspace, ...keys.map((key) => values[key])]);
  }
}
