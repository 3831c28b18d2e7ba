import { html, nothing, type PropertyValues } from 'lit';
import { announce, ensureAnnouncer } from '../core/announcer.js';
import { TpElement } from '../core/element.js';
import { message } from '../core/i18n.js';
import { warnAttribute } from '../core/warn.js';
import { EstimateController } from '../progress-bar/estimate-controller.js';
import { styles } from './busy.styles.js';
import { busyMessages } from './messages.js';

const DEFAULT_MAX = 100;
const DEFAULT_DELAY = 1000;
const DEFAULT_ESTIMATE_AFTER = 10_000;

/** Attribute → number, keeping "no attribute" (null) apart from "not a number" (NaN). */
const numberOrNaN = {
  fromAttribute: (raw: string | null): number | null => (raw === null ? null : raw.trim() === '' ? NaN : Number(raw)),
};

/** How a wait ended, for `tp.busy.shown`. */
type Outcome = 'done' | 'failed' | 'left';

/**
 * @summary Wraps a region that is loading and applies the waiting rules: nothing for the first
 * second (a short wait feels instant), then an indeterminate indicator, then — once progress is
 * known and the wait passes ten seconds — a determinate bar with an honest time remaining.
 *
 * The wrapped content is the region: it is marked `aria-busy` from the moment the wait starts until
 * it ends. When an indicator was shown, its label is said politely as it appears and completion is
 * said when the wait ends (a failed `track()`ed promise says nothing: the page's error message
 * should). Driven by `busy.track(promise)` or by the `busy`, `value` and `max` attributes.
 *
 * @tag tp-busy
 *
 * @slot - The region that is loading.
 *
 * @csspart status - The indicator area (hidden while there is nothing to show).
 * @csspart bar - The `<tp-progress-bar>` (indeterminate, then determinate).
 * @csspart estimate - The time remaining, e.g. "About 2 minutes left".
 * @csspart region - The wrapper of the slotted content, which carries `aria-busy`.
 *
 * @cssprop --tp-space - Gap between the indicator and the region.
 * @cssprop --tp-color-muted - Colour of the time-remaining text.
 * @cssprop --tp-font - Font of the indicator.
 *
 * @fires tp-telemetry - `tp.busy.shown` when a wait that showed an indicator ends, with `wait_ms`
 * (the whole wait), `determinate` (whether the bar showed progress) and `outcome` (`done`,
 * `failed`, or `left` when the page was left mid-wait).
 */
export class TpBusy extends TpElement {
  static override styles = styles;

  static override properties = {
    busy: { type: Boolean, reflect: true },
    value: { converter: numberOrNaN },
    max: { converter: numberOrNaN },
    label: {},
    doneText: { attribute: 'done-text' },
    delay: { converter: numberOrNaN },
    estimateAfter: { attribute: 'estimate-after', converter: numberOrNaN },
  };

  /** The region is loading. Set by `track()` while promises are pending, or by the page. */
  busy = false;

  /** Work done so far, 0..max; absent (or not a number) while unknown. */
  value: number | null = null;

  /** The value that means done. Must be above 0; anything else falls back to 100. */
  max: number = DEFAULT_MAX;

  /** What is being waited for, e.g. "Loading search results". Default "Loading". */
  label = '';

  /** Said when the wait ends. Default "<label> — done." */
  doneText = '';

  /** Milliseconds before any indicator shows. Default 1000. */
  delay: number = DEFAULT_DELAY;

  /** Milliseconds into the wait before a known progress is shown as a determinate bar with an estimate. Default 10000. */
  estimateAfter: number = DEFAULT_ESTIMATE_AFTER;

  // Internal state, not properties (no attributes): changed by the timers, which request an update.
  private showing = false;
  private late = false;
  /** When the current wait started (`performance.now()`); null while not waiting. */
  private startedAt: number | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private pending = 0;
  private failed = false;
  private outcome: Outcome = 'done';
  private wasDeterminate = false;
  /** Whether this wait has been reported (`tp.busy.shown`). */
  private reported = false;
  private readonly estimate = new EstimateController(this, { visible: false });

  /**
   * Marks the region busy until `work` settles (several at once: until all have), and returns it
   * unchanged, so `await busy.track(fetch(url))` reads as usual. A value that is not a promise
   * settles at once. (This public `track` replaces the base class's telemetry helper here;
   * telemetry goes through `super.track()`.)
   */
  override track<T>(work: PromiseLike<T> | T): Promise<Awaited<T>> {
    const promise = Promise.resolve(work);
    this.pending++;
    this.busy = true;
    promise.then(
      () => this.settle(false),
      () => this.settle(true),
    );
    return promise;
  }

