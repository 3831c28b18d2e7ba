import { html, nothing } from 'lit';
import { TpElement } from '../core/element.js';
import { message } from '../core/i18n.js';
import { randomId } from '../core/id.js';
import { warn, warnAttribute } from '../core/warn.js';
import { parseSchedule, type Schedule } from '../time/index.js';
import { estimate, parseTarget, readStats, type Estimate, type ReplyStats } from './estimate.js';
import { replyPromiseMessages } from './messages.js';
import { styles } from './reply-promise.styles.js';

export type { Estimate, EstimateKind, ReplyStats, Target } from './estimate.js';

/** A promise as made: what `<tp-submit-confirmation>` sends along and records once the server accepts it. */
export interface ReplyPromise extends Estimate {
  /** Travels with the submission (`tp_promise_id`, `Tp-Promise-Id`) so the back end can record the reply. */
  id: string;
  deadline: number;
}

const DEFAULT_CONFIDENCE = 0.9;
/** A statistics file that has not arrived by then counts as unreachable. */
const STATS_TIMEOUT_MS = 10_000;

type DateOptions = Intl.DateTimeFormatOptions;

/**
 * Formatters by locale and options, shared by every element: making one costs far more than using
 * it, and a render uses several. Emptied when it grows past a page's worth of combinations.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: DateOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size > 50) formatters.clear();
    formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  }
  return f;
}

/**
 * @summary A reply promise the data supports: "We'll reply by Wednesday 25 November, 5 pm (your
 * time)", from the team's own reply times (`touchpoint reply-stats`) in business time, shown in the
 * reader's locale and time zone — and, when the team is closed, when it is back.
 *
 * The deadline is the observed percentile picked by `confidence` (the nearest one at or above it,
 * never interpolated), added in business time to now and rounded up to the reader's next whole hour.
 * A `target` shorter than that is not promised (dev warning); with fewer than 20 replies in the
 * statistics the target is said as "usually"; without usable statistics or target, a plain sentence
 * that promises no time.
 *
 * @tag tp-reply-promise
 *
 * @csspart promise - The sentence with the promise.
 * @csspart deadline - The promised date and time (a `<time>` element).
 * @csspart closed - "We're closed now — back …", shown outside opening hours.
 *
 * @cssprop --tp-font - Font of the sentences.
 * @cssprop --tp-space - Gap between the two sentences.
 * @cssprop --tp-color-text - Colour of the sentences.
 *
 * @fires tp-telemetry - `tp.reply_promise.shown` (`kind`: promise|usually|unknown, `percentile`,
 * `sample`, `closed`) once per kind shown; `tp.reply_promise.made` (`promise_id`, `deadline` ISO,
 * `percentile`, `sample`) when a form that carried the promise was accepted (see `made()`).
 */
export class TpReplyPromise extends TpElement {
  static override styles = styles;

  static override properties = {
    hours: {},
    timeZone: { attribute: 'time-zone' },
    holidays: {},
    stats: {},
    statsSrc: { attribute: 'stats-src' },
    confidence: { type: Number },
    target: {},
    displayTimeZone: { attribute: 'display-time-zone' },
    now: { converter: (raw: string | null) => (raw === null ? undefined : Number.isNaN(+raw) ? Date.parse(raw) : +raw) },
  };

  /** Opening hours, e.g. "Mon-Fri 09:00-12:30, 13:30-17:30". Without them, the schedule in the statistics is used. */
  hours = '';
  /** IANA time zone of the opening hours, e.g. "Europe/London". */
  timeZone = '';
  /** Closed dates, e.g. "2026-12-25 2026-12-28". */
  holidays = '';
  /** Reply statistics inline: the JSON of `reply-stats.json` (attribute) or the parsed object (property). Wins over `stats-src`. */
  stats: unknown = undefined;
  /** URL of `reply-stats.json`, fetched once per change. */
  statsSrc = '';
  /** Share of past replies the promise must cover, 0.5–0.99. Picks the percentile; default 0.9 (p90). */
  confidence = DEFAULT_CONFIDENCE;
  /** The team's stated target, e.g. "2 business days" or "4 business hours". */
  target = '';
  /** Time zone dates are shown in. Default: the reader's (the browser's). */
  displayTimeZone = '';
  /** The clock, epoch ms (an ISO 8601 time as an attribute). Default: the current time. For tests and stories. */
  now?: number;

