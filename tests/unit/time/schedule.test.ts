// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  parseHolidays,
  parseHours,
  parseSchedule,
  parseTimeZone,
  ScheduleError,
  scheduleFromJSON,
  scheduleToJSON,
} from '../../../src/time/index.js';

const interval = (start: string, end: string) => {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
  return { start: minutes(start), end: minutes(end) };
};

describe('parseHours', () => {
  it('reads groups of weekdays with several intervals each', () => {
    const hours = parseHours('Mon-Fri 09:00-12:00, 13:00-17:30; Sat 10:00-14:00');
    expect(hours.mon).toEqual([interval('09:00', '12:00'), interval('13:00', '17:30')]);
    expect(hours.fri).toEqual(hours.mon);
    expect(hours.sat).toEqual([interval('10:00', '14:00')]);
    expect(hours.sun).toEqual([]);
  });

  it('accepts day lists, wrapping ranges, full names, any case, one-digit hours and spaces', () => {
    const hours = parseHours('mon, WED 9:00 - 10:00; Friday-Sun 08:00-09:00;');
    expect(hours.mon).toEqual([interval('09:00', '10:00')]);
    expect(hours.wed).toEqual([interval('09:00', '10:00')]);
    expect(hours.tue).toEqual([]);
    expect([hours.fri, hours.sat, hours.sun]).toEqual(Array(3).fill([interval('08:00', '09:00')]));
  });

  it('sorts each day and lets an interval cross midnight or end at 24:00', () => {
    const hours = parseHours('Mon 22:00-06:00, 08:00-09:00; Tue 18:00-24:00');
    expect(hours.mon).toEqual([interval('08:00', '09:00'), { start: 22 * 60, end: 30 * 60 }]);
    expect(hours.tue).toEqual([{ start: 18 * 60, end: 24 * 60 }]);
  });

  it.each([
    ['', 'Opening hours have no open time: give at least one interval, e.g. "Mon-Fri 09:00-17:00".'],
    [' ; ', 'Opening hours have no open time'],
    ['Mon-Fri', 'Cannot read opening hours "Mon-Fri": write weekdays then times, e.g. "Mon-Fri 09:00-17:00".'],
    ['09:00-17:00', 'Cannot read opening hours "09:00-17:00"'],
    ['Mnday 09:00-17:00', 'Unknown weekday "Mnday" in opening hours "Mnday 09:00-17:00" (use Mon, Tue, Wed, Thu, Fri, Sat, Sun).'],
    ['constructor 09:00-17:00', 'Unknown weekday "constructor"'],
    ['Mon-Wed-Fri 09:00-17:00', 'Cannot read the weekdays "Mon-Wed-Fri" in opening hours "Mon-Wed-Fri 09:00-17:00".'],
    ['Mon 9-17', 'Time "9" in opening hours "Mon 9-17" is not written as HH:MM, e.g. 09:00.'],
    ['Mon 09:00-12:00 13:00-17:00', 'Cannot read the interval "09:00-12:00 13:00-17:00" in opening hours "Mon 09:00-12:00 13:00-17:00"'],
    ['Mon 09:00-12:00,, 13:00-17:00', 'Cannot read the interval "" in opening hours'],
    ['Mon 09:00-25:00', 'Time "25:00" in opening hours "Mon 09:00-25:00" is not a time of day (00:00 to 24:00).'],
    ['Mon 09:60-10:00', 'Time "09:60" in opening hours "Mon 09:60-10:00" is not a time of day'],
    ['Mon 24:00-02:00', 'Time "24:00" in opening hours "Mon 24:00-02:00" can only end an interval, not start one.'],
    ['Mon 09:00-12:00, 11:00-13:00', 'Opening hours overlap: Mon 09:00-12:00 and Mon 11:00-13:00.'],
    ['Mon-Fri 09:00-17:00; Wed 16:00-18:00', 'Opening hours overlap: Wed 09:00-17:00 and Wed 16:00-18:00.'],
    ['Mon 22:00-06:00; Tue 05:00-09:00', 'Opening hours overlap: Mon 22:00-06:00 and Tue 05:00-09:00.'],
    ['Sun 22:00-02:00; Mon 01:00-03:00', 'Opening hours overlap: Sun 22:00-02:00 and Mon 01:00-03:00.'],
  ])('rejects %j with a message naming the problem', (text, message) => {
    expect(() => parseHours(text)).toThrow(ScheduleError);
    expect(() => parseHours(text)).toThrow(message);
  });

  it('lets intervals touch without overlapping', () => {
    expect(parseHours('Mon 09:00-12:00, 12:00-17:00; Tue 00:00-01:00; Mon 17:00-00:00').mon).toHaveLength(3);
  });
});

describe('parseTimeZone', () => {
  it('accepts IANA names Intl knows, trimmed', () => {
    expect(parseTimeZone(' Europe/London ')).toBe('Europe/London');
    expect(parseTimeZone('Pacific/Chatham')).toBe('Pacific/Chatham');
  });

  it('names an unknown zone and a missing one', () => {
    expect(() => parseTimeZone('Mars/Olympus_Mons')).toThrow('Unknown time zone "Mars/Olympus_Mons": give an IANA name such as "Europe/London".');
    expect(() => parseTimeZone('  ')).toThrow('Time zone is missing');
  });
});

