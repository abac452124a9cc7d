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

/** Checks an IANA zone name and returns its canonical spelling ("utc" -> "UTC"). */
export function assertTimeZone(zone: string): string {
  // Abbreviations like EST or CET are valid legacy zones but rarely mean what people think
  // (EST has no daylight saving), so only Area/City names and UTC are taken.
  const named = zone.includes("/") || zone.toUpperCase() === "UTC";
  if (!named || !isValidTimeZone(zone)) {
    throw new UserError(
      "timezone.invalid",
      `"${zone}" isn't a time zone I know. Use an IANA name like Europe/Berlin or America/New_York.`,
    );
  }
  return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
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
