// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { add, between, isOpen, nextOpening, parseSchedule, ScheduleError } from '../../../src/time/index.js';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 3_600_000;

// Europe/London is on GMT (UTC+0) in December, so local times below read the same as the Z times.
const christmas = parseSchedule({
  hours: 'Mon-Fri 09:00-12:00, 13:00-17:00',
  timeZone: 'Europe/London',
  holidays: '2026-12-25 2026-12-28',
});

describe('the published vector', () => {
  it('2026-12-24 16:30 London plus 8 business hours is due 2026-12-30T09:30:00Z', () => {
    // 30 min on the 24th; the 25th and 28th are holidays, the 26th–27th a weekend; 7 h on the 29th; 30 min on the 30th.
    expect(new Date(add(christmas, at('2026-12-24T16:30:00Z'), 8 * HOUR)).toISOString()).toBe('2026-12-30T09:30:00.000Z');
    expect(between(christmas, at('2026-12-24T16:30:00Z'), at('2026-12-30T09:30:00Z'))).toBe(8 * HOUR);
  });
});

describe('add', () => {
  it('returns the same instant when adding zero, open or closed', () => {
    for (const iso of ['2026-12-24T10:00:00.123Z', '2026-12-25T10:00:00Z', '2026-12-24T17:00:00Z']) {
      expect(add(christmas, at(iso), 0)).toBe(at(iso));
    }
  });

  it('is due at closing time, not the next morning, when the work ends exactly at closing', () => {
    expect(add(christmas, at('2026-12-24T16:30:00Z'), 30 * MINUTE)).toBe(at('2026-12-24T17:00:00Z'));
    expect(add(christmas, at('2026-12-24T16:30:00Z'), 30 * MINUTE + 1)).toBe(at('2026-12-29T09:00:00.001Z'));
  });

  it('skips the lunch break and starts counting at opening when added while closed', () => {
    expect(add(christmas, at('2026-12-22T11:30:00Z'), HOUR)).toBe(at('2026-12-22T13:30:00Z'));
    expect(add(christmas, at('2026-12-22T06:00:00Z'), HOUR)).toBe(at('2026-12-22T10:00:00Z'));
  });

  it('rejects instants and durations that are not whole milliseconds', () => {
    expect(() => add(christmas, 1.5, HOUR)).toThrow(TypeError);
    expect(() => add(christmas, new Date() as unknown as number, HOUR)).toThrow(/whole milliseconds since 1970/);
    expect(() => add(christmas, 0, -1)).toThrow(RangeError);
    expect(() => add(christmas, 0, Number.NaN)).toThrow(/durationMs/);
  });
});

describe('between', () => {
  it('counts a working week of two intervals a day', () => {
    expect(between(christmas, at('2026-12-14T00:00:00Z'), at('2026-12-21T00:00:00Z'))).toBe(5 * 7 * HOUR);
  });

  it('is negative when the end comes first', () => {
    expect(between(christmas, at('2026-12-22T12:00:00Z'), at('2026-12-22T10:00:00Z'))).toBe(-2 * HOUR);
  });

  it('is zero over a closed stretch', () => {
    expect(between(christmas, at('2026-12-25T00:00:00Z'), at('2026-12-29T09:00:00Z'))).toBe(0);
  });
});

describe('isOpen', () => {
  it('treats intervals as half-open [start, end)', () => {
    expect(isOpen(christmas, at('2026-12-22T08:59:59.999Z'))).toBe(false);
    expect(isOpen(christmas, at('2026-12-22T09:00:00Z'))).toBe(true);
    expect(isOpen(christmas, at('2026-12-22T11:59:59.999Z'))).toBe(true);
    expect(isOpen(christmas, at('2026-12-22T12:00:00Z'))).toBe(false);
    expect(isOpen(christmas, at('2026-12-22T13:00:00Z'))).toBe(true);
    expect(isOpen(christmas, at('2026-12-22T17:00:00Z'))).toBe(false);
  });

  it('is closed all day on a holiday and at the weekend', () => {
    expect(isOpen(christmas, at('2026-12-25T10:00:00Z'))).toBe(false);
    expect(isOpen(christmas, at('2026-12-26T10:00:00Z'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('is the instant itself when open', () => {
    expect(nextOpening(christmas, at('2026-12-22T10:15:00Z'))).toBe(at('2026-12-22T10:15:00Z'));
  });

  it('jumps the lunch break, the weekend and holidays', () => {
    expect(nextOpening(christmas, at('2026-12-22T12:00:00Z'))).toBe(at('2026-12-22T13:00:00Z'));
    expect(nextOpening(christmas, at('2026-12-24T17:00:00Z'))).toBe(at('2026-12-29T09:00:00Z'));
  });
});

describe('a search that finds no open time within 366 days', () => {
  const daysFrom = (first: string, count: number) =>
    Array.from({ length: count }, (_, i) => new Date(at(first) + i * 24 * HOUR).toISOString().slice(0, 10)).join(' ');
  const closedForAYear = parseSchedule({ hours: 'Mon-Fri 09:00-17:00', timeZone: 'Europe/London', holidays: daysFrom('2027-01-01', 400) });
  const start = at('2026-12-31T17:00:00Z');

  it('throws a ScheduleError that says so, from nextOpening and add', () => {
    expect(() => nextOpening(closedForAYear, start)).toThrow(ScheduleError);
    expect(() => nextOpening(closedForAYear, start)).toThrow(
      'No open time within 366 days after 2026-12-31T17:00:00.000Z (Europe/London): check the opening hours and holidays.',
    );
    expect(() => add(closedForAYear, at('2026-12-31T16:00:00Z'), 2 * HOUR)).toThrow(/No open time within 366 days after 2026-12-31T17:00:00.000Z/);
  });

  it('finds the opening after a closed stretch shorter than that', () => {
    const closed300Days = parseSchedule({ hours: 'Mon-Fri 09:00-17:00', timeZone: 'UTC', holidays: daysFrom('2027-01-01', 300) });
    // 2027-10-28 is the first date after 300 holidays; it is a Thursday.
    expect(nextOpening(closed300Days, start)).toBe(at('2027-10-28T09:00:00Z'));
  });

  it('does not make between throw: it only measures', () => {
    expect(between(closedForAYear, start, at('2028-01-01T00:00:00Z'))).toBe(0);
  });
});