describe('parseHolidays', () => {
  it('reads dates separated by spaces or commas, sorted and without repeats', () => {
    expect(parseHolidays('2026-12-28, 2026-12-25\n2026-12-25')).toEqual(['2026-12-25', '2026-12-28']);
    expect(parseHolidays('')).toEqual([]);
  });

  it.each(['2026-02-29', '25/12/2026', '2026-12-5'])('rejects %j, naming it', (date) => {
    expect(() => parseHolidays(`2026-12-25 ${date}`)).toThrow(
      `Holiday "${date}" in holidays is not a date: write holidays as YYYY-MM-DD, e.g. 2026-12-25.`,
    );
  });
});

describe('parseSchedule', () => {
  it('builds a schedule from its text form', () => {
    const schedule = parseSchedule({ hours: 'Mon-Fri 09:00-17:00', timeZone: 'Europe/London', holidays: '2026-12-28 2026-12-25' });
    expect(schedule.timeZone).toBe('Europe/London');
    expect(schedule.holidays).toEqual(['2026-12-25', '2026-12-28']);
    expect(schedule.hours.mon).toEqual([interval('09:00', '17:00')]);
  });

  it('passes each part through its own checks', () => {
    expect(() => parseSchedule({ hours: 'Mon 09:00-17:00', timeZone: 'Europe/Lodnon' })).toThrow('Unknown time zone "Europe/Lodnon"');
    expect(() => parseSchedule({ hours: 'Mon 09:00-17:00', timeZone: 'UTC', holidays: '2026-13-01' })).toThrow('Holiday "2026-13-01"');
    expect(() => parseSchedule({ hours: null as unknown as string, timeZone: 'UTC' })).toThrow('The opening hours should be text, got object.');
  });
});

describe('the JSON form', () => {
  const json = {
    timeZone: 'Europe/London',
    hours: { mon: [['09:00', '12:00'], ['13:00', '17:00']], fri: [['22:00', '02:00']], sun: [['00:00', '24:00']] },
    holidays: ['2026-12-25'],
  };

  it('round-trips, crossing-midnight and 24:00 ends included', () => {
    const schedule = scheduleFromJSON(json);
    expect(scheduleToJSON(schedule)).toEqual(json);
    expect(scheduleFromJSON(JSON.parse(JSON.stringify(scheduleToJSON(schedule))))).toEqual(schedule);
  });

  it('matches the text form', () => {
    const fromText = parseSchedule({ hours: 'Mon 09:00-12:00, 13:00-17:00; Fri 22:00-02:00; Sun 00:00-24:00', timeZone: 'Europe/London', holidays: '2026-12-25' });
    expect(scheduleFromJSON(json)).toEqual(fromText);
  });

  it.each([
    [null, 'Schedule JSON should be an object'],
    [{ hours: {} }, 'Schedule JSON has no "timeZone" text'],
    [{ timeZone: 'Nowhere/Special', hours: { mon: [['09:00', '17:00']] } }, 'Unknown time zone "Nowhere/Special"'],
    [{ timeZone: 'UTC', hours: [] }, 'Schedule JSON "hours" should be an object of weekdays'],
    [{ timeZone: 'UTC', hours: { monday: [['09:00', '17:00']] } }, 'Schedule JSON "hours" has an unknown weekday "monday"'],
    [{ timeZone: 'UTC', hours: { mon: '09:00-17:00' } }, 'Schedule JSON "hours.mon" should be a list of ["HH:MM", "HH:MM"] pairs.'],
    [{ timeZone: 'UTC', hours: { mon: [['09:00']] } }, 'The schedule JSON "hours.mon[0]" should be a pair of times like ["09:00", "17:00"], got ["09:00"].'],
    [{ timeZone: 'UTC', hours: { tue: [['09:00', '17:00'], ['08:00', '25:00']] } }, 'Time "25:00" in schedule JSON "hours.tue[1]" is not a time of day'],
    [{ timeZone: 'UTC', hours: {} }, 'Opening hours have no open time'],
    [{ timeZone: 'UTC', hours: { mon: [['09:00', '17:00'], ['10:00', '11:00']] } }, 'Opening hours overlap: Mon 09:00-17:00 and Mon 10:00-11:00.'],
    [{ timeZone: 'UTC', hours: { mon: [['09:00', '17:00']] }, holidays: '2026-12-25' }, 'Schedule JSON "holidays" should be a list of dates'],
    [{ timeZone: 'UTC', hours: { mon: [['09:00', '17:00']] }, holidays: ['Christmas'] }, 'Holiday "Christmas" in schedule JSON "holidays" is not a date'],
  ])('rejects %j, naming the problem', (value, message) => {
    expect(() => scheduleFromJSON(value)).toThrow(ScheduleError);
    expect(() => scheduleFromJSON(value)).toThrow(message);
  });
});

describe('ScheduleError', () => {
  it('is an Error with its own name', () => {
    const error = new ScheduleError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScheduleError');
  });
});
