/**
 * Honest time remaining: a pure estimator (no DOM, no timers, no clock of its own — every call
 * takes `now`), so it can be driven by a scripted clock in tests and by `performance.now()` on a page.
 *
 * The rules, in the order they apply:
 * 1. Rate: a time-weighted exponential moving average of the observed rate, updated each time the
 *    value moves (weight `1 - e^(-Δt/τ)`, τ = max(`tauMs`, 4 × the longest gap between movements),
 *    so ten tiny updates weigh what one big one does and coarse, bursty progress is smoothed more).
 *    Estimate = (1 − fraction) / rate.
 * 2. Warm-up: nothing is said before a run has been watched for `warmUpMs` and has moved 1 %.
 * 3. Stall: no movement for `max(stallMs, 3 × the longest gap)` (twice `stallMs` before the first
 *    movement) → "taking longer than usual". The 3 × gap keeps work that reports in coarse chunks
 *    from looking stalled. When it moves again, the rate is learnt afresh (with a new warm-up).
 * 4. A fresh number is only offered once the finish time it implies has stopped moving later (by
 *    more than 10 %) for `warmUpMs` — for `holdMs` after "taking longer than usual".
 * 5. A shown number is a promise, due at `shownAt + remaining`. While it stands, the number shown
 *    never goes up: ahead of the promise it follows the estimate down; behind it, it holds. When
 *    the estimate exceeds what is left of the promise by more than half plus `slackMs`, or the
 *    promise is overdue by more than `max(slackMs, remaining / 2)`, it says "taking longer than
 *    usual" instead of a larger number (so it never sits at "1 minute left" for five minutes).
 * 6. Never negative, infinite or absurd: estimates above `maxMs` are not shown (and count as running
 *    long if a number was promised). Human ranges: under a minute; 1–9 minutes; 5-minute steps to
 *    45; then hours.
 * 7. Restart (the value goes back more than 0.5 %): the rate is forgotten; a run that had shown
 *    something says "taking longer than usual" rather than quietly showing a larger number.
 * 8. Cadence: what is shown changes at most every `updateMs` (its first appearance and its end are
 *    immediate).
 * 9. Announcements only at meaningful changes: when the kind of message changes (first estimate,
 *    hours → minutes, → less than a minute, → taking longer, back to a number), at most one per
 *    `announceGapMs`; a change held back by that gap is announced later if it still stands.
 */

/** What is shown. `none`: nothing honest to say (unknown, warming up, done, or absurd). */
export type Estimate =
  | { kind: 'none' }
  | { kind: 'seconds' }
  | { kind: 'minutes'; n: number }
  | { kind: 'hours'; n: number }
  | { kind: 'longer' };

export interface EstimateReading {
  estimate: Estimate;
  /** Whether `estimate` differs from what the previous read returned. */
  changed: boolean;
  /** Whether to say it politely now (a meaningful change, not too soon after the last one). */
  announce: boolean;
}

export interface EstimatorOptions {
  /** Time constant of the rate average, ms. */
  tauMs: number;
  /** No estimate before a run has been observed this long, ms. */
  warmUpMs: number;
  /** No movement for at least this long (or 3 × the longest gap seen) counts as stalled, ms. */
  stallMs: number;
  /** What is shown changes at most this often, ms. */
  updateMs: number;
  /** After "taking longer than usual", no new number for at least this long, ms. */
  holdMs: number;
  /** Room a promise gets before it counts as broken, ms. */
  slackMs: number;
  /** Estimates above this are absurd and never shown, ms. */
  maxMs: number;
  /** At most one announcement this often, ms. */
  announceGapMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const ESTIMATOR_DEFAULTS: EstimatorOptions = {
  tauMs: 20 * SECOND,
  warmUpMs: 5 * SECOND,
  stallMs: 15 * SECOND,
  updateMs: 5 * SECOND,
  holdMs: 15 * SECOND,
  slackMs: 30 * SECOND,
  maxMs: 24 * HOUR,
  announceGapMs: 30 * SECOND,
};

const NONE: Estimate = { kind: 'none' };
const LONGER: Estimate = { kind: 'longer' };

/**
 * The fraction done, as `<tp-progress-bar>` would show it: no value (or not a number) is unknown
 * (`null`); a bad max is 100; values are clamped to 0..max.
 */
export function fractionOf(value: unknown, max: unknown = 100): number | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return null;
  const m = typeof max === 'number' && max > 0 && max < Infinity ? max : 100;
  return Math.min(1, Math.max(0, value / m));
}