  private settle(failed: boolean): void {
    this.failed ||= failed;
    if (--this.pending > 0) return;
    this.outcome = this.failed ? 'failed' : 'done';
    this.failed = false;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
    addEventListener('pagehide', this.onPageHide);
    if (this.busy) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.onPageHide);
    // A wait that leaves the page is not watched; put back, it starts again.
    this.stop();
  }

  /** Leaving the page mid-wait is reported (once), so waits that lose people are counted too. */
  private onPageHide = (): void => {
    if (this.startedAt !== null && this.showing) this.report('left');
  };

  private ms(name: 'delay' | 'estimateAfter', attribute: string, fallback: number): number {
    const ms = this[name];
    if (typeof ms === 'number' && ms >= 0 && ms < Infinity) return ms;
    __TP_DEV__ && warnAttribute(this, attribute, this.getAttribute(attribute) ?? ms, 'milliseconds, 0 or more', String(fallback));
    return fallback;
  }

  private start(): void {
    if (this.startedAt !== null) return;
    this.startedAt = performance.now();
    this.wasDeterminate = this.reported = false;
    this.estimate.reset();
    const delay = this.ms('delay', 'delay', DEFAULT_DELAY);
    this.timers = [
      setTimeout(() => {
        this.showing = true;
        this.requestUpdate();
        announce(this.labelText());
      }, delay),
      setTimeout(() => {
        this.late = true;
        this.requestUpdate();
      }, this.ms('estimateAfter', 'estimate-after', DEFAULT_ESTIMATE_AFTER)),
    ];
  }

  private stop(): void {
    this.timers.forEach(clearTimeout);
    this.timers = [];
    this.startedAt = null;
    this.showing = this.late = false;
  }

  private finish(): void {
    if (this.showing) {
      if (this.outcome === 'done') announce(String(this.doneText || message(this, busyMessages, 'busy.done', { label: this.labelText() })));
      this.report(this.outcome);
    }
    this.outcome = 'done';
    this.stop();
    this.estimate.reset();
  }

  /** Once per wait: a page restored from the back/forward cache does not report it again. */
  private report(outcome: Outcome): void {
    if (this.startedAt === null || this.reported) return;
    this.reported = true;
    super.track('shown', { wait_ms: Math.round(performance.now() - this.startedAt), determinate: this.wasDeterminate, outcome });
  }

  private labelText(): string {
    // String(): a label set from script may be anything; it must never throw.
    return String(this.label ?? '').trim() || message(this, busyMessages, 'busy.label');
  }

  /** The value and max shown, after falling back from bad input (as `<tp-progress-bar>` does). */
  private normalized(): { value: number | null; max: number } {
    let max = this.max;
    if (typeof max !== 'number' || !(max > 0) || max === Infinity) {
      __TP_DEV__ &&
        warnAttribute(this, 'max', this.getAttribute('max') ?? max, 'a finite number above 0', String(DEFAULT_MAX));
      max = DEFAULT_MAX;
    }
    const value = this.value;
    if (value == null) return { value: null, max };
    if (typeof value !== 'number' || Number.isNaN(value)) {
      __TP_DEV__ &&
        warnAttribute(this, 'value', this.getAttribute('value') ?? value, `a number from 0 to ${max}`, 'unknown progress');
      return { value: null, max };
    }
    const clamped = Math.min(max, Math.max(0, value));
    if (__TP_DEV__ && clamped !== value) {
      warnAttribute(this, 'value', this.getAttribute('value') ?? value, `a number from 0 to ${max}`, String(clamped));
    }
    return { value: clamped, max };
  }

  private determinate(): boolean {
    return this.showing && this.late && this.normalized().value !== null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('busy')) {
      if (this.busy) this.start();
      else if (this.startedAt !== null) this.finish();
    }
    const determinate = this.determinate();
    this.wasDeterminate ||= determinate;
    // Visible only with the determinate bar: the estimate learns the rate from the start of the wait.
    this.estimate.visible = determinate;
  }

  override render() {
    const { value, max } = this.normalized();
    const determinate = this.determinate();
    const text = determinate ? this.estimate.text : '';
    return html`
      <div part="status" ?hidden=${!this.showing}>
        <tp-progress-bar
          part="bar"
          label=${this.labelText()}
          .value=${determinate ? value : null}
          .max=${max}
          ?show-value=${determinate}
          aria-describedby=${text ? 'estimate' : nothing}
        ></tp-progress-bar>
        <p part="estimate" id="estimate" ?hidden=${!text}>${text}</p>
      </div>
      <div part="region" aria-busy=${this.busy ? 'true' : nothing}><slot></slot></div>
    `;
  }
}
