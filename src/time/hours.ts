/**
 * Weekly opening hours: the text form ("Mon-Fri 09:00-12:00, 13:00-17:30; Sat 10:00-14:00"), clock times,
 * and the checks every schedule passes (no overlaps, some open time).
 */

import { MINUTES_PER_DAY } from './calendar.js';
import { ScheduleError } from './schedule-error.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Monday first, as in ISO 8601; the index matches `weekdayIndex` in calendar.ts. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Half-open `[start, end)` in minutes after local midnight of the weekday it belongs to.
 * `end` is after `start`; an `end` beyond 1440 means the interval crosses midnight into the next day.
 */
export interface OpeningInterval {
  readonly start: number;
  readonly end: number;
}

/** Opening intervals per weekday, each day's sorted by start. */
export type WeeklyHours = Readonly<Record<Weekday, readonly OpeningInterval[]>>;

// A Map, not an object literal, so "constructor" or "__proto__" are not mistaken for weekdays.
const DAY_NAMES: ReadonlyMap<string, Weekday> = /*#__PURE__*/ new Map(
  /*#__PURE__*/ ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((name, index) => {
    const day = WEEKDAYS[index];
    return [[day, day] as const, [name, day] as const];
  }),
);

const CLOCK = /^(\d{1,2}):(\d{2})$/;
const INTERVAL = /^([^\s-]+)\s*-\s*([^\s-]+)$/;
// Weekdays (letters, commas, hyphens, spaces) up to the first digit, then the intervals.
const GROUP = /^([a-z][a-z\s,-]*?)\s+(\d.*)$/is;

function label(day: Weekday): string {
  return day[0].toUpperCase() + day.slice(1);
}

/** Minutes after midnight of an "HH:MM" clock time, 00:00 to 24:00. `where` names the source in errors. */
function parseClock(text: string, where: string): number {
  const match = CLOCK.exec(text);
  if (!match) throw new ScheduleError(__TP_DEV__ ? `Time "${text}" in ${where} is not written as HH:MM, e.g. 09:00.` : '');
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    throw new ScheduleError(__TP_DEV__ ? `Time "${text}" in ${where} is not a time of day (00:00 to 24:00).` : '');
  }
  return hours * 60 + minutes;
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * An interval from two clock times. An end that is not after the start crosses midnight
 * (DESIGN.md "Business time"): "22:00-06:00" lasts 8 hours and "09:00-09:00" lasts 24.
 */
export function intervalFromClocks(startText: string, endText: string, where: string): OpeningInterval {
  const start = parseClock(startText, where);
  const end = parseClock(endText, where);
  if (start === MINUTES_PER_DAY) {
    throw new ScheduleError(__TP_DEV__ ? `Time "24:00" in ${where} can only end an interval, not start one.` : '');
  }
  return { start, end: end > start ? end : end + MINUTES_PER_DAY };
}

/** The clock times of an interval as written: an end past midnight shows as the next day's time. */
export function intervalClocks(interval: OpeningInterval): [string, string] {
  const end = interval.end > MINUTES_PER_DAY ? interval.end - MINUTES_PER_DAY : interval.end;
  return [formatClock(interval.start), formatClock(end)];
}

function describe(day: Weekday, interval: OpeningInterval): string {
  return `${label(day)} ${intervalClocks(interval).join('-')}`;
}

/**
 * Sorts each day and rejects overlaps, including an interval that crosses midnight into the next day's
 * first interval and Sunday night into Monday, and a week with no open time at all.
 */
export function validateWeek(hours: WeeklyHours): WeeklyHours {
  const weekMinutes = 7 * MINUTES_PER_DAY;
  // Each interval as minutes since Monday 00:00; an end past the week's end wraps onto Monday.
  const placed = WEEKDAYS.flatMap((day, index) => {
    const midnight = index * MINUTES_PER_DAY;
    return hours[day].map((interval) => ({ day, interval, start: midnight + interval.start, end: midnight + interval.end }));
  }).sort((a, b) => a.start - b.start);
  if (placed.length === 0) {
    throw new ScheduleError(__TP_DEV__ ? 'Opening hours have no open time: give at least one interval, e.g. "Mon-Fri 09:00-17:00".' : '');
  }
  placed.forEach((current, i) => {
    const wraps = i === placed.length - 1;
    const next = placed[wraps ? 0 : i + 1];
    if (current.end > next.start + (wraps ? weekMinutes : 0)) {
      throw new ScheduleError(
        __TP_DEV__ ? `Opening hours overlap: ${describe(current.day, current.interval)} and ${describe(next.day, next.interval)}.` : '',
      );
    }
  });
  const sorted = {} as Record<Weekday, readonly OpeningInterval[]>;
  for (const day of WEEKDAYS) sorted[day] = [...hours[day]].sort((a, b) => a.start - b.start);
  return sorted;
}

function parseDay(text: string, group: string): Weekday {
  const day = DAY_NAMES.get(text.trim().toLowerCase());
  if (!day) {
    throw new ScheduleError(
      __TP_DEV__ ? `Unknown weekday "${text.trim()}" in opening hours "${group}" (use Mon, Tue, Wed, Thu, Fri, Sat, Sun).` : '',
    );
  }
  return day;
}

/** "Mon-Fri", "Sat", "Mon,Wed,Fri" or "Fri-Mon" (a range may wrap past Sunday). */
function parseDays(text: string, group: string): Weekday[] {
  return text.split(',').flatMap((item) => {
    const ends = item.split('-');
    if (ends.length > 2) {
      throw new ScheduleError(__TP_DEV__ ? `Cannot read the weekdays "${item.trim()}" in opening hours "${group}".` : '');
    }
    const first = WEEKDAYS.indexOf(parseDay(ends[0], group));
    const last = WEEKDAYS.indexOf(parseDay(ends[ends.length - 1], group));
    const count = ((last - first + 7) % 7) + 1;
    return Array.from({ length: count }, (_, k) => WEEKDAYS[(first + k) % 7]);
  });
}

function parseIntervals(text: string, group: string): OpeningInterval[] {
  return text.split(',').map((item) => {
    const match = INTERVAL.exec(item.trim());
    if (!match) {
      throw new ScheduleError(
        __TP_DEV__ ? `Cannot read the interval "${item.trim()}" in opening hours "${group}": write it as HH:MM-HH:MM, e.g. 09:00-17:00.` : '',
      );
    }
    return intervalFromClocks(match[1], match[2], __TP_DEV__ ? `opening hours "${group}"` : '');
  });
}

/**
 * Reads weekly hours such as "Mon-Fri 09:00-12:00, 13:00-17:30; Sat 10:00-14:00": groups separated by
 * semicolons, each naming weekdays and then one or more intervals. Throws ScheduleError naming the
 * offending text; never guesses.
 */
export function parseHours(text: string): WeeklyHours {
  const week: Record<Weekday, OpeningInterval[]> = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const groups = text.split(';').map((group) => group.trim()).filter((group) => group !== '');
  for (const group of groups) {
    const match = GROUP.exec(group);
    if (!match) {
      throw new ScheduleError(
        __TP_DEV__ ? `Cannot read opening hours "${group}": write weekdays then times, e.g. "Mon-Fri 09:00-17:00".` : '',
      );
    }
    const intervals = parseIntervals(match[2], group);
    for (const day of parseDays(match[1], group)) week[day].push(...intervals);
  }
  return validateWeek(week);
}
