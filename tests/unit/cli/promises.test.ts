// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from './run-cli.js';

const folder = temporaryFolder();

const made = (id: string, promiseId: string, time: string, deadline?: string) =>
  JSON.stringify({ v: 1, id, name: 'tp.reply_promise.made', time: Date.parse(time), props: { promise_id: promiseId, deadline, percentile: 90, sample: 212 } });

// ISO weeks: 16–22 Nov 2026 is W47, 23–29 Nov is W48, 30 Nov–6 Dec is W49.
const events = folder.file(
  'events.ndjson',
  [
    made('e1', 'p1', '2026-11-23T10:00:00Z', '2026-11-25T17:00:00.000Z'), // replied 2 h early: kept
    made('e1', 'p1', '2026-11-23T10:00:00Z', '2026-11-25T17:00:00.000Z'), // the same event delivered twice
    made('e2', 'p2', '2026-11-23T11:00:00Z', '2026-11-24T12:00:00Z'), // replied 3 h late: broken
    JSON.stringify({ v: 1, id: 'e9', name: 'tp.tooltip.shown', time: 0, props: {} }), // another event: ignored
    '{"v":1,"id":"e',
    made('e3', 'p3', '2026-11-16T09:00:00Z', '2026-11-20T12:00:00Z'), // never answered, overdue: broken
    made('e4', 'p4', '2026-11-30T09:00:00Z', '2026-12-10T12:00:00Z'), // not due yet: open
    made('e6', 'p6', '2026-11-30T09:00:00Z'), // no deadline
    '',
    made('e5', 'p5', '2026-11-17T09:00:00Z', '2026-11-18T17:00:00Z'), // replied 1 h early: kept
  ].join('\n'),
);

const replies = folder.file(
  'replies.csv',
  [
    'promise_id,replied_at',
    'p1,2026-11-25T15:00:00Z',
    'p2,2026-11-24T15:00:00Z',
    'p5,2026-11-19T10:00:00Z', // a later reply: the first one counts
    'p5,2026-11-18T16:00:00Z',
    'p9,2026-11-18T16:00:00Z',
    'p1,soon',
  ].join('\n'),
);

describe('touchpoint promises', () => {
  it('prints the kept rate overall and per week, the median slack and the open promises', async () => {
    const run = await runCli(['promises', '--events', events, '--replies', replies, '--now', '2026-12-01T00:00:00Z']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Promises made: 5 (1 duplicate event counted once)',
        'Kept: 2 of 4 (50.0%), counting promises answered or already overdue',
        'Kept per ISO week the promise was made (UTC):',
        '  2026-W47  1 of 2 (50.0%)',
        '  2026-W48  1 of 2 (50.0%)',
        '  2026-W49  none due or answered yet',
        // Slack +2 h, -3 h, +1 h: the median (nearest rank) is +1 h.
        'Median slack: +1.0 h (deadline minus first reply; negative means late)',
        'Still open: 2 (1 already overdue at 2026-12-01T00:00:00.000Z)',
        '',
      ].join('\n'),
    );
  });

  it('counts bad event lines and reply rows by reason on stderr', async () => {
    const run = await runCli(['promises', '--events', events, '--replies', replies, '--now', '2026-12-01T00:00:00Z']);
    expect(run.stderr).toContain('2 of 9 event lines could not be used:\n');
    expect(run.stderr).toContain('   1  not JSON (line 5)\n');
    expect(run.stderr).toContain('   1  tp.reply_promise.made props.deadline is not an ISO 8601 time with a UTC offset (line 8)\n');
    expect(run.stderr).toContain('2 of 6 reply rows could not be used:\n');
    expect(run.stderr).toContain('   1  promise_id matches no tp.reply_promise.made event (line 6)\n');
    expect(run.stderr).toContain('   1  replied_at is not an ISO 8601 time with a UTC offset (line 7)\n');
  });

  it('keeps the earliest of two events for one promise id', async () => {
    const twice = folder.file(
      'twice.ndjson',
      [made('a', 'p1', '2026-11-24T10:00:00Z', '2026-11-24T12:00:00Z'), made('b', 'p1', '2026-11-23T10:00:00Z', '2026-11-24T18:00:00Z')].join('\n'),
    );
    const answered = folder.file('answered.csv', 'promise_id,replied_at\np1,2026-11-24T15:00:00Z\n');
    const run = await runCli(['promises', '--events', twice, '--replies', answered, '--now', '2026-12-01T00:00:00Z']);
    expect(run.stdout).toContain('Promises made: 1 (1 promise id made again; the earliest counts)');
    expect(run.stdout).toContain('Kept: 1 of 1 (100.0%)');
  });

  it('fails with exit code 1 on a missing file, a missing column or no promises', async () => {
    const nowhere = folder.file('nowhere.ndjson');
    const missingFile = await runCli(['promises', '--events', nowhere, '--replies', replies]);
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr).toBe(`touchpoint promises: cannot read the events file "${nowhere}": no such file\n`);

    const wrongColumns = folder.file('wrong.csv', 'promise_id,answered_at\np1,2026-11-25T15:00:00Z\n');
    const missingColumn = await runCli(['promises', '--events', events, '--replies', wrongColumns]);
    expect(missingColumn.code).toBe(1);
    expect(missingColumn.stderr).toContain(
      `touchpoint promises: "${wrongColumns}" has no "replied_at" column (its columns: promise_id, answered_at). Export the replies with these columns: promise_id,replied_at.`,
    );

    const noPromises = folder.file('none.ndjson', JSON.stringify({ v: 1, id: 'x', name: 'tp.tooltip.shown', time: 0, props: {} }));
    const empty = await runCli(['promises', '--events', noPromises, '--replies', replies]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`no readable tp.reply_promise.made events in "${noPromises}"`);
  });

  it('exits 2 with the usage when a required flag is missing', async () => {
    const run = await runCli(['promises', '--events', events]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('touchpoint promises: --replies is required, e.g. --replies replies.csv');
    expect(run.stderr).toContain('Usage: touchpoint promises --events');
  });
});