  private data?: ReplyStats;
  private loading = false;
  private schedule?: Schedule;
  private loads = 0;
  private shownKind?: string;
  private rendered?: Estimate;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('hours') || changed.has('timeZone') || changed.has('holidays')) {
      this.schedule = undefined;
      if (this.hours || this.timeZone) {
        try {
          this.schedule = parseSchedule(this);
        } catch (error) {
          __TP_DEV__ && warn(this, `schedule not used: ${(error as Error).message}`);
        }
      }
    }
    if (changed.has('stats') || changed.has('statsSrc')) this.load();
  }

  private load(): void {
    const load = ++this.loads;
    const src = this.statsSrc;
    this.data = undefined;
    const use = (json: unknown) => {
      try {
        this.data = readStats(typeof json === 'string' ? JSON.parse(json) : json);
      } catch (error) {
        __TP_DEV__ && warn(this, `reply statistics not used: ${(error as Error).message}`);
      }
    };
    if (this.stats != null && this.stats !== '') return use(this.stats);
    if (!src) return;
    this.loading = true;
    const signal = AbortSignal.timeout(STATS_TIMEOUT_MS);
    fetch(src, { signal })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(
        (json) => load === this.loads && use(json),
        (error) => __TP_DEV__ && warn(this, `reply statistics from "${src}" not loaded: ${error}`),
      )
      .finally(() => {
        if (load !== this.loads) return;
        this.loading = false;
        this.requestUpdate();
      });
  }

  private confidenceValue(): number {
    const c = this.confidence;
    if (c >= 0.5 && c <= 0.99) return c;
    __TP_DEV__ && warnAttribute(this, 'confidence', this.getAttribute('confidence') ?? c, 'a number from 0.5 to 0.99', String(DEFAULT_CONFIDENCE));
    return DEFAULT_CONFIDENCE;
  }

  private clock(): number {
    const now = Math.round(Number(this.now ?? Date.now()));
    if (Number.isSafeInteger(now)) return now;
    __TP_DEV__ && warnAttribute(this, 'now', this.getAttribute('now') ?? this.now, 'an ISO 8601 time or epoch milliseconds', 'the current time');
    return Date.now();
  }

  /** The reader's zone unless `display-time-zone` names one `Intl` knows. */
  private zone(): string | undefined {
    const zone = this.displayTimeZone || undefined;
    try {
      formatter('en', { timeZone: zone });
      return zone;
    } catch {
      __TP_DEV__ && warnAttribute(this, 'display-time-zone', zone, 'an IANA time zone such as "Europe/London"', 'the reader’s time zone');
    }
  }

  /**
   * The locale dates are written in: the page's, made regional by the reader's browser when the
   * page names only a language (a page in "en" read with "en-GB" writes 25 November, 17:30).
   */
  private get dateLocale(): string {
    const page = this.locale;
    return (!page.includes('-') && globalThis.navigator?.languages?.find((tag) => tag.split('-')[0] === page)) || page;
  }

  private format(t: number, options: DateOptions, locale = this.dateLocale): string {
    return formatter(locale, { timeZone: this.zone(), ...options }).format(t);
  }

  /** Minutes past the hour on the reader's clock. */
  private minute(t: number): number {
    return +this.format(t, { minute: 'numeric' }, 'en') % 60;
  }

  /** "5 pm" or "1:30 pm" where clocks are 12-hour, "09:00" where they are 24-hour. */
  private time(t: number): string {
    const { hourCycle } = formatter(this.dateLocale, { hour: 'numeric' }).resolvedOptions();
    const h12 = /1[12]/.test(hourCycle ?? '');
    return this.format(t, { hour: h12 ? 'numeric' : '2-digit', minute: h12 && !this.minute(t) ? undefined : '2-digit' });
  }

  private text(key: string, vars?: Record<string, string>): string {
    return message(this, replyPromiseMessages, `reply_promise.${key}`, vars);
  }

  /** "Wednesday 25 November, 5 pm" in the reader's locale and zone. */
  private when(t: number): string {
    return this.text('when', { date: this.format(t, { weekday: 'long', day: 'numeric', month: 'long' }), time: this.time(t) });
  }

  /** "back at 1:30 pm" (later today), "back Monday at 9 am" (this week), else with the date. */
  private back(now: number, t: number): string {
    const day = (x: number) => this.format(x, { dateStyle: 'short' });
    const time = this.time(t);
    if (day(now) === day(t)) return this.text('back_at', { time });
    const options: DateOptions = t - now < 6 * 864e5 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' };
    return this.text('back_on', { day: this.format(t, options), time });
  }

  private duration({ n, unit }: NonNullable<Estimate['target']>): string {
    const vars = { n: new Intl.NumberFormat(this.dateLocale).format(n) };
    const key = `${unit}.${new Intl.PluralRules(this.locale).select(n)}`;
    const text = this.text(key, vars);
    return text.endsWith(key) ? this.text(`${unit}.other`, vars) : text;
  }

  /**
   * What the element would promise at `at` (default: its clock). A promised time is rounded up to
   * the reader's next whole hour or the closing time before it: later than the data's, never earlier.
   */
  estimate(at = this.clock()): Estimate {
    const target = parseTarget(this.target);
    if (__TP_DEV__ && this.target && !target) {
      warnAttribute(this, 'target', this.target, 'a duration such as "2 business days" or "4 business hours"', 'no target');
    }
    return estimate({
      now: at,
      schedule: this.schedule,
      stats: this.data,
      confidence: this.confidenceValue(),
      target,
      minuteOf: (t) => this.minute(t),
    });
  }

  /**
   * The promise to send with a form at this moment, or null when the element promises nothing (no
   * usable statistics or target, or still loading). Pass the id of an earlier attempt of the same
   * submission to keep it.
   */
  promise(id = randomId(8)): ReplyPromise | null {
    const e = this.estimate();
    return e.kind === 'unknown' || e.deadline === undefined || this.loading ? null : { ...e, id, deadline: e.deadline };
  }

  /** Records a promise the back end accepted: `tp.reply_promise.made`. */
  made(promise: ReplyPromise): void {
    this.track('made', {
      promise_id: promise.id,
      deadline: new Date(promise.deadline).toISOString(),
      percentile: promise.percentile,
      sample: promise.sample,
    });
  }

  /** The promise as one plain sentence, e.g. for a confirmation: "We'll reply by …". */
  sentence(e: Estimate = this.estimate()): string {
    return e.kind === 'promise' ? this.text('by', { when: this.when(e.deadline!) }) : e.kind === 'usually' ? this.text('usually', { target: this.duration(e.target!) }) : this.text('unknown');
  }

  override render() {
    if (this.loading) return nothing;
    const now = this.clock();
    const e = (this.rendered = this.estimate(now));
    let promise: unknown = this.sentence(e);
    if (e.kind === 'promise') {
      // The date goes in a <time> element: split the sentence around it, keeping the translator's word order.
      const [before, after] = this.text('by', { when: '\u0000' }).split('\u0000');
      promise = [before, html`<time part="deadline" datetime=${new Date(e.deadline!).toISOString()}>${this.when(e.deadline!)}</time>`, after];
    }
    return html`<p part="promise">${promise}</p>${e.reopens === undefined ? nothing : html`<p part="closed">${this.text('closed', { when: this.back(now, e.reopens) })}</p>`}`;
  }

  override updated(): void {
    const e = this.rendered;
    if (!e || this.loading) return;
    __TP_DEV__ && e.note && warn(this, e.note);
    if (this.shownKind === e.kind) return;
    this.shownKind = e.kind;
    this.track('shown', { kind: e.kind, percentile: e.percentile, sample: e.sample, closed: e.reopens !== undefined });
  }
}
