/// <reference types="node" />
/**
 * `touchpoint reply-stats`: how long customers really waited for a first reply, in business minutes,
 * measured from a ticket export. Its JSON is what an honest reply promise is built on.
 */

import { writeFileSync } from 'node:fs';
import { between, parseSchedule, percentile, scheduleToJSON } from '../time/index.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/calendar.js';
import type { Schedule, ScheduleJSON } from '../time/index.js';
import { CliError, nowFlag, parseFlags, requireFlag, UsageError } from './args.js';
import type { CliIo, Command } from './args.js';
import { parseIsoInstant } from './iso-instant.js';
import { count } from './plural.js';
import { readCsvTable, requireColumn } from './read-input.js';
import type { CsvTable } from './read-input.js';
import { RowProblems } from './row-problems.js';

const USAGE = `Usage: touchpoint reply-stats <tickets.csv> --hours <hours> --time-zone <zone> [options]

Measures each ticket's wait for a first reply in business minutes and writes its percentiles as JSON.

  --hours <text>            opening hours, e.g. "Mon-Fri 09:00-12:30, 13:30-17:30"
  --time-zone <zone>        IANA time zone of those hours, e.g. Europe/London
  --holidays <dates>        closed dates, e.g. "2026-12-25 2026-12-28"
  --since <period>          tickets received in this period before --now, e.g. 90d or 12w (default 90d)
  --received-column <name>  column with the time each ticket arrived (default received_at)
  --replied-column <name>   column with the time of its first reply (default first_reply_at)
  --out <file>              where to write the JSON (default reply-stats.json)
  --now <time>              end of the period, ISO 8601 (default: the current time)

Times in the CSV are ISO 8601 with a UTC offset, e.g. 2026-11-24T09:15:00Z.
`;

const FLAGS = ['hours', 'time-zone', 'holidays', 'since', 'received-column', 'replied-column', 'out', 'now'] as const;

const PERCENTILES = [50, 80, 90, 95] as const;

/** Below this many tickets the percentiles are still printed, with a warning that they are rough. */
const SMALL_SAMPLE = 30;

interface ReplyStats {
  sample: number;
  window: { from: string; to: string };
  unit: 'business_minutes';
  p50: number;
  p80: number;
  p90: number;
  p95: number;
  schedule: ScheduleJSON;
}

function periodMs(text: string): number {
  const match = /^(\d+)([dw])$/.exec(text.trim());
  const days = match ? Number(match[1]) * (match[2] === 'w' ? 7 : 1) : 0;
  if (days === 0) throw new UsageError(`--since "${text}" is not a period: use days or weeks, e.g. 90d or 12w`);
  return days * MS_PER_DAY;
}

interface Measured {
  waits: number[];
  outsideWindow: number;
  problems: RowProblems;
}

interface Columns {
  readonly received: string;
  readonly replied: string;
}

/** Business milliseconds from received to first reply, for tickets received in `[from, to)`. */
function measureWaits(table: CsvTable, schedule: Schedule, columns: Columns, from: number, to: number): Measured {
  const problems = new RowProblems();
  const waits: number[] = [];
  let outsideWindow = 0;
  const notATime = (column: string) => `${column} is not an ISO 8601 time with a UTC offset`;
  for (const { line, fields } of table.rows) {
    const receivedText = fields[columns.received] ?? '';
    const repliedText = fields[columns.replied] ?? '';
    const received = parseIsoInstant(receivedText);
    if (receivedText === '') problems.add(`${columns.received} is empty`, line);
    else if (received === undefined) problems.add(notATime(columns.received), line);
    else if (received < from || received >= to) outsideWindow++;
    else {
      const replied = parseIsoInstant(repliedText);
      // Tickets still waiting are left out: say so, because leaving them out makes waits look shorter.
      if (repliedText === '') problems.add(`${columns.replied} is empty: no reply yet`, line);
      else if (replied === undefined) problems.add(notATime(columns.replied), line);
      else if (replied < received) problems.add(`${columns.replied} is before ${columns.received}`, line);
      else waits.push(between(schedule, received, replied));
    }
  }
  return { waits, outsideWindow, problems };
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, FLAGS);
  if (positionals.length !== 1) throw new UsageError('give exactly one tickets CSV file');
  const [file] = positionals;
  const schedule = parseSchedule({
    hours: requireFlag(values.hours, '--hours', '"Mon-Fri 09:00-17:00"'),
    timeZone: requireFlag(values['time-zone'], '--time-zone', 'Europe/London'),
    holidays: values.holidays ?? '',
  });
  const to = nowFlag(values.now);
  const from = to - periodMs(values.since ?? '90d');
  const columns: Columns = {
    received: values['received-column'] ?? 'received_at',
    replied: values['replied-column'] ?? 'first_reply_at',
  };
  const out = values.out ?? 'reply-stats.json';

  const table = readCsvTable(file, 'tickets file');
  requireColumn(table, columns.received, file, 'Name the right one with --received-column.');
  requireColumn(table, columns.replied, file, 'Name the right one with --replied-column.');

  const { waits, outsideWindow, problems } = measureWaits(table, schedule, columns, from, to);
  io.stderr(problems.report(table.rows.length, 'row'));
  const window = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  if (waits.length === 0) {
    throw new CliError(`no usable tickets in "${file}" received from ${window.from} to ${window.to}`);
  }
  if (waits.length < SMALL_SAMPLE) {
    io.stderr(`Only ${count(waits.length, 'ticket')}: percentiles from so few are rough.\n`);
  }

  // Whole minutes, rounded up, so a promise built on them is never shorter than the waits observed.
  const [p50, p80, p90, p95] = PERCENTILES.map((p) => Math.ceil(percentile(waits, p) / MS_PER_MINUTE));
  const stats: ReplyStats = {
    sample: waits.length,
    window,
    unit: 'business_minutes',
    p50,
    p80,
    p90,
    p95,
    schedule: scheduleToJSON(schedule),
  };
  try {
    writeFileSync(out, `${JSON.stringify(stats, null, 2)}\n`);
  } catch (error) {
    throw new CliError(`cannot write "${out}": ${error instanceof Error ? error.message : String(error)}`);
  }

  io.stdout(
    `Wrote ${out}: ${count(waits.length, 'ticket')} received from ${window.from} to ${window.to}.\n` +
      `Business minutes to first reply: p50 ${p50}, p80 ${p80}, p90 ${p90}, p95 ${p95}.\n` +
      (outsideWindow > 0 ? `Left out ${count(outsideWindow, 'ticket')} received outside that period.\n` : ''),
  );
  return 0;
}

export const replyStatsCommand: Command = {
  summary: 'measure first-reply waits in business minutes from a tickets CSV',
  usage: USAGE,
  run,
};
