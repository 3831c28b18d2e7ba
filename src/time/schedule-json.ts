/**
 * The JSON form of a schedule, `{ timeZone, hours: { mon: [["09:00", "17:00"]] }, holidays }`: what
 * `reply-stats.json` carries so a browser component can rebuild exactly the schedule the numbers used.
 */

import { intervalClocks, intervalFromClocks, validateWeek, WEEKDAYS } from './hours.js';
import type { OpeningInterval, Weekday, WeeklyHours } from './hours.js';
import { assembleSchedule, holidayDaysOf, parseTimeZone } from './schedule.js';
import type { Schedule } from './schedule.js';
import { ScheduleError } from './schedule-error.js';

export interface ScheduleJSON {
  timeZone: string;
  /** Intervals as [start, end] clock times; a weekday that is missing is closed. */
  hours: Partial<Record<Weekday, [string, string][]>>;
  /** Local dates, YYYY-MM-DD. */
  holidays?: string[];
}

export function scheduleToJSON(schedule: Schedule): ScheduleJSON {
  const hours: Partial<Record<Weekday, [string, string][]>> = {};
  for (const day of WEEKDAYS) {
    if (schedule.hours[day].length > 0) hours[day] = schedule.hours[day].map(intervalClocks);
  }
  return { timeZone: schedule.timeZone, hours, holidays: [...schedule.holidays] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isClockPair(value: unknown): value is [string, string] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}

function hoursFromJSON(value: unknown): WeeklyHours {
  if (!isRecord(value)) {
    throw new ScheduleError(__TP_DEV__ ? 'Schedule JSON "hours" should be an object of weekdays, e.g. {"mon": [["09:00", "17:00"]]}.' : '');
  }
  const unknownDay = Object.keys(value).find((key) => !(WEEKDAYS as readonly string[]).includes(key));
  if (unknownDay !== undefined) {
    throw new ScheduleError(
      __TP_DEV__ ? `Schedule JSON "hours" has an unknown weekday "${unknownDay}" (use mon, tue, wed, thu, fri, sat, sun).` : '',
    );
  }
  const week = {} as Record<Weekday, OpeningInterval[]>;
  for (const day of WEEKDAYS) {
    const pairs = value[day] ?? [];
    if (!Array.isArray(pairs)) {
      throw new ScheduleError(__TP_DEV__ ? `Schedule JSON "hours.${day}" should be a list of ["HH:MM", "HH:MM"] pairs.` : '');
    }
    week[day] = pairs.map((pair: unknown, index) => {
      const where = __TP_DEV__ ? `schedule JSON "hours.${day}[${index}]"` : '';
      if (!isClockPair(pair)) {
        throw new ScheduleError(
          __TP_DEV__ ? `The ${where} should be a pair of times like ["09:00", "17:00"], got ${JSON.stringify(pair)}.` : '',
        );
      }
      return intervalFromClocks(pair[0], pair[1], where);
    });
  }
  return validateWeek(week);
}

function holidaysFromJSON(value: unknown): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((date) => typeof date === 'string')) {
    throw new ScheduleError(__TP_DEV__ ? 'Schedule JSON "holidays" should be a list of dates like ["2026-12-25"].' : '');
  }
  return holidayDaysOf(value, __TP_DEV__ ? 'schedule JSON "holidays"' : '');
}

/**
 * Validates a parsed JSON schedule (e.g. the `schedule` of reply-stats.json) with the same rules as
 * the text form. Throws ScheduleError naming the field and the problem.
 */
export function scheduleFromJSON(value: unknown): Schedule {
  if (!isRecord(value)) {
    throw new ScheduleError(
      __TP_DEV__ ? 'Schedule JSON should be an object like {"timeZone": "Europe/London", "hours": {"mon": [["09:00", "17:00"]]}}.' : '',
    );
  }
  if (typeof value.timeZone !== 'string') {
    throw new ScheduleError(__TP_DEV__ ? 'Schedule JSON has no "timeZone" text, e.g. "Europe/London".' : '');
  }
  const timeZone = parseTimeZone(value.timeZone);
  return assembleSchedule(timeZone, hoursFromJSON(value.hours), holidaysFromJSON(value.holidays));
}
