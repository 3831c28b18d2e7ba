/**
 * A business schedule (one time zone, weekly hours, holidays) and its text form, as written in
 * attributes and command-line flags.
 */

import { formatIsoDate, parseIsoDate } from './calendar.js';
import { parseHours, type WeeklyHours } from './hours.js';
import { ScheduleError } from './schedule-error.js';
import { isKnownTimeZone } from './zone.js';

declare const validated: unique symbol;

/**
 * A validated schedule. Build one with {@link parseSchedule} or `scheduleFromJSON`: the engine trusts
 * these fields, so the brand keeps hand-assembled objects out at compile time.
 */
export interface Schedule {
  /** The IANA time zone, as given. */
  readonly timeZone: string;
  readonly hours: WeeklyHours;
  /** Local dates (YYYY-MM-DD), sorted, without repeats. Each closes its whole date, 00:00–24:00. */
  readonly holidays: readonly string[];
  /** The same holidays as days since 1970-01-01, for the engine's per-day lookups. */
  readonly holidayDays: ReadonlySet<number>;
  readonly [validated]: true;
}

/** The text form of a schedule, e.g. from element attributes or command-line flags. */
export interface ScheduleText {
  /** e.g. "Mon-Fri 09:00-12:00, 13:00-17:30; Sat 10:00-14:00" */
  readonly hours: string;
  /** e.g. "Europe/London" */
  readonly timeZone: string;
  /** e.g. "2026-12-25 2026-12-28"; spaces or commas between dates. */
  readonly holidays?: string;
}

/** Trims and checks a time zone name against `Intl`, the engine's only source of offsets. */
export function parseTimeZone(text: string): string {
  const name = text.trim();
  if (name === '') throw new ScheduleError(__TP_DEV__ ? 'Time zone is missing: give an IANA name such as "Europe/London".' : '');
  if (!isKnownTimeZone(name)) {
    throw new ScheduleError(__TP_DEV__ ? `Unknown time zone "${name}": give an IANA name such as "Europe/London".` : '');
  }
  return name;
}

/** Days since 1970-01-01 of each `YYYY-MM-DD` date; `where` names the source in errors. */
export function holidayDaysOf(dates: readonly string[], where: string): number[] {
  return dates.map((date) => {
    const day = parseIsoDate(date.trim());
    if (day === undefined) {
      throw new ScheduleError(__TP_DEV__ ? `Holiday "${date}" in ${where} is not a date: write holidays as YYYY-MM-DD, e.g. 2026-12-25.` : '');
    }
    return day;
  });
}

function splitHolidays(text: string): string[] {
  return text.split(/[\s,]+/).filter((date) => date !== '');
}

function sortedUnique(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Reads "2026-12-25 2026-12-28" (spaces or commas) into sorted dates without repeats. */
export function parseHolidays(text: string): string[] {
  return sortedUnique(holidayDaysOf(splitHolidays(text), 'holidays')).map(formatIsoDate);
}

/** Puts already-validated parts together; the one place a Schedule is made. */
export function assembleSchedule(timeZone: string, hours: WeeklyHours, holidayDays: readonly number[]): Schedule {
  const days = sortedUnique(holidayDays);
  const schedule: Omit<Schedule, typeof validated> = {
    timeZone,
    hours,
    holidays: days.map(formatIsoDate),
    holidayDays: new Set(days),
  };
  return Object.freeze(schedule) as Schedule;
}

function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new ScheduleError(__TP_DEV__ ? `The ${what} should be text, got ${typeof value}.` : '');
  return value;
}

/**
 * Validates a schedule given as text and returns it ready for the engine. Throws ScheduleError naming
 * the exact problem (malformed or overlapping hours, no open time, unknown zone, bad holiday).
 */
export function parseSchedule(input: ScheduleText): Schedule {
  const hours = parseHours(requireText(input.hours, 'opening hours'));
  const timeZone = parseTimeZone(requireText(input.timeZone, 'time zone'));
  const holidays = holidayDaysOf(splitHolidays(requireText(input.holidays ?? '', 'holidays')), 'holidays');
  return assembleSchedule(timeZone, hours, holidays);
}
