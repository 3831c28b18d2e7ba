import { html, type PropertyValues } from 'lit';
import { hostAria } from '../core/aria.js';
import { TpElement } from '../core/element.js';
import { warn, warnAttribute } from '../core/warn.js';
import { styles } from './progress-bar.styles.js';

const DEFAULT_MAX = 100;

/** One formatter per locale: building an `Intl.NumberFormat` costs more than rendering a bar. */
const percentFormats: Record<string, Intl.NumberFormat> = {};

/** Attribute → number, keeping "no attribute" (null) apart from "not a number" (NaN). */
const numberOrNaN = {
  fromAttribute: (raw: string | null): number | null => (raw === null ? null : raw.trim() === '' ? NaN : Number(raw)),
};

/**
 * @summary A progress bar that never lies: determinate when it has a value, indeterminate when it
 * does not — and then it reports no value at all to assistive technology.
 *
 * @tag tp-progress-bar
 *
 * @slot - The label, when the `label` attribute is not enough. Text only; it becomes the accessible name.
 *
 * @csspart track - The groove the indicator fills.
 * @csspart indicator - The filled part (a sliding band when indeterminate).
 * @csspart label - The visible label.
 * @csspart value - The visible value text (with `show-value`).
 * @csspart estimate - The time remaining (with `estimate`), e.g. "About 2 minutes left", between the label row and the bar.
 *
 * @cssprop --tp-color-accent - Indicator colour.
 * @cssprop --tp-color-track - Track colour.
 * @cssprop --tp-radius - Corner radius of track and indicator.
 * @cssprop --tp-progress-height - Thickness of the bar.
 * @cssprop --tp-space - Gap between the label row and the bar.
 * @cssprop --tp-motion-duration - Length of the value transition (none under reduced motion).
 * @cssprop --tp-font - Font of the label row.
 *
 * @fires tp-telemetry - `tp.progress_bar.completed` with `duration_ms`, each time the value reaches
 * `max` after the bar was shown incomplete (never for a bar first rendered already complete).
 */
export class TpProgressBar extends TpElement {
  static override styles = styles;

  // `static properties` rather than decorators: decorators add 0.4 KiB gzip to every entry.
  static override properties = {
    value: { converter: numberOrNaN },
    max: { converter: numberOrNaN },
    label: {},
    valueText: { attribute: 'value-text' },
    showValue: { type: Boolean, attribute: 'show-value' },
    estimate: { type: Boolean },
  };

  /** Current value, 0..max. Absent (unset, null, or not a number) means indeterminate: the amount is unknown. */
  value?: number | null;

  /** The value that means done. Must be above 0; anything else falls back to 100. */
  max: number = DEFAULT_MAX;

  // No initial values below (each costs bytes in every page, and time for every element): unset
  // means the documented default.

  /** Visible label and accessible name. Rendered as text, never markup. Default: none. */
  label?: string;

  /** Replaces the spoken and shown percentage, e.g. "3 of 10 files". Default: the percentage. */
  valueText?: string;

  /** Shows the value text next to the label. Default false. */
  showValue?: boolean;

  /**
   * Shows an honest time remaining above the bar ("About 2 minutes left", "Taking longer than
   * usual"), worked out from the observed rate and said politely only at meaningful changes (see
   * `EstimateController`), and while shown also part of the value assistive technology reads on the
   * bar ("45% — About 2 minutes left"). Its code is loaded the first time it is turned on; if it
   * cannot load, the bar shows no estimate and tries again the next time it is turned on. Default false.
   */
  estimate?: boolean;

  /** Text of the slotted label; set on slotchange, which re-renders. */
  private slottedLabel?: string;

  /**
   * The estimate row (`part="estimate"`) while one is shown, set by `estimate-bar.ts` once `estimate`
   * has been on: its template is loaded with the estimator, not with every bar.
   */
  private estimatePart?: () => unknown;

  /** Host ARIA. Not readonly: `estimate-bar.ts` wraps it to add the estimate to the value text. */
  private setAria = hostAria(this);
  /** What this update shows, worked out once in `willUpdate` for `render` and `updated`. */
  private view!: { value: number | null; max: number; fraction: number; text: string };
  /**
   * When the current run started (the first incomplete render, or the last time the bar left
   * `max`); unset while complete, so completion is only reported after the bar was seen incomplete.
   */
  private startedAt?: number;

