/**
 * Civil-calendar arithmetic on whole days since 1970-01-01 (proleptic Gregorian), through `Date`'s UTC
 * calendar: exact for any date `Date` can hold (±273,790 years), which covers every instant `Intl` can
 * format. `setUTCFullYear`, not `Date.UTC`, which silently maps years 0–99 to 1900–1999.
 */

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Epoch ms of a civil date's midnight (UTC); a month or day out of range rolls over, as in `Date`. */
const utcMidnight = (year: number, month: number, day: number): number => new Date(0).setUTCFullYear(year, month - 1, day);

export function daysFromCivil(year: number, month: number, day: number): number {
  return utcMidnight(year, month, day) / MS_PER_DAY;
}

export function civilFromDays(days: number): CivilDate {
  const date = new Date(days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayIndex(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** True when the date exists: no month 13, no 31 April, 29 February only in leap years. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(utcMidnight(year, month, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or undefined when the text is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return isCalendarDate(year, month, day) ? daysFromCivil(year, month, day) : undefined;
}

/** `YYYY-MM-DD` of a day in years 0000–9999 (the dates `parseIsoDate` reads). */
export function formatIsoDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO 8601 week label ("2026-W48") of a day: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekLabel(days: number): string {
  const thursday = days - weekdayIndex(days) + 3;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
