/**
 * UTC offsets of an IANA time zone, read from `Intl` (no Temporal in Node 20, no tz database of our own).
 *
 * The timeline is cut into fixed cells of {@link CELL_MS}. The offset is read once at each cell edge and
 * cached; when the two edges of a cell disagree, a binary search finds the transition to the second.
 * This assumes at most one transition per cell. Real zones change offset weeks or months apart, so it
 * holds in practice; a cell holding two changes that cancel out would be missed.
 */

import { daysFromCivil, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, MS_PER_DAY } from './calendar.js';

const CELL_MS = 12 * MS_PER_HOUR;

/** Bound on cached cells per zone (about 68 years of 12-hour cells) so long-running pages stay small. */
const MAX_CACHED_CELLS = 50_000;

/** A stretch of physical time `[start, end)` during which the zone's UTC offset is constant. */
export interface OffsetSegment {
  readonly start: number;
  readonly end: number;
  /** Wall clock minus UTC, in milliseconds. */
  readonly offset: number;
}

interface ZoneCache {
  readonly formatter: Intl.DateTimeFormat;
  /** Offset at the start of cell k, keyed by k. */
  readonly edgeOffsets: Map<number, number>;
  /** First instant of cell k with the next cell's offset, for cells whose edges disagree. */
  readonly transitions: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (!cache) {
    // h23 avoids the "24:00" midnight some engines print with hour12: false; era keeps BC years right.
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    cache = { formatter, edgeOffsets: new Map(), transitions: new Map() };
    zones.set(timeZone, cache);
  }
  return cache;
}

/** True when `Intl` knows the zone (IANA names such as "Europe/London", case-insensitive). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneCache(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offsets are whole seconds, and Intl prints whole seconds, so read the offset at the second's start. */
function offsetFromIntl(formatter: Intl.DateTimeFormat, instant: number): number {
  const second = Math.floor(instant / MS_PER_SECOND) * MS_PER_SECOND;
  const fields: Record<string, string> = {};
  for (const part of formatter.formatToParts(second)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' ? 1 - yearOfEra : yearOfEra;
  const wallClock =
    daysFromCivil(year, Number(fields.month), Number(fields.day)) * MS_PER_DAY +
    Number(fields.hour) * MS_PER_HOUR +
    Number(fields.minute) * MS_PER_MINUTE +
    Number(fields.second) * MS_PER_SECOND;
  return wallClock - second;
}

function remember(map: Map<number, number>, key: number, value: number): number {
  if (map.size >= MAX_CACHED_CELLS) map.clear();
  map.set(key, value);
  return value;
}

function edgeOffset(cache: ZoneCache, cell: number): number {
  return cache.edgeOffsets.get(cell) ?? remember(cache.edgeOffsets, cell, offsetFromIntl(cache.formatter, cell * CELL_MS));
}

function transitionInCell(cache: ZoneCache, cell: number, offsetBefore: number): number {
  const known = cache.transitions.get(cell);
  if (known !== undefined) return known;
  // Invariant: the offset at `before` is offsetBefore, the offset at `after` is not.
  let before = cell * CELL_MS;
  let after = before + CELL_MS;
  while (after - before > MS_PER_SECOND) {
    const middle = before + Math.floor((after - before) / (2 * MS_PER_SECOND)) * MS_PER_SECOND;
    if (offsetFromIntl(cache.formatter, middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return remember(cache.transitions, cell, after);
}

function segmentsOfCell(cache: ZoneCache, cell: number): OffsetSegment[] {
  const start = cell * CELL_MS;
  const end = start + CELL_MS;
  const offsetAtStart = edgeOffset(cache, cell);
  const offsetAtEnd = edgeOffset(cache, cell + 1);
  if (offsetAtStart === offsetAtEnd) return [{ start, end, offset: offsetAtStart }];
  const transition = transitionInCell(cache, cell, offsetAtStart);
  return [
    { start, end: transition, offset: offsetAtStart },
    { start: transition, end, offset: offsetAtEnd },
  ];
}

/**
 * Constant-offset segments covering the timeline from the cell that holds `from` onwards, in order.
 * Endless: the caller stops iterating. Throws RangeError for an unknown zone.
 */
export function* offsetSegmentsFrom(timeZone: string, from: number): Generator<OffsetSegment, never> {
  const cache = zoneCache(timeZone);
  for (let cell = Math.floor(from / CELL_MS); ; cell++) {
    yield* segmentsOfCell(cache, cell);
  }
}
