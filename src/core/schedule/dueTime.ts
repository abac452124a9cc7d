import { DateTime } from "luxon";
import type { Period } from "../time/period.js";
import type { Schedule } from "../types.js";

const MINUTE = 60_000;

function offsetAt(instant: number, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).offset;
}

function wallTimeAt(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd HH:mm");
}

/**
 * The instant a wall-clock time happens in a zone. A time that happens twice (clocks going back)
 * gives the first; a time that does not happen (clocks going forward) gives the next minute that
 * does, which is the moment the clocks change.
 */
export function zonedInstant(
  date: { year: number; month: number; day: number },
  time: string,
  zone: string,
): number {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const naive = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const wanted = DateTime.fromMillis(naive, { zone: "UTC" }).toFormat("yyyy-MM-dd HH:mm");
  // The zone's offsets a day either side cover any transition near the wanted time.
  const offsets = [
    ...new Set([
      offsetAt(naive - 86_400_000, zone),
      offsetAt(naive + 86_400_000, zone),
      offsetAt(naive, zone),
    ]),
  ];
  const matches = offsets
    .map((offset) => naive - offset * MINUTE)
    .filter((instant) => wallTimeAt(instant, zone) === wanted)
    .sort((a, b) => a - b);
  if (matches.length > 0) return matches[0] as number;
  // In a gap: find the transition between the two readings, to the minute.
  const candidates = offsets.map((offset) => naive - offset * MINUTE).sort((a, b) => a - b);
  let lo = candidates[0] as number;
  let hi = candidates[candidates.length - 1] as number;
  const before = offsetAt(lo, zone);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function monthAfter(period: Period): { year: number; month: number } {
  const [year = 0, month = 0] = period.split("-").map(Number);
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

function monthBefore(period: Period): Period {
  const [year = 0, month = 0] = period.split("-").map(Number);
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return `${previous.year}-${String(previous.month).padStart(2, "0")}`;
}

export function nextPeriod(period: Period): Period {
  const { year, month } = monthAfter(period);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** When the roundup of `period` is due: the schedule's day and time in the month after it. */
export function dueInstant(period: Period, schedule: Schedule): number {
  return zonedInstant({ ...monthAfter(period), day: schedule.day }, schedule.time, schedule.timeZone);
}

/** The most recent period whose roundup was due at or before `now`. */
export function latestDuePeriod(now: number, schedule: Schedule): Period {
  const thisMonth = DateTime.fromMillis(now, { zone: schedule.timeZone }).toFormat("yyyy-MM");
  const candidate = monthBefore(thisMonth);
  return dueInstant(candidate, schedule) <= now ? candidate : monthBefore(candidate);
}

/**
 * The first period to post under a schedule set at `setAt`: never one whose time had already passed
 * when the schedule was set.
 */
export function firstPeriodAfter(setAt: number, schedule: Schedule): { period: Period; at: number } {
  let period = latestDuePeriod(setAt, schedule);
  let at = dueInstant(period, schedule);
  while (at <= setAt) {
    period = nextPeriod(period);
    at = dueInstant(period, schedule);
  }
  return { period, at };
}
