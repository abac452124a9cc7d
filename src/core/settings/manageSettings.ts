import { UserError } from "../errors.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import { firstPeriodAfter } from "../schedule/dueTime.js";
import { sanitizeLine, sanitizeText } from "../text/sanitizeText.js";
import { formatLocalDateTime } from "../time/formatLocal.js";
import { assertTimeZone, periodLabel } from "../time/period.js";
import type { AdminEntry, RoundupRun, Schedule, Settings } from "../types.js";
import { assertWorkspaceKey, ensureWorkspace, postingToken } from "../workspace.js";

export interface SettingsDeps {
  store: Store;
  /** When "now" is: for planning the next roundup, and for saying one is late. */
  clock: Clock;
}

/** The settings; a workspace nobody has used yet reads as the defaults, and is not created. */
export async function getSettings(
  { store }: Pick<SettingsDeps, "store">,
  input: { workspace: string },
): Promise<Settings> {
  return store.settings.get(assertWorkspaceKey(input.workspace));
}

/** A channel id as a person or a platform gave it, trimmed; refused when it can't be one. */
export function checkChannelId(channelId: string): string {
  const id = channelId.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw new UserError("channel.invalid", `"${id}" isn't a channel id.`);
  return id;
}

export async function setChannel(
  { store, clock }: SettingsDeps,
  input: { workspace: string; channelId: string },
): Promise<Settings> {
  const workspace = await ensureWorkspace({ store, clock }, input.workspace);
  const channelId = checkChannelId(input.channelId);
  await store.transaction(async (tx) => {
    const before = await tx.settings.get(workspace);
    await tx.settings.setChannel(workspace, channelId);
    // A first channel starts the roundups from now on; nothing already past is posted to it.
    if (before.channelId === null || before.nextDue === null) {
      await tx.settings.setNextDue(workspace, firstPeriodAfter(clock.now(), before.schedule));
    }
    const settings = await tx.settings.get(workspace);
    // A notice about the missing channel is answered now.
    if (settings.adminNotice !== null) await tx.settings.setAdminNotice(workspace, null);
  });
  return store.settings.get(workspace);
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Checks a schedule a person typed: day 1-28 (every month has it), HH:MM, an IANA zone. */
export function checkSchedule(input: { day: number | string; time: string; timeZone: string }): Schedule {
  const day =
    typeof input.day === "string"
      ? /^\d{1,2}$/.test(input.day.trim())
        ? Number(input.day.trim())
        : Number.NaN
      : input.day;
  if (!Number.isInteger(day) || day < 1 || day > 28) {
    throw new UserError(
      "schedule.day",
      "The day must be a whole number from 1 to 28, so the roundup goes out every month.",
    );
  }
  const match = TIME.exec(input.time.trim());
  if (!match)
    throw new UserError("schedule.time", `"${input.time}" isn't a time. Use 24-hour HH:MM, like 09:00.`);
  const time = `${match[1]?.padStart(2, "0")}:${match[2]}`;
  return { day, time, timeZone: assertTimeZone(input.timeZone.trim()) };
}

export async function setSchedule(
  { store, clock }: SettingsDeps,
  input: { workspace: string; day: number | string; time: string; timeZone: string },
): Promise<Settings> {
  const workspace = await ensureWorkspace({ store, clock }, input.workspace);
  const schedule = checkSchedule(input);
  await store.transaction(async (tx) => {
    await tx.settings.setSchedule(workspace, schedule);
    // Counted from now: a period whose new time has already passed is not posted.
    await tx.settings.setNextDue(workspace, firstPeriodAfter(clock.now(), schedule));
  });
  return store.settings.get(workspace);
}

export async function setTitleTemplate(
  deps: SettingsDeps,
  input: { workspace: string; template: string },
): Promise<Settings> {
  const { store } = deps;
  const key = assertWorkspaceKey(input.workspace);
  const template = sanitizeLine(input.template);
  if (template.length === 0 || template.length > 200) {
    throw new UserError("title.template", "The roundup title must be 1 to 200 characters.");
  }
  const workspace = await ensureWorkspace(deps, key);
  await store.settings.setTitleTemplate(workspace, template);
  return store.settings.get(workspace);
}

export async function setIntro(
  deps: SettingsDeps,
  input: { workspace: string; intro: string | null },
): Promise<Settings> {
  const { store } = deps;
  const key = assertWorkspaceKey(input.workspace);
  const intro = sanitizeText(input.intro ?? "").trim() || null;
  if (intro !== null && intro.length > 1000) {
    throw new UserError("intro.tooLong", "The intro can be up to 1,000 characters.");
  }
  const workspace = await ensureWorkspace(deps, key);
  await store.settings.setIntro(workspace, intro);
  return store.settings.get(workspace);
}

export async function setQuietMonthNote(
  deps: SettingsDeps,
  input: { workspace: string; enabled: boolean },
): Promise<Settings> {
  const { store } = deps;
  const workspace = await ensureWorkspace(deps, input.workspace);
  await store.settings.setQuietMonthNote(workspace, input.enabled);
  return store.settings.get(workspace);
}

/** How late a roundup may be before `config show` says it is waiting: a running scheduler takes a tick or two. */
const LATE_MS = 10 * 60_000;

/**
 * Why the planned roundup has not gone out, once it is clearly late: only a process with the
 * platform's token posts it (the scheduler leaves other platforms' roundups due), and none has.
 */
function waitingFor(settings: Settings, lastRun: RoundupRun | null, now: number): string | null {
  const { nextDue } = settings;
  const token = postingToken(settings.workspace);
  if (!nextDue || !settings.channelId || token === null || now - nextDue.at < LATE_MS) return null;
  if (lastRun?.period === nextDue.period && lastRun.status === "posting") return null;
  const { timeZone } = settings.schedule;
  return `The ${periodLabel(nextDue.period)} roundup was due on ${formatLocalDateTime(nextDue.at, timeZone)} ${timeZone} and is waiting for a running bot with ${token}.`;
}

/**
 * What `config show` tells: the settings, how the last roundup went, and why a late one has not gone
 * out (`waiting`). Reading creates nothing.
 */
export async function configSummary(
  { store, clock }: SettingsDeps,
  input: { workspace: string },
): Promise<{ settings: Settings; lastRun: RoundupRun | null; waiting: string | null }> {
  const workspace = assertWorkspaceKey(input.workspace);
  const settings = await store.settings.get(workspace);
  const lastRun = (await store.runs.latest(workspace)) ?? null;
  return { settings, lastRun, waiting: waitingFor(settings, lastRun, clock.now()) };
}

/** Hands the admins' pending notice over once, clearing it. */
export async function takeAdminNotice(
  { store }: Pick<SettingsDeps, "store">,
  input: { workspace: string },
): Promise<string | null> {
  const workspace = assertWorkspaceKey(input.workspace);
  const notice = (await store.settings.get(workspace)).adminNotice;
  if (notice !== null) await store.settings.setAdminNotice(workspace, null);
  return notice;
}

export async function addAdmin(
  deps: SettingsDeps,
  input: { workspace: string; admin: AdminEntry },
): Promise<Settings> {
  const { store } = deps;
  const key = assertWorkspaceKey(input.workspace);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(input.admin.id)) {
    throw new UserError("admin.invalid", `"${input.admin.id}" isn't a ${input.admin.kind} id.`);
  }
  const workspace = await ensureWorkspace(deps, key);
  await store.settings.addAdmin(workspace, input.admin);
  return store.settings.get(workspace);
}

export async function removeAdmin(
  deps: SettingsDeps,
  input: { workspace: string; admin: AdminEntry },
): Promise<Settings> {
  const { store } = deps;
  // Not ensured: a workspace with an admin to remove exists, and a refusal creates nothing.
  const workspace = assertWorkspaceKey(input.workspace);
  if (!(await store.settings.removeAdmin(workspace, input.admin))) {
    throw new UserError("admin.unknown", `That ${input.admin.kind} isn't on the admin list.`);
  }
  return store.settings.get(workspace);
}

/**
 * Whether someone may change settings: the platform's own admins (Manage Server, workspace admins)
 * always, plus users and roles an admin added.
 */
export function isAdmin(
  settings: Settings,
  who: { userId: string; roleIds?: readonly string[]; platformAdmin: boolean },
): boolean {
  if (who.platformAdmin) return true;
  const roles = new Set(who.roleIds ?? []);
  return settings.admins.some((a) => (a.kind === "user" ? a.id === who.userId : roles.has(a.id)));
}
