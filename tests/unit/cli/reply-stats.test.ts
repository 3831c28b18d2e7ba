// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from './run-cli.js';

const folder = temporaryFolder();

// Europe/London is on GMT in January, so local times read as the Z times. 2026-01-05 is a Monday.
const SCHEDULE = ['--hours', 'Mon-Fri 09:00-17:00', '--time-zone', 'Europe/London'];
const WINDOW = ['--now', '2026-01-31T00:00:00Z', '--since', '30d'];

const tickets = folder.file(
  'tickets.csv',
  [
    'id,received_at,first_reply_at',
    'a,2026-01-05T09:00:00Z,2026-01-05T09:10:00Z', // 10 business minutes
    'b,2026-01-05T16:50:00Z,2026-01-06T09:20:00Z', // 10 + 20 = 30: the night does not count
    'c,2026-01-10T12:00:00Z,2026-01-12T10:00:00Z', // Saturday to Monday 10:00: 60
    'd,2026-01-06T10:00:00Z,2026-01-06T12:00:00Z', // 120
    'e,2026-01-07T09:00:00+01:00,2026-01-07T09:45:00Z', // received 08:00Z, before opening: 45
    'f,yesterday,2026-01-07T09:45:00Z',
    'g,,2026-01-07T09:45:00Z',
    'h,2026-01-08T10:00:00Z,',
    'i,2026-01-08T10:00:00Z,2026-01-08T09:00:00Z',
    'j,2026-01-08T10:00:00,2026-01-08T11:00:00Z',
    'k,2025-06-02T10:00:00Z,2025-06-02T11:00:00Z',
  ].join('\n'),
);

