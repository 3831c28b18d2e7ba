import { html, nothing } from 'lit';
import { TpElement } from '../core/element.js';
import { message } from '../core/i18n.js';
import { warn, warnAttribute } from '../core/warn.js';
import { stepsMessages } from './messages.js';
import { styles } from './steps.styles.js';

// Written small on purpose: `touchpoint/steps` has 7.5 KiB gzip for Lit and everything else
// (7.48 measured), so each feature here has to pay its way in bytes.

/** The connected step indicators, told of the window's `pagehide` and `submit` by one relay. */
const live = new Set<TpSteps>();
const relay = (event: Event): void => live.forEach((el) => el.handleEvent(event));

/** One formatter per locale: building an `Intl.NumberFormat` costs more than rendering the steps. */
const formats: Record<string, Intl.NumberFormat> = {};

interface Step {
  name: string;
  /** The step's link in the page's list; only a done step's is followed (going back). */
  link: HTMLAnchorElement | null;
}

/**
 * @summary Where someone is in a multi-step flow: "Step 2 of 4 — Delivery". The page's own `<ol>`
 * of steps is the source, so without JavaScript it is a plain numbered list; with it, it upgrades in
 * place. Done, current and upcoming steps differ by shape and words, not colour alone; the current
 * step carries `aria-current="step"`; a done step whose `<li>` holds a link can be gone back to.
 *
 * Without `total`, the total is the number of listed steps; `total="unknown"` says "Step 2" and
 * never invents a number. Bad values fall back (dev builds warn): `current` to 1, and never past a
 * known total; `total` to the listed count.
 *
 * @tag tp-steps
 *
 * @slot - An `<ol>` with one `<li>` per step; a link inside a done step's `<li>` lets people go
 * back to it (its own click handlers, a router's say, still run). The page's list is not shown:
 * it is read on every update and whenever the list element is added or replaced (to rename or add
 * steps, replace the `<ol>` or set `current`).
 *
 * @csspart summary - The position text, e.g. "Step 2 of 4 — Delivery".
 * @csspart list - The list of steps (visually hidden, still read, in `compact`).
 * @csspart step - Each step; also `done`, `current` or `upcoming`.
 * @csspart marker - The circle with the step number, or a tick when done.
 * @csspart link - A step's name; a link back on a done step that has one.
 *
 * @cssprop --tp-color-accent - The filled circle of done steps.
 *
 * @fires tp-telemetry - `tp.steps.step_viewed` (`step`, `total`) when a step is shown;
 * `tp.steps.step_completed` (`step`, `total`, `time_on_step_ms`) when the flow moves past it (a
 * higher `current`, or a form submitted as the page is left); `tp.steps.abandoned`
 * (the same props: the step reached and the time spent on it) when the page is left mid-flow
 * (`pagehide`; switching tabs is not leaving). `total` is null when unknown.
 */
export class TpSteps extends TpElement {
  static override styles = styles;

  static override properties = {
    current: { type: Number },
    total: {},
    compact: { type: Boolean },
  };

  // No initial values (each costs bytes in every page): unset means the documented default.

  /** The current step, 1-based. Default 1. */
  current?: number | null;

  /** How many steps the flow has: a whole number (at least the listed ones), or `"unknown"`. Default: the listed count. */
  total?: number | string | null;

  /** One line: just the position text ("Step 2 of 4 — Delivery"); the list is still read by screen readers. Default false. */
  compact?: boolean;

  // Set by willUpdate() before every render.
  private steps!: Step[];
  private at!: number;
  private count!: number | null;
  /** The first step last read: a slotchange that brings no other list (the first one) needs no new render. */
  private first?: Element;
  /** The step on screen and since when (`performance.now()`); unset once reported on leaving. */
  private viewed?: { step: number; at: number };
  /** Set when the page is being left within the flow: a form submitted, a step link followed. */
  private leaving?: 'forward' | 'back' | false;

  override connectedCallback(): void {
    super.connectedCallback();
    // One pair of window listeners for every step indicator (adding the same one again does
    // nothing): a pair per element made each add scan all the others, a cost that grew with n².
    addEventListener('pagehide', relay);
    addEventListener('submit', relay);
    live.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
  }

  /**
   * `submit`: a form sent as the page is left moves the flow forward (a multi-page flow's
   * "Continue"). `pagehide`, not `visibilitychange`: switching tabs is not abandoning. Reported
   * once per step view.
   */
  handleEvent(event: Event): void {
    if (event.type === 'submit') {
      if (!event.defaultPrevented) this.leaving = 'forward';
    } else if (this.viewed && this.leaving !== 'back') {
      this.report(this.leaving ? 'step_completed' : 'abandoned');
      this.viewed = undefined;
    }
  }

