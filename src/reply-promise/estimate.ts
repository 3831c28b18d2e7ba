/**
 * What a reply promise may honestly say, from reply statistics (`touchpoint reply-stats`) and a
 * schedule. Pure: no DOM, and the clock is an argument.
 *
 * The percentile rule: `confidence` asks for a share of past replies (0.9: nine in ten); the promise
 * uses the smallest percentile in the statistics that is at least that share ("nearest at or above",
 * never interpolated). A blend of p80 and p90 would be a wait that never happened, and rounding down
 * would promise less time than the data supports. Above the highest percentile the statistics carry
 * (p95 in reply-stats.json) the highest is used, and the promise reports that percentile.
 */
import { add, isOpen, nextOpening, scheduleFromJSON, type Schedule, type Weekday } from '../time/index.js';

const MINUTE = 60_000;
/** Below this many replies the statistics are too few to promise from (the rule). */
export const MIN_SAMPLE = 20;

export interface ReplyStats {
  sample: number;
  /** [percent, business minutes], ascending. */
  percentiles: [number, number][];
  schedule?: Schedule;
}

export interface Target {
  n: number;
  unit: 'day' | 'hour' | 'minute';
}

/**
 * - `promise`: a deadline the statistics back ("We'll reply by …");
 * - `usually`: too few replies to promise from, so the site's stated target, said as "usually";
 * - `unknown`: nothing honest to promise ("We'll reply as soon as we can").
 */
export type EstimateKind = 'promise' | 'usually' | 'unknown';

export interface Estimate {
  kind: EstimateKind;
  /** Epoch ms. For `promise` the promised time; for `usually` the target's end (tracked, not shown). */
  deadline?: number;
  /** The percentile the deadline stands on; null when it stands on the target alone. */
  percentile: number | null;
  sample: number;
  target?: Target;
  /** When the team is back, if closed at `now`. */
  reopens?: number;
  /** Dev-build explanation of a choice the site owner should know about. */
  note?: string;
}

const fail = (why: string): never => {
  throw new TypeError(why);
};

/**
 * Checks parsed `reply-stats.json`; throws TypeError saying what is wrong (the message is only
 * kept in dev builds). Percentiles must be whole minutes, not decreasing; p50, p80, p90 and p95
 * are required, any other `pNN` is used too.
 */
export function readStats(json: unknown): ReplyStats {
  const o = (json && typeof json === 'object' ? json : fail(__TP_DEV__ ? 'not a JSON object' : '')) as Record<string, unknown>;
  const sample = o.sample;
  if (!(Number.isSafeInteger(sample) && (sample as number) >= 0)) fail(__TP_DEV__ ? '"sample" is not a whole number' : '');
  if (o.unit !== 'business_minutes') fail(__TP_DEV__ ? '"unit" is not "business_minutes"' : '');
  const percentiles = Object.keys(o)
    .filter((key) => /^p[1-9]\d?$/.test(key))
    .map((key): [number, number] => [+key.slice(1), o[key] as number])
    .sort((a, b) => a[0] - b[0]);
  percentiles.forEach(([p, minutes], i) => {
    if (!(Number.isSafeInteger(minutes) && minutes >= 0) || minutes < (percentiles[i - 1]?.[1] ?? 0)) {
      fail(__TP_DEV__ ? `"p${p}" is not whole minutes, at least the percentile before it` : '');
    }
  });
  if ([50, 80, 90, 95].some((p) => !percentiles.some(([q]) => q === p))) fail(__TP_DEV__ ? 'p50, p80, p90 or p95 is missing' : '');
  return { sample: sample as number, percentiles, schedule: o.schedule === undefined ? undefined : scheduleFromJSON(o.schedule) };
}

/** The nearest percentile at or above `confidence` (see the module comment). */
export function pickPercentile(stats: ReplyStats, confidence: number): [number, number] {
  const wanted = Math.round(confidence * 1000) / 10;
  const { percentiles } = stats;
  return percentiles.find(([p]) => p >= wanted) ?? percentiles[percentiles.length - 1]!;
}