describe('touchpoint reply-stats', () => {
  it('writes nearest-rank percentiles of business minutes with the window and the schedule', async () => {
    const out = folder.file('stats.json');
    const run = await runCli(['reply-stats', tickets, ...SCHEDULE, '--holidays', '2026-12-25', ...WINDOW, '--out', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({
      sample: 5,
      window: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T00:00:00.000Z' },
      unit: 'business_minutes',
      // Waits 10, 30, 45, 60, 120: ranks ⌈0.5·5⌉ = 3, ⌈0.8·5⌉ = 4, ⌈0.9·5⌉ = 5, ⌈0.95·5⌉ = 5.
      p50: 45,
      p80: 60,
      p90: 120,
      p95: 120,
      schedule: {
        timeZone: 'Europe/London',
        hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]])),
        holidays: ['2026-12-25'],
      },
    });
    expect(run.stdout).toContain(`Wrote ${out}: 5 tickets received from 2026-01-01T00:00:00.000Z to 2026-01-31T00:00:00.000Z.`);
    expect(run.stdout).toContain('Business minutes to first reply: p50 45, p80 60, p90 120, p95 120.');
    expect(run.stdout).toContain('Left out 1 ticket received outside that period.');
  });

  it('counts every unreadable row by reason on stderr, with its line', async () => {
    const run = await runCli(['reply-stats', tickets, ...SCHEDULE, ...WINDOW, '--out', folder.file('reasons.json')]);
    expect(run.stderr).toContain('5 of 11 rows could not be used:\n');
    expect(run.stderr).toContain('   2  received_at is not an ISO 8601 time with a UTC offset (lines 7, 11)\n');
    expect(run.stderr).toContain('   1  received_at is empty (line 8)\n');
    expect(run.stderr).toContain('   1  first_reply_at is empty: no reply yet (line 9)\n');
    expect(run.stderr).toContain('   1  first_reply_at is before received_at (line 10)\n');
    expect(run.stderr).toContain('Only 5 tickets: percentiles from so few are rough.');
  });

  it('reads other column names when told', async () => {
    const renamed = folder.file('renamed.csv', 'opened,answered\n2026-01-05T09:00:00Z,2026-01-05T10:00:00Z\n');
    const out = folder.file('renamed.json');
    const run = await runCli(['reply-stats', renamed, ...SCHEDULE, ...WINDOW, '--received-column', 'opened', '--replied-column', 'answered', '--out', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ sample: 1, p50: 60, p95: 60 });
  });

  it('fails with exit code 1 naming a missing column and the columns there are', async () => {
    const out = folder.file('missing-column.json');
    const run = await runCli(['reply-stats', tickets, ...SCHEDULE, ...WINDOW, '--replied-column', 'replied', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `touchpoint reply-stats: "${tickets}" has no "replied" column (its columns: id, received_at, first_reply_at). Name the right one with --replied-column.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('fails with exit code 1 when no row has usable dates', async () => {
    const allBad = folder.file('all-bad.csv', 'received_at,first_reply_at\n05/01/2026 09:00,05/01/2026 10:00\nsoon,later\n');
    const out = folder.file('all-bad.json');
    const run = await runCli(['reply-stats', allBad, ...SCHEDULE, ...WINDOW, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 of 2 rows could not be used:\n   2  received_at is not an ISO 8601 time with a UTC offset (lines 2, 3)');
    expect(run.stderr).toContain(`touchpoint reply-stats: no usable tickets in "${allBad}" received from 2026-01-01T00:00:00.000Z to 2026-01-31T00:00:00.000Z`);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['--hours', 'Mon-Fri 09:00-25:00', '--time-zone', 'Europe/London'], 'invalid schedule: Time "25:00" in opening hours "Mon-Fri 09:00-25:00" is not a time of day'],
    [['--hours', 'Mon-Fri 09:00-17:00', '--time-zone', 'Europe/Londres'], 'invalid schedule: Unknown time zone "Europe/Londres"'],
    [[...SCHEDULE, '--holidays', '2026-12-32'], 'invalid schedule: Holiday "2026-12-32" in holidays is not a date'],
    [['--hours', 'Mon 09:00-12:00, 11:00-13:00', '--time-zone', 'UTC'], 'invalid schedule: Opening hours overlap: Mon 09:00-12:00 and Mon 11:00-13:00.'],
  ])('fails with exit code 1 on a bad schedule: %j', async (flags, message) => {
    const run = await runCli(['reply-stats', tickets, ...flags, ...WINDOW, '--out', folder.file('bad-schedule.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`touchpoint reply-stats: ${message}`);
  });

  it('fails with exit code 1 on a file it cannot read or parse', async () => {
    const missing = await runCli(['reply-stats', folder.file('nowhere.csv'), ...SCHEDULE]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`cannot read the tickets file "${folder.file('nowhere.csv')}": no such file`);
    const broken = folder.file('broken.csv', 'received_at,first_reply_at\n"2026-01-05T09:00:00Z,2026-01-05T10:00:00Z\n');
    const parsed = await runCli(['reply-stats', broken, ...SCHEDULE]);
    expect(parsed.code).toBe(1);
    expect(parsed.stderr).toContain(`the tickets file "${broken}" is not valid CSV:`);
  });

  it.each([
    [['reply-stats', tickets, '--time-zone', 'UTC'], '--hours is required, e.g. --hours "Mon-Fri 09:00-17:00"'],
    [['reply-stats', ...SCHEDULE], 'give exactly one tickets CSV file'],
    [['reply-stats', tickets, ...SCHEDULE, '--since', 'three months'], '--since "three months" is not a period: use days or weeks, e.g. 90d or 12w'],
    [['reply-stats', tickets, ...SCHEDULE, '--now', 'tomorrow'], '--now "tomorrow" is not an ISO 8601 time with a UTC offset'],
    [['reply-stats', tickets, ...SCHEDULE, '--timezone', 'UTC'], "Unknown option '--timezone'"],
  ])('exits 2 with the usage when called wrongly: %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`touchpoint reply-stats: ${message}`);
    expect(run.stderr).toContain('Usage: touchpoint reply-stats <tickets.csv>');
  });
});