  /** Reports `action` for the step on screen: which step, of how many, and how long it was on screen. */
  private report(action: string): void {
    const { step, at } = this.viewed!;
    this.track(action, { step, total: this.count, time_on_step_ms: Math.round(performance.now() - at) });
  }

  /** Follows the page's own link, so its click handlers (a router, say) still run. */
  private goBack(event: MouseEvent, link: HTMLAnchorElement): void {
    // A new tab or window is not leaving: the browser handles it. (A middle click is `auxclick`, never `click`.)
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // The same click (bubbling, cancelable) on the page's link; a router that prevents it stays on the page.
    this.leaving = link.dispatchEvent(new MouseEvent('click', event)) && 'back';
  }

  /** Reads the page's list and settles `current` and `total`, falling back from bad values. */
  override willUpdate(): void {
    const items = [...this.querySelectorAll(':scope>ol>li')];
    this.first = items[0];
    const listed = items.length;
    this.steps = items.map((li) => ({ name: li.textContent!.replace(/\s+/g, ' ').trim(), link: li.querySelector('a[href]') }));
    if (__TP_DEV__ && !listed && !this.compact) {
      warn(this, 'has no steps to show: put an <ol> with one <li> per step inside it (or use `compact`).');
    }

    const total = this.total;
    let count = listed || null;
    if (total === 'unknown') count = null;
    else if (Number.isInteger(+total!) && +total! >= Math.max(1, listed)) count = +total!;
    else if (__TP_DEV__ && total != null) {
      warnAttribute(this, 'total', total, `a whole number of steps, at least ${Math.max(1, listed)}, or "unknown"`, count ? String(count) : 'unknown');
    }

    let at = this.current ?? 1;
    if (!Number.isInteger(at) || at < 1) {
      __TP_DEV__ && warnAttribute(this, 'current', this.getAttribute('current') ?? at, 'a whole number from 1', '1');
      at = 1;
    }
    if (count && at > count) {
      __TP_DEV__ && warnAttribute(this, 'current', at, `a step from 1 to ${count}`, String(count));
      at = count;
    }
    this.at = at;
    this.count = count;
  }

  override render() {
    const locale = this.locale;
    const number = (formats[locale] ??= new Intl.NumberFormat(locale));
    const { at, count } = this;
    const position = message(this, stepsMessages, count ? 'steps.of' : 'steps.at', { current: number.format(at), total: number.format(count!) });
    const name = this.steps[at - 1]?.name;
    return html`
      <slot hidden @slotchange=${() => this.querySelector(':scope>ol>li') !== this.first && this.requestUpdate()}></slot>
      <p part="summary">${name ? message(this, stepsMessages, 'steps.titled', { position, name }) : position}</p>
      <ol part="list" class=${this.compact ? 'vh' : ''}>
        ${this.steps.map(({ name, link }, i) => {
          const state = i + 1 < at ? 'done' : i + 1 === at ? 'current' : 'upcoming';
          const back = state === 'done' && link;
          // One template for every step: an <a> without href (and without a click listener, which
          // Chromium would expose as a link) is just the name.
          // No white space between the children: in the flex row it would only be more nodes.
          return html`<li part="step ${state}" class=${state} aria-current=${state === 'current' ? 'step' : nothing}
            ><span part="marker" aria-hidden="true">${state === 'done' ? '✓' : number.format(i + 1)}</span
            ><a part="link" href=${back ? back.href : nothing} @click=${back ? (e: MouseEvent) => this.goBack(e, back) : nothing}>${name}</a
            >${state === 'done' ? html`<span class="vh">, ${message(this, stepsMessages, 'steps.done')}</span>` : ''}</li
          >`;
        })}
      </ol>
    `;
  }

  /** Telemetry: a step viewed when it comes on screen, completed when the flow moves past it. */
  override updated(): void {
    const step = this.at;
    const viewed = this.viewed;
    if (viewed?.step === step) return;
    if (viewed && step > viewed.step) this.report('step_completed');
    // A new step on the same page (a link to #delivery, say): whatever was leaving did not leave.
    this.leaving = undefined;
    this.viewed = { step, at: performance.now() };
    this.track('step_viewed', { step, total: this.count });
  }
}
