import { DateTime, IANAZone } from "luxon";
import { UserError } from "../errors.js";

/** A calendar month, `YYYY-MM`, the unit a roundup covers. */
export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(text: string): Period {
  const trimmed = text.trim();
  if (!PERIOD.test(trimmed)) {
    throw new UserError("period.invalid", `"${trimmed}" isn't a month. Use the form YYYY-MM, like 2026-07.`);
  }
  return trimmed;
}

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function assertTimeZone(zone: string): string {
  if (!isValidTimeZone(zone)) {
    throw new UserError(
      "timezone.invalid",
      `"${zone}" isn't a time zone I know. Use an IANA name like Europe/Berlin or America/New_York.`,
    );
  }
  return zone;
}

function startOf(period: Period, zone: string): DateTime {
  const match = PERIOD.exec(period);
  if (!match) throw new UserError("period.invalid", `"${period}" isn't a month.`);
  return DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone });
}

/** The instants a month spans in a time zone: `[start, end)` in epoch milliseconds. */
export function periodBounds(period: Period, zone: string): { start: number; end: number } {
  const start = startOf(period, zone);
  return { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() };
}

/** The month an instant falls in, as seen in a time zone. */
export function periodOf(instant: number, zone: string): Period {
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM");
}

export function previousPeriod(instant: number, zone: string): Period {
  return DateTime.fromMillis(instant, { zone }).startOf("month").minus({ months: 1 }).toFormat("yyyy-MM");
}

/** "July 2026". */
export function periodLabel(period: Period): string {
  return startOf(period, "UTC").setLocale("en").toFormat("LLLL yyyy");
}
