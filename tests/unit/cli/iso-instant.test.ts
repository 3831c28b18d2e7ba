// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../../src/cli/iso-instant.js';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-11-24T09:15:00Z', '2026-11-24T09:15:00.000Z'],
    ['2026-11-24t09:15z', '2026-11-24T09:15:00.000Z'],
    ['2026-11-24 10:15:00+01:00', '2026-11-24T09:15:00.000Z'],
    ['2026-11-24T03:45:30.1234-0530', '2026-11-24T09:15:30.123Z'],
    ['2026-11-25T00:00:00+14', '2026-11-24T10:00:00.000Z'],
    [' 2026-02-28T23:59:59,5Z ', '2026-02-28T23:59:59.500Z'],
  ])('reads %j', (text, expected) => {
    expect(new Date(parseIsoInstant(text)!).toISOString()).toBe(expected);
  });

  it.each([
    '2026-11-24T09:15:00', // no offset: Date.parse would read it in the machine's zone
    '2026-11-24',
    '2026-02-29T10:00:00Z',
    '2026-11-24T24:00:00Z',
    '2026-11-24T09:60:00Z',
    '2026-11-24T09:15:60Z',
    '2026-11-24T09:15:00+01:',
    '2026-11-24T09:15:00+01:60',
    'Tue, 24 Nov 2026 09:15:00 GMT',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });
});