  constructor() {
    super();
    // No aria-valuemin: a progressbar's minimum is 0 unless it says otherwise.
    this.setAria({ role: 'progressbar' });
  }

  private onSlotChange(event: Event): void {
    this.slottedLabel = (event.target as HTMLSlotElement)
      .assignedNodes({ flatten: true })
      // A null textContent joins as '' (it cannot be null for the text and elements assigned here).
      .map((node) => node.textContent)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    this.requestUpdate();
  }

  /** Works out, once per update, what is shown: bad input falls back (with a dev warning), never throws. */
  override willUpdate(): void {
    let max = this.max;
    if (typeof max !== 'number' || !(max > 0) || max === Infinity) {
      __TP_DEV__ &&
        warnAttribute(this, 'max', this.getAttribute('max') ?? max, 'a finite number above 0', String(DEFAULT_MAX));
      max = DEFAULT_MAX;
    }
    let value = this.value ?? null;
    if (value !== null) {
      const accepted = `a number from 0 to ${max}`;
      // Not a number, or NaN (the one value not equal to itself).
      if (typeof value !== 'number' || value !== value) {
        __TP_DEV__ && warnAttribute(this, 'value', this.getAttribute('value') ?? value, accepted, 'indeterminate');
        value = null;
      } else if (value < 0 || value > max) {
        value = value < 0 ? 0 : max;
        // (`this.value` is what was given: the value before clamping.)
        __TP_DEV__ && warnAttribute(this, 'value', this.getAttribute('value') ?? this.value, accepted, String(value));
      }
    }
    const fraction = value === null ? 0 : value / max;
    // `this.locale` is always a valid tag, so `Intl` cannot throw here.
    const locale = this.locale;
    const format = (percentFormats[locale] ??= new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
    this.view = { value, max, fraction, text: value === null ? '' : this.valueText || format.format(fraction) };
  }

  override render() {
    const { value, text } = this.view;
    return html`
      <div class="header" ?hidden=${!(this.label || this.slottedLabel || (this.showValue && text))}>
        <slot part="label" @slotchange=${this.onSlotChange}>${this.label}</slot>
        ${this.showValue && text ? html`<span part="value">${text}</span>` : null}
      </div>
      ${this.estimatePart?.()}
      <div part="track" class=${value === null ? 'indeterminate' : ''}>
        <div part="indicator"></div>
      </div>
    `;
  }

  override updated(changed: PropertyValues<this>): void {
    const { value, max, fraction, text } = this.view;
    // CSSOM rather than a style attribute: allowed under a strict CSP (style-src 'self').
    this.renderRoot.querySelector<HTMLElement>('[part=indicator]')!.style.setProperty('--_fraction', '' + fraction);

    // The label's text. Without one there is no name: a made-up "Progress" would tell a screen
    // reader user nothing that "progress bar" does not, and would hide the page's mistake.
    const name = this.label?.trim() || this.slottedLabel;
    // The page author may have named the host directly; their attribute wins over internals anyway.
    if (__TP_DEV__ && !name && !this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby')) {
      warn(this, 'has no accessible name: add a `label` attribute, label text inside the element, or aria-label/aria-labelledby.');
    }
    this.setAria({
      ariaLabel: name || null,
      ariaValueMax: '' + max,
      // Indeterminate: no value at all, never "0" — a screen reader would say "0 percent". (`text`
      // is only empty then.)
      ariaValueNow: value === null ? null : '' + value,
      ariaValueText: text || null,
    });

    // Telemetry, idempotent: only the step from incomplete to complete is reported.
    if (value === null || value < max) this.startedAt ??= performance.now();
    // (performance.now() is never 0 by the time anything renders.)
    else if (this.startedAt) {
      this.track('completed', { duration_ms: Math.round(performance.now() - this.startedAt) });
      this.startedAt = undefined;
    }

    // A chunk of its own, loaded each time `estimate` turns on (it attaches once): pages that never
    // turn it on never load the estimator. If it cannot load (offline, a deploy replaced the files)
    // the bar goes on without an estimate, and turning `estimate` off and on again tries again.
    if (changed.has('estimate') && this.estimate)
      import('./estimate-bar.js').then(
        (loaded) => loaded.attachEstimate(this),
        (error) => __TP_DEV__ && warn(this, `could not load its estimate (estimate-bar.js), so it shows none: ${error}`),
      );
  }
}
