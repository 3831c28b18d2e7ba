/**
 * Business-time arithmetic (DESIGN.md "Business time"): physical elapsed time while the schedule's wall
 * clock lies inside an opening interval on a date that is not a holiday.
 *
 * Instants are epoch milliseconds (numbers) in and out, like `Date.now()`; durations are milliseconds.
 * Both must be whole numbers so that sums stay exact: `between(s, t, add(s, t, d)) === d`.
 *
 * How: walk the physical timeline in stretches of constant UTC offset. Within one stretch the wall clock
 * is the instant plus that offset, so the open wall-clock intervals shifted back by the offset are the
 * open physical ranges. A wall-clock interval that straddles a DST change therefore maps to exactly the
 * physical instants whose wall clock lies inside it: 23 or 25 hours for 00:00–24:00, nothing for a time
 * skipped in spring, twice for a time repeated in autumn.
 */

import { MS_PER_DAY, MS_PER_MINUTE, weekdayIndex } from './calendar.js';
import { WEEKDAYS } from './hours.js';
import type { Schedule } from './schedule.js';
import { ScheduleError } from './schedule-error.js';
import { offsetSegmentsFrom } from './zone.js';

/** How far a search for open time looks before it gives up: a year, leap day included. */
const SEARCH_LIMIT_DAYS = 366;

interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * Open wall-clock intervals (local time written as if it were UTC) that meet `[from, to)`, in order.
 * Starts a day early because the previous day's interval may cross midnight into `from`.
 */
function* wallClockOpenings(schedule: Schedule, from: number, to: number): Generator<Range> {
  for (let day = Math.floor(from / MS_PER_DAY) - 1; day * MS_PER_DAY < to; day++) {
    const midnight = day * MS_PER_DAY;
    const nextMidnight = midnight + MS_PER_DAY;
    // A holiday closes its own date, so an interval crossing midnight keeps only its part on an open date.
    const openToday = !schedule.holidayDays.has(day);
    const openTomorrow = !schedule.holidayDays.has(day + 1);
    for (const interval of schedule.hours[WEEKDAYS[weekdayIndex(day)]]) {
      const start = midnight + interval.start * MS_PER_MINUTE;
      const end = midnight + interval.end * MS_PER_MINUTE;
      const pieces: Range[] = [];
      if (openToday) pieces.push({ start, end: Math.min(end, nextMidnight) });
      if (openTomorrow && end > nextMidnight) pieces.push({ start: nextMidnight, end });
      for (const piece of pieces) if (piece.end > from && piece.start < to) yield piece;
    }
  }
}

/** Open physical ranges within `[from, to)`, in order, clipped to it. Touching ranges may come separately. */
function* openRanges(schedule: Schedule, from: number, to: number): Generator<Range> {
  for (const segment of offsetSegmentsFrom(schedule.timeZone, from)) {
    if (segment.start >= to) return;
    const start = Math.max(segment.start, from);
    const end = Math.min(segment.end, to);
    if (start >= end) continue;
    for (const wall of wallClockOpenings(schedule, start + segment.offset, end + segment.offset)) {
      yield { start: Math.max(wall.start - segment.offset, start), end: Math.min(wall.end - segment.offset, end) };
    }
  }
}

/** Open ranges from `from` on, without end; throws when a whole search window passes with no open time. */
function* openRangesAfter(schedule: Schedule, from: number): Generator<Range, never> {
  for (let cursor = from; ; ) {
    let found = false;
    for (const range of openRanges(schedule, cursor, cursor + SEARCH_LIMIT_DAYS * MS_PER_DAY)) {
      found = true;
      cursor = range.end;
      yield range;
    }
    if (!found) {
      throw new ScheduleError(
        __TP_DEV__
          ? `No open time within ${SEARCH_LIMIT_DAYS} days after ${new Date(cursor).toISOString()} (${schedule.timeZone}): ` +
              'check the opening hours and holidays.'
          : '',
      );
    }
  }
}

function checkInstant(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(
      __TP_DEV__ ? `${name} should be whole milliseconds since 1970-01-01T00:00:00Z (like Date.now()), got ${String(value)}.` : '',
    );
  }
}

/**
 * The instant at which `durationMs` of business time has passed since `instant`: the earliest such
 * instant, so a task finishing exactly at closing time is due at closing time, not the next morning.
 * Adding zero returns `instant` itself, even when closed. Throws ScheduleError when the schedule has a
 * stretch of more than 366 days with no open time on the way.
 */
export function add(schedule: Schedule, instant: number, durationMs: number): number {
  checkInstant(instant, 'instant');
  if (!Number.isSafeInteger(durationMs) || durationMs < 0) {
    throw new RangeError(__TP_DEV__ ? `durationMs should be whole milliseconds, zero or more, got ${String(durationMs)}.` : '');
  }
  if (durationMs === 0) return instant;
  const ranges = openRangesAfter(schedule, instant);
  for (let remaining = durationMs; ; ) {
    const { start, end } = ranges.next().value;
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
}

/**
 * Business milliseconds from `from` to `to`; negative when `to` is earlier, so that
 * `between(s, a, b) === -between(s, b, a)`. Never searches beyond the two instants, so never throws
 * for lack of open time.
 */
export function between(schedule: Schedule, from: number, to: number): number {
  checkInstant(from, 'from');
  checkInstant(to, 'to');
  if (to < from) return 0 - between(schedule, to, from); // not -x: a closed stretch is 0, never -0
  let total = 0;
  for (const range of openRanges(schedule, from, to)) total += range.end - range.start;
  return total;
}

/**
 * The earliest instant at or after `instant` when the schedule is open: `instant` itself when open.
 * Throws ScheduleError when nothing is open within 366 days.
 */
export function nextOpening(schedule: Schedule, instant: number): number {
  checkInstant(instant, 'instant');
  return openRangesAfter(schedule, instant).next().value.start;
}

/** Whether the schedule is open at `instant` (intervals are half-open: open at 09:00, closed at 17:00). */
export function isOpen(schedule: Schedule, instant: number): boolean {
  checkInstant(instant, 'instant');
  return openRanges(schedule, instant, instant + 1).next().done === false;
}
