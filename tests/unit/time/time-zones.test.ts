// @vitest-environment node
//
// Expected instants are worked out by hand from the published 2026 transitions:
//   Europe/London     29 Mar 01:00Z GMT→BST (+1)       25 Oct 01:00Z BST→GMT
//   America/New_York   8 Mar 07:00Z EST→EDT (-5→-4)     1 Nov 06:00Z EDT→EST
//   Australia/Sydney   4 Apr 16:00Z AEDT→AEST (+11→+10) 3 Oct 16:00Z AEST→AEDT
//   Pacific/Chatham    4 Apr 14:00Z +13:45→+12:45      26 Sep 14:00Z +12:45→+13:45
//   Asia/Kolkata       +05:30 all year
import { describe, expect, it } from 'vitest';
import { add, between, isOpen, nextOpening, parseSchedule } from '../../../src/time/index.js';

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();
const MINUTE = 60_000;
const HOUR = 3_600_000;
const schedule = (timeZone: string, hours: string, holidays = '') => parseSchedule({ timeZone, hours, holidays });

describe('Europe/London', () => {
  const allSunday = schedule('Europe/London', 'Sun 00:00-24:00');

  it('has a 23-hour Sunday in spring and a 25-hour Sunday in autumn', () => {
    expect(between(allSunday, at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z'))).toBe(23 * HOUR);
    expect(between(allSunday, at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z'))).toBe(25 * HOUR);
    expect(nextOpening(allSunday, at('2026-10-24T12:00:00Z'))).toBe(at('2026-10-24T23:00:00Z'));
    expect(add(allSunday, at('2026-03-29T00:00:00Z'), 23 * HOUR)).toBe(at('2026-03-29T23:00:00Z'));
  });

  it('keeps a 09:00-17:00 Sunday at 8 hours on both change days, shifted by the offset', () => {
    const daytime = schedule('Europe/London', 'Sun 09:00-17:00');
    expect(nextOpening(daytime, at('2026-03-29T00:00:00Z'))).toBe(at('2026-03-29T08:00:00Z'));
    expect(add(daytime, at('2026-03-29T00:00:00Z'), 8 * HOUR)).toBe(at('2026-03-29T16:00:00Z'));
    expect(nextOpening(daytime, at('2026-10-25T00:00:00Z'))).toBe(at('2026-10-25T09:00:00Z'));
    expect(add(daytime, at('2026-10-25T00:00:00Z'), 8 * HOUR)).toBe(at('2026-10-25T17:00:00Z'));
  });

  it('counts an interval straddling the change by the physical time its wall clock spends inside it', () => {
    const night = schedule('Europe/London', 'Sun 00:30-03:30');
    // Spring: 00:30–01:00 GMT, then 02:00–03:30 BST: 2 hours. Autumn: 00:30–02:00 BST, then 01:00–03:30 GMT: 4 hours.
    expect(between(night, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(2 * HOUR);
    expect(between(night, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(4 * HOUR);
    expect(add(night, at('2026-10-24T23:30:00Z'), 4 * HOUR)).toBe(at('2026-10-25T03:30:00Z'));
  });

  it('opens at the jump when an interval starts at a wall-clock time that does not exist', () => {
    const skipped = schedule('Europe/London', 'Sun 01:30-03:00');
    expect(nextOpening(skipped, at('2026-03-29T00:00:00Z'))).toBe(at('2026-03-29T01:00:00Z'));
    expect(isOpen(skipped, at('2026-03-29T00:59:59.999Z'))).toBe(false);
    expect(between(skipped, at('2026-03-29T00:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(HOUR);
  });

  it('opens twice for an interval whose wall-clock times happen twice', () => {
    const repeated = schedule('Europe/London', 'Sun 01:15-01:45');
    expect(between(repeated, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(HOUR);
    expect(isOpen(repeated, at('2026-10-25T00:20:00Z'))).toBe(true); // 01:20 BST
    expect(isOpen(repeated, at('2026-10-25T00:50:00Z'))).toBe(false); // 01:50 BST
    expect(isOpen(repeated, at('2026-10-25T01:20:00Z'))).toBe(true); // 01:20 GMT
    expect(add(repeated, at('2026-10-25T00:00:00Z'), 45 * MINUTE)).toBe(at('2026-10-25T01:30:00Z'));
  });

  it('moves Monday opening by an hour in UTC across the spring weekend', () => {
    const office = schedule('Europe/London', 'Mon-Fri 09:00-17:00');
    expect(add(office, at('2026-03-27T16:00:00Z'), 2 * HOUR)).toBe(at('2026-03-30T09:00:00Z'));
  });
});

describe('America/New_York', () => {
  const office = schedule('America/New_York', 'Mon-Fri 09:00-17:00');
  const allSunday = schedule('America/New_York', 'Sun 00:00-24:00');
  const saturdayNight = schedule('America/New_York', 'Sat 22:00-06:00');

  it('carries work over the weekend into the new offset, both ways', () => {
    // Fri 16:00 EST + 2 h = Mon 10:00 EDT; Fri 16:00 EDT + 2 h = Mon 10:00 EST.
    expect(iso(add(office, at('2026-03-06T21:00:00Z'), 2 * HOUR))).toBe('2026-03-09T14:00:00.000Z');
    expect(iso(add(office, at('2026-10-30T20:00:00Z'), 2 * HOUR))).toBe('2026-11-02T15:00:00.000Z');
  });

  it('has a 23-hour and a 25-hour Sunday', () => {
    expect(between(allSunday, at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z'))).toBe(23 * HOUR);
    expect(between(allSunday, at('2026-10-31T12:00:00Z'), at('2026-11-02T12:00:00Z'))).toBe(25 * HOUR);
  });

  it('counts a night shift over the change as 7 and 9 physical hours', () => {
    expect(between(saturdayNight, at('2026-03-07T12:00:00Z'), at('2026-03-08T18:00:00Z'))).toBe(7 * HOUR);
    expect(iso(add(saturdayNight, at('2026-03-07T12:00:00Z'), 7 * HOUR))).toBe('2026-03-08T10:00:00.000Z');
    expect(between(saturdayNight, at('2026-10-31T12:00:00Z'), at('2026-11-01T18:00:00Z'))).toBe(9 * HOUR);
    expect(iso(add(saturdayNight, at('2026-10-31T12:00:00Z'), 9 * HOUR))).toBe('2026-11-01T11:00:00.000Z');
  });
});

describe('Australia/Sydney', () => {
  const office = schedule('Australia/Sydney', 'Mon-Fri 09:00-17:00');
  const allSunday = schedule('Australia/Sydney', 'Sun 00:00-24:00');

  it('has a 25-hour Sunday in April and a 23-hour Sunday in October', () => {
    expect(between(allSunday, at('2026-04-03T00:00:00Z'), at('2026-04-06T00:00:00Z'))).toBe(25 * HOUR);
    expect(nextOpening(allSunday, at('2026-04-03T00:00:00Z'))).toBe(at('2026-04-04T13:00:00Z'));
    expect(between(allSunday, at('2026-10-02T00:00:00Z'), at('2026-10-05T00:00:00Z'))).toBe(23 * HOUR);
    expect(nextOpening(allSunday, at('2026-10-02T00:00:00Z'))).toBe(at('2026-10-03T14:00:00Z'));
  });

  it('carries work over the weekend into the new offset, both ways', () => {
    // Fri 16:00 AEDT + 2 h = Mon 10:00 AEST; Fri 16:00 AEST + 2 h = Mon 10:00 AEDT.
    expect(iso(add(office, at('2026-04-03T05:00:00Z'), 2 * HOUR))).toBe('2026-04-06T00:00:00.000Z');
    expect(iso(add(office, at('2026-10-02T06:00:00Z'), 2 * HOUR))).toBe('2026-10-04T23:00:00.000Z');
  });

  it('opens at 03:00 AEDT when the interval starts inside the skipped hour', () => {
    const skipped = schedule('Australia/Sydney', 'Sun 02:30-04:00');
    expect(nextOpening(skipped, at('2026-10-03T12:00:00Z'))).toBe(at('2026-10-03T16:00:00Z'));
    expect(between(skipped, at('2026-10-03T12:00:00Z'), at('2026-10-04T12:00:00Z'))).toBe(HOUR);
  });
});

describe('Asia/Kolkata (+05:30)', () => {
  const office = schedule('Asia/Kolkata', 'Mon-Fri 09:30-18:00');

  it('opens at 04:00Z and closes at 12:30Z', () => {
    expect(isOpen(office, at('2026-03-02T03:59:59.999Z'))).toBe(false);
    expect(isOpen(office, at('2026-03-02T04:00:00Z'))).toBe(true);
    expect(isOpen(office, at('2026-03-02T12:30:00Z'))).toBe(false);
    expect(add(office, at('2026-03-02T04:00:00Z'), 8.5 * HOUR)).toBe(at('2026-03-02T12:30:00Z'));
    expect(add(office, at('2026-03-02T04:00:00Z'), 8.5 * HOUR + MINUTE)).toBe(at('2026-03-03T04:01:00Z'));
  });

  it('counts 42.5 hours in a week', () => {
    expect(between(office, at('2026-03-01T00:00:00Z'), at('2026-03-08T00:00:00Z'))).toBe(42.5 * HOUR);
  });
});

describe('Pacific/Chatham (+12:45 / +13:45)', () => {
  const office = schedule('Pacific/Chatham', 'Mon-Fri 09:00-17:00');
  const earlySunday = schedule('Pacific/Chatham', 'Sun 02:00-05:00');

  it('opens Monday 09:00 at 19:15Z in summer and 20:15Z in winter', () => {
    expect(nextOpening(office, at('2026-01-03T00:00:00Z'))).toBe(at('2026-01-04T19:15:00Z'));
    expect(nextOpening(office, at('2026-07-04T00:00:00Z'))).toBe(at('2026-07-05T20:15:00Z'));
    expect(isOpen(office, at('2026-01-04T19:14:59.999Z'))).toBe(false);
  });

  it('stretches 02:00-05:00 to 4 hours when 02:45-03:45 repeats, and shrinks it to 2 when it is skipped', () => {
    expect(between(earlySunday, at('2026-04-04T00:00:00Z'), at('2026-04-05T00:00:00Z'))).toBe(4 * HOUR);
    expect(nextOpening(earlySunday, at('2026-04-04T00:00:00Z'))).toBe(at('2026-04-04T12:15:00Z'));
    expect(add(earlySunday, at('2026-04-04T00:00:00Z'), 4 * HOUR)).toBe(at('2026-04-04T16:15:00Z'));
    expect(between(earlySunday, at('2026-09-26T00:00:00Z'), at('2026-09-27T00:00:00Z'))).toBe(2 * HOUR);
    expect(add(earlySunday, at('2026-09-26T00:00:00Z'), 2 * HOUR)).toBe(at('2026-09-26T15:15:00Z'));
  });
});

describe('an interval crossing midnight', () => {
  it('belongs to the weekday it starts on', () => {
    const fridayNight = schedule('Europe/London', 'Fri 22:00-06:00');
    expect(between(fridayNight, at('2026-01-09T12:00:00Z'), at('2026-01-10T12:00:00Z'))).toBe(8 * HOUR);
    expect(isOpen(fridayNight, at('2026-01-10T05:59:59.999Z'))).toBe(true);
    expect(isOpen(fridayNight, at('2026-01-10T06:00:00Z'))).toBe(false);
    expect(isOpen(fridayNight, at('2026-01-10T22:00:00Z'))).toBe(false); // Saturday has no hours of its own
    expect(isOpen(fridayNight, at('2026-01-08T23:00:00Z'))).toBe(false); // nor has Thursday
  });

  it('runs from Sunday night into Monday', () => {
    const sundayNight = schedule('Asia/Kolkata', 'Sun 22:00-02:00');
    expect(isOpen(sundayNight, at('2026-03-01T20:00:00Z'))).toBe(true); // Mon 01:30 IST
    expect(between(sundayNight, at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'))).toBe(4 * HOUR);
  });

  it('lasts 24 hours when the end equals the start, and joins an interval ending at 24:00 to the next day', () => {
    expect(between(schedule('UTC', 'Mon 09:00-09:00'), at('2026-01-05T00:00:00Z'), at('2026-01-07T00:00:00Z'))).toBe(24 * HOUR);
    const evening = schedule('UTC', 'Mon 18:00-24:00; Tue 00:00-02:00');
    expect(add(evening, at('2026-01-05T18:00:00Z'), 6 * HOUR)).toBe(at('2026-01-06T00:00:00Z'));
    expect(add(evening, at('2026-01-05T18:00:00Z'), 8 * HOUR)).toBe(at('2026-01-06T02:00:00Z'));
  });

  it('loses the part on a holiday date: a holiday closes its own date, 00:00-24:00', () => {
    const fridayNight = (holidays: string) => schedule('Europe/London', 'Fri 22:00-06:00', holidays);
    const friToSat = [at('2026-01-09T12:00:00Z'), at('2026-01-10T12:00:00Z')] as const;
    expect(between(fridayNight('2026-01-10'), ...friToSat)).toBe(2 * HOUR);
    expect(between(fridayNight('2026-01-09'), ...friToSat)).toBe(6 * HOUR);
  });
});

describe('a holiday on a DST change day', () => {
  const everyDay = (timeZone: string, holidays: string) => schedule(timeZone, 'Mon-Sun 00:00-24:00', holidays);

  it('removes 25 physical hours on the autumn change day and 23 on the spring one in London', () => {
    // Saturday 00:00 BST to Tuesday 00:00 GMT is 24 + 25 + 24 hours; the holiday leaves 48.
    expect(between(everyDay('Europe/London', '2026-10-25'), at('2026-10-23T23:00:00Z'), at('2026-10-27T00:00:00Z'))).toBe(48 * HOUR);
    // Saturday 00:00 GMT to Tuesday 00:00 BST is 24 + 23 + 24 hours; the holiday leaves 48.
    const spring = everyDay('Europe/London', '2026-03-29');
    expect(between(spring, at('2026-03-28T00:00:00Z'), at('2026-03-30T23:00:00Z'))).toBe(48 * HOUR);
    expect(nextOpening(spring, at('2026-03-29T00:00:00Z'))).toBe(at('2026-03-29T23:00:00Z'));
  });

  it('skips to the next Sunday in New York', () => {
    const sundays = schedule('America/New_York', 'Sun 09:00-17:00', '2026-11-01');
    expect(nextOpening(sundays, at('2026-11-01T00:00:00Z'))).toBe(at('2026-11-08T14:00:00Z'));
  });
});
