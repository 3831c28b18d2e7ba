import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announce, ensureAnnouncer } from '../core/announcer.js';
import { message } from '../core/i18n.js';
import { resolveLocale } from '../core/locale.js';
import { Estimator, estimateText, type EstimatorOptions } from './estimate.js';
import { estimateMessages } from './estimate-messages.js';

/** Anything with a progress `value` and `max` that Lit updates: `<tp-progress-bar>`, `<tp-busy>`. */
export type EstimateHost = ReactiveControllerHost & HTMLElement & { value?: unknown; max?: unknown };

export interface EstimateControllerOptions {
  /** Called with the new text when it changes (default: `host.requestUpdate()`, for hosts that render `text`). */
  onChange?: (text: string) => void;
  /** Whether the estimate is on screen from the start (default true). Only a visible estimate is read and announced. */
  visible?: boolean;
  /** The clock, ms (default `performance.now()`). */
  clock?: () => number;
  /** Tuning of the estimator's rules (see `Estimator`). */
  estimator?: Partial<EstimatorOptions>;
}

/** How often a visible estimate is re-read, so a stall is noticed while the value stands still. */
const TICK_MS = 1000;

/**
 * Honest time remaining for a progress host, as a Lit reactive controller. It attaches through the
 * host's public `addController()`, so `<tp-progress-bar>` carries none of it: only pages that ask
 * for an estimate load it.
 *
 * ```js
 * const hint = document.querySelector('#upload-time');
 * new EstimateController(document.querySelector('tp-progress-bar'), { onChange: (text) => (hint.textContent = text) });
 * ```
 *
 * Samples `value`/`max` after every host update; while visible, re-reads once a second, reports the
 * text when it changes (at most every few seconds) and says it through the shared polite live
 * region only at meaningful changes (see `Estimator`).
 */
export class EstimateController implements ReactiveController {
  /** What to show, e.g. "About 2 minutes left"; `''` when there is nothing honest to say. */
  text = '';

  private readonly estimator: Estimator;
  private readonly clock: () => number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private shown: boolean;

  constructor(
    private readonly host: EstimateHost,
    private readonly options: EstimateControllerOptions = {},
  ) {
    this.estimator = new Estimator(options.estimator);
    this.clock = options.clock ?? (() => performance.now());
    this.shown = options.visible ?? true;
    host.addController(this);
  }

  /** Whether the estimate is on screen. Hidden, it keeps learning the rate but says nothing. */
  get visible(): boolean {
    return this.shown;
  }

  set visible(on: boolean) {
    if (on === this.shown) return;
    this.shown = on;
    this.schedule();
    if (on) this.tick();
  }

  /** Starts a new run: forgets the rate, the text and what was promised. */
  reset(): void {
    this.estimator.reset();
    this.estimator.sample(this.clock(), this.host.value, this.host.max);
    this.setText('');
  }

  hostConnected(): void {
    // The live region must exist before anything is written to it.
    ensureAnnouncer();
    this.schedule();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  hostUpdated(): void {
    this.estimator.sample(this.clock(), this.host.value, this.host.max);
    // After the update has finished: a host re-render requested inside an update is a Lit warning.
    queueMicrotask(() => this.tick());
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = this.shown && this.host.isConnected ? setInterval(() => this.tick(), TICK_MS) : undefined;
  }

  private tick(): void {
    if (!this.shown) return;
    const reading = this.estimator.read(this.clock());
    if (reading.changed) {
      // Words as every component finds them (i18n's `message()`: `setMessages` overrides first, then
      // `de-AT`, `de`, `en`); the duration through `Intl` in the same locale.
      const host = this.host;
      this.setText(estimateText(reading.estimate, resolveLocale(host), (key, vars) => message(host, estimateMessages, key, vars)));
    }
    if (reading.announce && this.text) announce(this.text);
  }

  private setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    if (this.options.onChange) this.options.onChange(text);
    else this.host.requestUpdate();
  }
}
