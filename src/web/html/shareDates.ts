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

/**
 * Making an `Intl.DateTimeFormat` costs as much as rendering a hundred entries, so each zone's is
 * made once per process. Workspaces use a handful of zones; the cap only bounds a hostile mix.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const MAX_DAY_FORMATS = 64;

/** The day of each instant in `timeZone` ("2026-07-14"), with the zone's formatter made once. */
export function localDays(timeZone = "UTC"): LocalDay {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    if (dayFormats.size >= MAX_DAY_FORMATS) dayFormats.clear();
    dayFormats.set(timeZone, format);
  }
  const zoneFormat = format;
  return (at) => zoneFormat.format(at);
}