/** The human range for `ms` left: under a minute, minutes (5-minute steps past 10), hours from 50 minutes. */
export function bucket(ms: number): Estimate {
  if (ms < MINUTE) return { kind: 'seconds' };
  const minutes = ms / MINUTE;
  const n = minutes < 10 ? Math.round(minutes) : Math.round(minutes / 5) * 5;
  return n < 50 ? { kind: 'minutes', n } : { kind: 'hours', n: Math.max(1, Math.round(ms / HOUR)) };
}

const same = (a: Estimate, b: Estimate) => a.kind === b.kind && (a as { n?: number }).n === (b as { n?: number }).n;

export class Estimator {
  private readonly o: EstimatorOptions;

  // The run being observed.
  private start: number | null = null;
  private startFraction = 0;
  private fraction = 0;
  /** When the value last moved forward. */
  private movedAt = 0;
  /** Fraction per ms, averaged; null until the value has moved. */
  private rate: number | null = null;
  /** The longest normal gap between movements (stalls excluded); 0 before the first movement. */
  private longestGap = 0;
  /** The finish time the estimate implies, and since when it has not moved later. */
  private finishAt = -Infinity;
  private settledSince = 0;

  // What is shown, and what it promised.
  private shown: Estimate = NONE;
  private shownAt = -Infinity;
  private promise: { deadline: number; remaining: number } | null = null;
  private longerSince: number | null = null;
  /** The remaining time the last number was based on. */
  private remaining = 0;

  // What was said.
  private announced: Estimate['kind'] = 'none';
  private announcedAt = -Infinity;

  constructor(options: Partial<EstimatorOptions> = {}) {
    this.o = { ...ESTIMATOR_DEFAULTS, ...options };
  }

  /** Forgets everything: the next sample starts a new run. */
  reset(): void {
    this.start = this.promise = this.longerSince = null;
    this.longestGap = 0;
    this.shown = NONE;
    this.shownAt = this.announcedAt = -Infinity;
    this.announced = 'none';
  }

  /** Records progress at `now` (ms, any monotonic clock). Unknown values are ignored. */
  sample(now: number, value: unknown, max?: unknown): void {
    const f = fractionOf(value, max);
    if (f === null || !Number.isFinite(now)) return;
    if (this.start === null) return this.begin(now, f);
    // Going back more than a rounding error is a restart (a retry, a new file). Having promised a
    // number, the honest thing to say is that it is taking longer, not a new, larger number.
    if (f < this.fraction - 0.005) {
      if (this.shown.kind !== 'none') this.longerSince = now;
      this.promise = null;
      return this.begin(now, f);
    }
    const dt = now - this.movedAt;
    if (f <= this.fraction || dt <= 0) {
      // Reaching the end in the same millisecond still counts.
      if (f === 1) this.fraction = 1;
      return;
    }
    // Moving again after a stall: the stall says nothing about the new pace. Learn it afresh.
    if (dt >= this.stallAfter()) return this.begin(now, f);
    const instant = (f - this.fraction) / dt;
    const weight = 1 - Math.exp(-dt / Math.max(this.o.tauMs, 4 * this.longestGap));
    const rate = (this.rate = this.rate === null ? instant : this.rate + weight * (instant - this.rate));
    this.longestGap = Math.max(this.longestGap, dt);
    this.fraction = f;
    this.movedAt = now;
    // A number is only offered once the finish it implies has stopped moving later.
    const estimate = (1 - f) / rate;
    const finish = now + estimate;
    if (!(finish <= this.finishAt + Math.max(0.1 * estimate, this.o.updateMs))) {
      this.settledSince = now;
      this.finishAt = finish;
    }
  }

