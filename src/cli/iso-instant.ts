/// <reference types="node" />
/**
 * Strict ISO 8601 timestamps for data files. Stricter than `Date.parse` on purpose: `Date.parse` reads
 * "2026-01-05T09:00" as the machine's local time, which would shift every measured wait by the
 * server's offset without a word. A timestamp must carry its UTC offset (Z or ±HH:MM).
 */

import { daysFromCivil, isCalendarDate, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time/calendar.js';

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/i;

/** Epoch milliseconds of e.g. "2026-11-24T09:15:00Z" or "2026-11-24 10:15:00.250+01:00", else undefined. */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
  const wallClock =
    daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1_000 + millisecond;
  return wallClock - offset;
}