/** "2 business days", "4 business hours", "90 minutes"; undefined when it is not one of these. */
export function parseTarget(text: string): Target | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:business\s+)?(day|hour|minute)s?\s*$/i.exec(text);
  const n = match ? +match[1]! : 0;
  return n > 0 ? { n, unit: match![2]!.toLowerCase() as Target['unit'] } : undefined;
}

/**
 * A target in business minutes. A business day is the schedule's average open day (open minutes
 * per week over open weekdays), so "2 business days" at 9–5 is 16 business hours.
 */
export function targetMinutes(target: Target, schedule: Schedule): number {
  let open = 0;
  let days = 0;
  for (const day of Object.keys(schedule.hours) as Weekday[]) {
    const intervals = schedule.hours[day];
    if (intervals.length) days++;
    for (const { start, end } of intervals) open += end - start;
  }
  const perUnit = target.unit === 'day' ? open / days : target.unit === 'hour' ? 60 : 1;
  return Math.ceil(target.n * perUnit);
}

export interface EstimateInput {
  now: number;
  /** The page's schedule (attributes); else the one the statistics carry. */
  schedule?: Schedule;
  stats?: ReplyStats;
  confidence: number;
  target?: Target;
  /** Minutes past the hour on the reader's clock: the promised time is rounded up to a whole hour there. */
  minuteOf?: (t: number) => number;
}

const QUARTER_HOUR = 900_000;

/**
 * Rounds a promised time up to the reader's next whole hour, or to the closing time before it
 * (quarter-hour steps): "by 17:30" when the team closes at half past five, not "by 18:00". Always
 * later than the data's time, never earlier. Every zone's offset is whole quarter hours, so at most
 * four steps.
 */
function roundUp(t: number, schedule: Schedule, minuteOf: (t: number) => number): number {
  t = Math.ceil(t / QUARTER_HOUR) * QUARTER_HOUR;
  for (let i = 0; i < 4 && minuteOf(t) && isOpen(schedule, t); i++) t += QUARTER_HOUR;
  return t;
}

/**
 * The promise to show at `now`. Never throws: a schedule with no open time in reach gives `unknown`.
 * A target shorter than the statistics support is not promised (the statistics are, with a note);
 * a longer one is, since the site chose to promise that much and the data backs it.
 */
export function estimate({ now, schedule: own, stats, confidence, target, minuteOf }: EstimateInput): Estimate {
  const schedule = own ?? stats?.schedule;
  const sample = stats?.sample ?? 0;
  const base: Estimate = { kind: 'unknown', percentile: null, sample, target };
  try {
    if (schedule && !isOpen(schedule, now)) base.reopens = nextOpening(schedule, now);
    const wanted = schedule && target ? targetMinutes(target, schedule) : 0;
    if (schedule && stats && sample >= MIN_SAMPLE) {
      const [percentile, minutes] = pickPercentile(stats, confidence);
      if (__TP_DEV__ && target && wanted < minutes) {
        base.note = `target "${target.n} ${target.unit}(s)" is shorter than the replies support (p${percentile}: ${minutes} business minutes); promising p${percentile}.`;
      }
      const deadline = add(schedule, now, Math.max(minutes, wanted) * MINUTE);
      return { ...base, kind: 'promise', percentile, deadline: minuteOf ? roundUp(deadline, schedule, minuteOf) : deadline };
    }
    if (target) return { ...base, kind: 'usually', deadline: schedule && add(schedule, now, wanted * MINUTE) };
    if (__TP_DEV__) {
      const why = !schedule ? 'no schedule (hours and time-zone, or one in the statistics)' : stats ? `only ${sample} replies (fewer than ${MIN_SAMPLE})` : 'no usable reply statistics';
      base.note = `${why} and no target: no promise made.`;
    }
  } catch (error) {
    if (__TP_DEV__) base.note = String(error);
    delete base.reopens;
  }
  return base;
}
