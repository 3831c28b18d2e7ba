/// <reference types="node" />
/**
 * `touchpoint promises`: did we keep the reply promises we made? Joins each `tp.reply_promise.made`
 * event to the first reply and prints the kept rate, the slack and the promises still open.
 */

import { percentile } from '../time/index.js';
import { isoWeekLabel, MS_PER_DAY, MS_PER_HOUR } from '../time/calendar.js';
import { CliError, nowFlag, parseFlags, requireFlag } from './args.js';
import type { CliIo, Command } from './args.js';
import { parseIsoInstant } from './iso-instant.js';
import { count } from './plural.js';
import { MADE_EVENT, readPromiseEvents } from './promise-events.js';
import type { MadePromise, PromiseLedger } from './promise-events.js';
import { readCsvTable, readTextFile, requireColumn } from './read-input.js';
import { RowProblems } from './row-problems.js';

const USAGE = `Usage: touchpoint promises --events <events.ndjson> --replies <replies.csv> [--now <time>]

Joins each reply promise to its first reply and prints how many were kept, overall and per week.

  --events <file>   telemetry events, one JSON object per line (tp.reply_promise.made is read)
  --replies <file>  CSV with the columns promise_id and replied_at (ISO 8601 with a UTC offset)
  --now <time>      when "overdue" is judged, ISO 8601 (default: the current time)
`;

const FLAGS = ['events', 'replies', 'now'] as const;

interface FirstReplies {
  readonly replies: ReadonlyMap<string, number>;
  readonly problems: RowProblems;
  readonly rows: number;
}

/** First reply per promise; replies to unknown promises and unreadable rows are counted by reason. */
function readFirstReplies(file: string, promises: ReadonlyMap<string, MadePromise>): FirstReplies {
  const table = readCsvTable(file, 'replies file');
  for (const column of ['promise_id', 'replied_at']) {
    requireColumn(table, column, file, 'Export the replies with these columns: promise_id,replied_at.');
  }
  const problems = new RowProblems();
  const replies = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    const promiseId = fields.promise_id ?? '';
    const repliedText = fields.replied_at ?? '';
    const replied = parseIsoInstant(repliedText);
    const promise = promises.get(promiseId);
    if (promiseId === '') problems.add('promise_id is empty', line);
    else if (repliedText === '') problems.add('replied_at is empty', line);
    else if (replied === undefined) problems.add('replied_at is not an ISO 8601 time with a UTC offset', line);
    else if (!promise) problems.add(`promise_id matches no ${MADE_EVENT} event`, line);
    else if (replied < promise.madeAt) problems.add('replied_at is before the promise was made', line);
    else replies.set(promiseId, Math.min(replied, replies.get(promiseId) ?? Infinity));
  }
  return { replies, problems, rows: table.rows.length };
}

interface Tally {
  kept: number;
  /** Answered, or unanswered and past the deadline: the promises whose outcome is known. */
  decided: number;
}

interface Outcomes {
  readonly overall: Tally;
  /** By ISO week of the promise, in UTC: the event does not say which zone it was made in. */
  readonly byWeek: ReadonlyMap<string, Tally>;
  /** Deadline minus first reply, for answered promises. */
  readonly slacks: readonly number[];
  readonly open: number;
  readonly overdue: number;
}

/**
 * A promise still unanswered before its deadline is neither kept nor broken, so it is left out of the
 * rate; one unanswered past its deadline is broken, or the rate would flatter the business.
 */
function judge(promises: ReadonlyMap<string, MadePromise>, replies: ReadonlyMap<string, number>, now: number): Outcomes {
  const overall: Tally = { kept: 0, decided: 0 };
  const byWeek = new Map<string, Tally>();
  const slacks: number[] = [];
  let open = 0;
  let overdue = 0;
  for (const [promiseId, promise] of promises) {
    const replied = replies.get(promiseId);
    const week = isoWeekLabel(Math.floor(promise.madeAt / MS_PER_DAY));
    const tally = byWeek.get(week) ?? { kept: 0, decided: 0 };
    byWeek.set(week, tally);
    if (replied === undefined) {
      open++;
      if (promise.deadline >= now) continue;
      overdue++;
    } else {
      slacks.push(promise.deadline - replied);
    }
    const kept = replied !== undefined && replied <= promise.deadline ? 1 : 0;
    for (const t of [overall, tally]) {
      t.kept += kept;
      t.decided += 1;
    }
  }
  return { overall, byWeek, slacks, open, overdue };
}

function rate({ kept, decided }: Tally): string {
  return decided === 0 ? 'none due or answered yet' : `${kept} of ${decided} (${((100 * kept) / decided).toFixed(1)}%)`;
}

function signedHours(ms: number): string {
  const hours = ms / MS_PER_HOUR;
  return `${hours >= 0 ? '+' : ''}${hours.toFixed(1)} h`;
}

function formatReport(ledger: PromiseLedger, outcomes: Outcomes, now: number): string {
  const notes = [
    ledger.duplicateEvents > 0 ? `${count(ledger.duplicateEvents, 'duplicate event')} counted once` : '',
    ledger.repeatedPromises > 0 ? `${count(ledger.repeatedPromises, 'promise id')} made again; the earliest counts` : '',
  ].filter((note) => note !== '');
  const weeks = [...outcomes.byWeek]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, tally]) => `  ${week}  ${rate(tally)}\n`);
  // Nearest rank, like the reply statistics: the median is a slack that really happened.
  const medianSlack = outcomes.slacks.length > 0 ? signedHours(percentile(outcomes.slacks, 50)) : 'no replies yet';
  return (
    `Promises made: ${ledger.promises.size}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}\n` +
    `Kept: ${rate(outcomes.overall)}, counting promises answered or already overdue\n` +
    `Kept per ISO week the promise was made (UTC):\n${weeks.join('')}` +
    `Median slack: ${medianSlack} (deadline minus first reply; negative means late)\n` +
    `Still open: ${outcomes.open} (${outcomes.overdue} already overdue at ${new Date(now).toISOString()})\n`
  );
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, FLAGS);
  const eventsFile = requireFlag(values.events, '--events', 'events.ndjson');
  const repliesFile = requireFlag(values.replies, '--replies', 'replies.csv');
  const now = nowFlag(values.now);

  const ledger = readPromiseEvents(readTextFile(eventsFile, 'events file'));
  io.stderr(ledger.problems.report(ledger.lines, 'event line'));
  if (ledger.promises.size === 0) throw new CliError(`no readable ${MADE_EVENT} events in "${eventsFile}"`);
  const firstReplies = readFirstReplies(repliesFile, ledger.promises);
  io.stderr(firstReplies.problems.report(firstReplies.rows, 'reply row'));

  io.stdout(formatReport(ledger, judge(ledger.promises, firstReplies.replies, now), now));
  return 0;
}

export const promisesCommand: Command = {
  summary: 'check kept reply promises against the actual replies',
  usage: USAGE,
  run,
};