  /** No movement for this long is a stall; before the first movement, twice the minimum (work takes a moment to start). */
  private stallAfter(): number {
    return this.longestGap ? Math.max(this.o.stallMs, 3 * this.longestGap) : 2 * this.o.stallMs;
  }

  private begin(now: number, f: number): void {
    this.start = this.movedAt = this.settledSince = now;
    this.fraction = this.startFraction = f;
    this.rate = null;
    this.finishAt = -Infinity;
  }

  /** What to show at `now`. Call it as often as you like: it changes at most every `updateMs`. */
  read(now: number): EstimateReading {
    const target = this.target(now);
    const changed =
      !same(target, this.shown) &&
      // The first appearance and the end are immediate; everything else waits its turn.
      (this.shown.kind === 'none' || target.kind === 'none' || now - this.shownAt >= this.o.updateMs);
    if (changed) {
      this.shown = target;
      this.shownAt = now;
      if (target.kind === 'longer') {
        this.promise = null;
        this.longerSince ??= now;
      } else if (target.kind !== 'none') {
        // A number is a promise: its deadline is now + the remaining time it was based on.
        this.promise = { deadline: now + this.remaining, remaining: this.remaining };
        this.longerSince = null;
      }
    }
    return { estimate: this.shown, changed, announce: this.shouldAnnounce(now) };
  }

  private target(now: number): Estimate {
    const o = this.o;
    if (this.start === null || this.fraction >= 1) {
      this.promise = this.longerSince = null;
      return NONE;
    }
    const longer = this.longerSince !== null;
    if (now - this.movedAt >= this.stallAfter()) return LONGER;
    const warm = now - this.start >= o.warmUpMs && this.fraction - this.startFraction >= 0.01;
    if (!warm || (longer && now - this.longerSince! < o.holdMs)) return longer ? LONGER : NONE;

    const estimate = this.rate ? (1 - this.fraction) / this.rate : Infinity;
    if (!(estimate <= o.maxMs)) return this.promise || longer ? LONGER : NONE;
    if (this.promise) {
      const left = Math.max(0, this.promise.deadline - now);
      const overdue = now - this.promise.deadline;
      if (estimate > left * 1.5 + o.slackMs || overdue > Math.max(o.slackMs, this.promise.remaining / 2)) return LONGER;
      // Within the promise a shown number only goes down: ahead of it, it follows the estimate;
      // behind it, it holds (and the overdue rule above ends that).
      this.remaining = Math.min(estimate, this.remaining);
      return bucket(this.remaining);
    }
    // A fresh number waits until the finish it implies has settled (longer after a broken promise).
    if (now - this.settledSince < (longer ? o.holdMs : o.warmUpMs)) return longer ? LONGER : NONE;
    this.remaining = estimate;
    return bucket(estimate);
  }

  private shouldAnnounce(now: number): boolean {
    const kind = this.shown.kind;
    if (kind === 'none' || kind === this.announced || now - this.announcedAt < this.o.announceGapMs) return false;
    this.announced = kind;
    this.announcedAt = now;
    return true;
  }
}

/** Looks up a message template by key and fills `{placeholders}`. */
export type MessageLookup = (key: string, vars?: Record<string, string>) => string;

/**
 * The words for an estimate, e.g. "About 2 minutes left". Durations through `Intl.NumberFormat`
 * units, so plurals and digits follow the locale. `''` for `none`.
 */
export function estimateText(estimate: Estimate, locale: string, lookup: MessageLookup): string {
  switch (estimate.kind) {
    case 'none':
      return '';
    case 'seconds':
      return lookup('estimate.seconds');
    case 'longer':
      return lookup('estimate.longer');
    default: {
      const unit = estimate.kind === 'hours' ? 'hour' : 'minute';
      const duration = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(estimate.n);
      return lookup('estimate.left', { duration });
    }
  }
}
