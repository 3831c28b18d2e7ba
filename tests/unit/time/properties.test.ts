// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, between, isOpen, parseSchedule } from '../../../src/time/index.js';
import type { Schedule } from '../../../src/time/index.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

const schedules: Record<string, Schedule> = {
  'London office with lunch and holidays': parseSchedule({
    hours: 'Mon-Fri 09:00-12:00, 13:00-17:00',
    timeZone: 'Europe/London',
    holidays: '2026-03-30 2026-10-26 2026-12-25 2026-12-28',
  }),
  'New York night shifts across DST nights': parseSchedule({
    hours: 'Mon-Fri 22:00-06:00; Sat 10:00-14:00; Sun 01:30-02:30',
    timeZone: 'America/New_York',
    holidays: '2026-03-08',
  }),
  'Sydney with an interval in the changing hour': parseSchedule({ hours: 'Sun 01:30-03:30; Wed 09:00-17:00', timeZone: 'Australia/Sydney' }),
  'Chatham on 45-minute offsets': parseSchedule({ hours: 'Mon-Sat 02:00-05:00, 09:00-17:00', timeZone: 'Pacific/Chatham' }),
};

// 2026 holds every DST change of these zones; the extra weeks let additions run past the year's end.
const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') });
const minuteAligned = instant.map((t) => Math.floor(t / MINUTE) * MINUTE);
const duration = fc.integer({ min: 0, max: 21 * DAY });
const RUNS = { numRuns: 150 };

describe.each(Object.entries(schedules))('%s', (_, schedule) => {
  it('add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(instant, duration, duration, (t, a, b) => {
        expect(add(schedule, add(schedule, t, a), b)).toBe(add(schedule, t, a + b));
      }),
      RUNS,
    );
  });

  it('between(t, add(t, d)) = d', () => {
    fc.assert(
      fc.property(instant, duration, (t, d) => {
        expect(between(schedule, t, add(schedule, t, d))).toBe(d);
      }),
      RUNS,
    );
  });

  it('add is monotonic in the duration', () => {
    fc.assert(
      fc.property(instant, duration, duration, (t, a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        expect(add(schedule, t, shorter)).toBeLessThanOrEqual(add(schedule, t, longer));
      }),
      RUNS,
    );
  });

  it('between is additive: between(a, b) + between(b, c) = between(a, c)', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(between(schedule, a, b) + between(schedule, b, c)).toBe(between(schedule, a, c));
      }),
      RUNS,
    );
  });

  // Offsets and interval edges fall on whole minutes, so a minute that starts on a whole minute is either
  // open throughout or closed throughout: isOpen at its start must say which.
  it('isOpen agrees with between over one-minute windows', () => {
    fc.assert(
      fc.property(minuteAligned, (t) => {
        expect(between(schedule, t, t + MINUTE)).toBe(isOpen(schedule, t) ? MINUTE : 0);
      }),
      { numRuns: 400 },
    );
  });
});
