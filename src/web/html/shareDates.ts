/**
 * The dates on a month page: every entry shows the day it was shared in the workspace's time zone
 * and carries the exact instant for machines. A 300-entry page renders in a few milliseconds, and
 * these two were a third of it.
 */

const DAY_MS = 86_400_000;
/** Inside these years `toISOString` writes four digits, which the arithmetic below assumes. */
const FIRST_FOUR_DIGIT_YEAR = Date.UTC(1000, 0, 1);
const LAST_FOUR_DIGIT_YEAR_END = Date.UTC(10000, 0, 1);

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

/** Year, month and day of a count of days since 1970-01-01 (H. Hinnant's `civil_from_days`). */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

function fourDigitYear(at: number): boolean {
  return at >= FIRST_FOUR_DIGIT_YEAR && at < LAST_FOUR_DIGIT_YEAR_END;
}

/** What `new Date(at).toISOString()` gives ("2026-07-02T08:00:00.000Z"), without making a Date. */
export function isoInstant(at: number): string {
  if (!Number.isInteger(at) || !fourDigitYear(at)) return new Date(at).toISOString();
  const days = Math.floor(at / DAY_MS);
  let rest = at - days * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const ms = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${civilDate(days)}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${ms}Z`;
}

/** "2026-07-14": the day an instant falls on in a time zone. */
export type LocalDay = (at: number) => string;

/** A time zone's calendar, made once per process: `Intl` formatters cost much to make and to ask. */
interface ZoneCalendar {
  dayFormat: Intl.DateTimeFormat;
  wallClock: Intl.DateTimeFormat;
  /** UTC day number -> the zone's offset all that day (ms), or null when it changes during the day. */
  steadyOffsets: Map<number, number | null>;
}

/** Workspaces use a handful of zones; the caps only bound a hostile mix. */
const calendars = new Map<string, ZoneCalendar>();
const MAX_ZONES = 64;
const MAX_DAYS_PER_ZONE = 4096;

function calendarOf(timeZone: string): ZoneCalendar {
  const known = calendars.get(timeZone);
  if (known) return known;
  const calendar: ZoneCalendar = {
    dayFormat: new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }),
    wallClock: new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }),
    steadyOffsets: new Map(),
  };
  if (calendars.size >= MAX_ZONES) calendars.clear();
  calendars.set(timeZone, calendar);
  return calendar;
}

/** The zone's offset from UTC at a whole second, in ms: its wall clock read as if it were UTC, minus the instant. */
function offsetAt(calendar: ZoneCalendar, second: number): number {
  const parts: Record<string, number> = {};
  for (const part of calendar.wallClock.formatToParts(second)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - second;
}

/**
 * The zone's offset all through a UTC day, or null when it changes that day. Read at the day's first
 * and last second: no zone changes its offset and back within 24 hours, so two equal readings mean
 * it held all day. A past day's offset never changes, so it is kept for the process's next pages.
 */
function steadyOffset(calendar: ZoneCalendar, utcDay: number): number | null {
  const known = calendar.steadyOffsets.get(utcDay);
  if (known !== undefined) return known;
  const atStart = offsetAt(calendar, utcDay * DAY_MS);
  const offset = atStart === offsetAt(calendar, (utcDay + 1) * DAY_MS - 1000) ? atStart : null;
  if (calendar.steadyOffsets.size >= MAX_DAYS_PER_ZONE) calendar.steadyOffsets.clear();
  calendar.steadyOffsets.set(utcDay, offset);
  return offset;
}

/**
 * The day of each instant in `timeZone` ("2026-07-14"). Asking `Intl` for each entry's date was a
 * fifth of a 300-entry page's render; the day is plain arithmetic once the zone's offset is known for
 * the UTC day (see `steadyOffset`). A day with a clock change in it asks `Intl` for each instant.
 */
export function localDays(timeZone = "UTC"): LocalDay {
  const calendar = calendarOf(timeZone);
  return (at) => {
    if (!Number.isInteger(at) || !fourDigitYear(at)) return calendar.dayFormat.format(at);
    const utcDay = Math.floor(at / DAY_MS);
    const offset = steadyOffset(calendar, utcDay);
    if (offset === null || !fourDigitYear(at + offset)) return calendar.dayFormat.format(at);
    return civilDate(Math.floor((at + offset) / DAY_MS));
  };
}
