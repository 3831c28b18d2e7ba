// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatIsoDate, isoWeekLabel, parseIsoDate, weekdayIndex } from '../../../src/time/calendar.js';
import { isKnownTimeZone, offsetSegmentsFrom } from '../../../src/time/zone.js';
import type { OffsetSegment } from '../../../src/time/zone.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('calendar arithmetic', () => {
  it('agrees with Date for any day in ±10,000 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4_400_000, max: 2_900_000 }), (days) => {
        const date = new Date(days * DAY);
        const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        expect(civilFromDays(days)).toEqual(civil);
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
        expect(weekdayIndex(days)).toBe((date.getUTCDay() + 6) % 7);
      }),
    );
  });

  it('handles years 0–99 that Date.UTC would move to the 1900s', () => {
    expect(formatIsoDate(daysFromCivil(44, 3, 15))).toBe('0044-03-15');
    expect(parseIsoDate('0044-03-15')).toBe(daysFromCivil(44, 3, 15));
  });

  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('puts %s in ISO week %s', (date, week) => {
    expect(isoWeekLabel(parseIsoDate(date)!)).toBe(week);
  });

  it('reads only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2028-02-29')).toBe(daysFromCivil(2028, 2, 29));
    for (const text of ['2026-02-29', '2026-04-31', '2026-00-10', '2026-1-10', '2026-01-10T00:00']) {
      expect(parseIsoDate(text)).toBeUndefined();
    }
  });
});

function segmentsBetween(timeZone: string, from: string, to: string): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  for (const segment of offsetSegmentsFrom(timeZone, Date.parse(from))) {
    if (segment.start >= Date.parse(to)) break;
    segments.push(segment);
  }
  return segments;
}

describe('zone offsets', () => {
  it('finds a transition to the second and reports offsets in milliseconds', () => {
    const segments = segmentsBetween('Europe/London', '2026-03-29T00:00:00Z', '2026-03-29T12:00:00Z');
    expect(segments).toEqual([
      { start: Date.parse('2026-03-29T00:00:00Z'), end: Date.parse('2026-03-29T01:00:00Z'), offset: 0 },
      { start: Date.parse('2026-03-29T01:00:00Z'), end: Date.parse('2026-03-29T12:00:00Z'), offset: HOUR },
    ]);
  });

  it('reads 45-minute offsets on both sides of a Chatham change', () => {
    const offsets = segmentsBetween('Pacific/Chatham', '2026-04-04T12:00:00Z', '2026-04-05T00:00:00Z').map((s) => [s.start, s.offset]);
    expect(offsets).toEqual([
      [Date.parse('2026-04-04T12:00:00Z'), 13.75 * HOUR],
      [Date.parse('2026-04-04T14:00:00Z'), 12.75 * HOUR],
    ]);
  });

  it('covers the timeline without gaps or overlaps', () => {
    const segments = segmentsBetween('America/New_York', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    segments.slice(1).forEach((segment, i) => expect(segment.start).toBe(segments[i]!.end));
    expect(new Set(segments.map((s) => s.offset))).toEqual(new Set([-5 * HOUR, -4 * HOUR]));
  });

  it('reads offsets before year 1 (BC dates) correctly', () => {
    const [first] = segmentsBetween('UTC', '-000100-06-01T00:00:00Z', '-000100-06-02T00:00:00Z');
    expect(first!.offset).toBe(0);
  });

  it('knows IANA zones and nothing else', () => {
    expect(isKnownTimeZone('Asia/Kolkata')).toBe(true);
    expect(isKnownTimeZone('Europe/Atlantis')).toBe(false);
  });
});
