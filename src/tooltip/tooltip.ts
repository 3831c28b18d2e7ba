import { html, type PropertyValues } from 'lit';
import { pushLayer } from '../core/dismiss-stack.js';
import { TpElement } from '../core/element.js';
import { openPopover, placementOf, type Placement } from '../core/position.js';
import { warn, warnAttribute } from '../core/warn.js';
import { styles } from './tooltip.styles.js';

/** How a tooltip was opened, as reported in telemetry. */
export type TooltipVia = 'hover' | 'focus' | 'touch' | 'api';

const DEFAULTS = { showDelay: 150, hideDelay: 100 };
/** Longer delays are mistakes (and above 2^31 ms `setTimeout` would fire at once). */
const MAX_DELAY = 10_000;
/** A touch held this long shows the tooltip (Android also reports it as `contextmenu`). */
const LONG_PRESS_MS = 500;
/** At most one `tp.tooltip.shown` per tooltip in this window, so a busy page cannot flood the queue. */
const REPORT_EVERY_MS = 10_000;
/**
 * Trigger events: only two are listened to from the start — every pointer, touch included, enters
 * before it presses — and the others once one of those has happened (1000 tooltips on a page:
 * 2000 listeners, not 8000).
 */
const START_EVENTS = ['pointerenter', 'focusin'];
const TRIGGER_EVENTS = [...START_EVENTS, 'pointerdown', 'pointerleave', 'focusout', 'pointerup', 'pointercancel', 'contextmenu'];
const FOCUSABLE = 'a[href],button,input,select,textarea,iframe,[tabindex],[contenteditable]';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Dispatches a `tp-*` lifecycle event (bubbles, composed); false when a listener cancelled it.
 * Outside the class, so the manifest lists the events from the JSDoc header, not a variable name.
 */
function emit(el: HTMLElement, type: string, cancelable = false): boolean {
  return el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable }));
}

/**
 * @summary A short, non-interactive description of a control, shown on hover, keyboard focus and
 * long-press, and given to assistive technology as the control's description (or, with `as-label`,
 * its name). Meets WCAG 1.4.13: hoverable, dismissible with Escape, persistent.
 *
 * @tag tp-tooltip
 *
 * @slot - With `for`: the tooltip text. Without `for`: the trigger (the first element child).
 * @slot content - Without `for`: the tooltip text, when the `content` attribute is not enough.
 * Text only: interactive content belongs in `<tp-toggletip>`.
 *
 * @csspart body - The bubble (a popover in the top layer).
 * @csspart arrow - The arrow pointing at the trigger (with `arrow`).
 *
 * @cssprop --tp-tooltip-background - Bubble colour.
 * @cssprop --tp-tooltip-color - Text colour.
 * @cssprop --tp-tooltip-max-width - Widest the bubble gets (never wider than the viewport).
 * @cssprop --tp-radius - Corner radius.
 * @cssprop --tp-font - Font of the text.
 *
 * @fires tp-show - Before showing; cancelable.
 * @fires tp-after-show - Once shown (there is no fade: it is visible in the next frame).
 * @fires tp-hide - Before hiding; cancelable.
 * @fires tp-after-hide - Once hidden.
 * @fires tp-telemetry - `tp.tooltip.shown` with `name` (the trigger's accessible name) and `via`
 * (`hover`, `focus`, `touch` or `api`), at most once per tooltip per 10 s; `tp.tooltip.hidden` with
 * `dwell_ms` when that showing ends (so at most two events per tooltip per 10 s).
 */
export class TpTooltip extends TpElement {
  static override styles = styles;

  static override properties = {
    for: {},
    content: {},
    placement: {},
    open: { type: Boolean, reflect: true },
    showDelay: { type: Number, attribute: 'show-delay' },
    hideDelay: { type: Number, attribute: 'hide-delay' },
    asLabel: { type: Boolean, attribute: 'as-label' },
    arrow: { type: Boolean },
  };

  /** The id of the trigger, a sibling in the same document or shadow root. Without it, the tooltip wraps its trigger. */
  for = '';

  /** The tooltip text (rendered as text, never markup). Slotted text takes precedence. */
  content = '';

  /** Where the bubble goes: `top`, `bottom`, `left`, `right`, each with `-start` or `-end`. Flips and shifts to stay on screen. */
  placement: Placement = 'top';

  /** Whether the tooltip is shown. Set it, or call `show()`/`hide()`. */
  open = false;

  /** Milliseconds of hovering before the tooltip shows (0–10000). Keyboard focus shows it at once. */
  showDelay = DEFAULTS.showDelay;

  /** Milliseconds after the pointer leaves trigger and bubble before it hides (0–10000). */
  hideDelay = DEFAULTS.hideDelay;

  /** The text becomes the trigger's accessible name instead of its description: for icon-only buttons. */
  asLabel = false;

  /** Draws an arrow pointing at the trigger. */
  arrow = false;

  // Internal state. Left uninitialised where `undefined` does: every initialiser costs bytes in
  // each page that loads the tooltip.
  /** The element the tooltip describes. */
  #trigger?: HTMLElement | null;
  /** The text shown and given to the trigger. */
  #text!: string;
  /** What the light DOM holds: the wrapped trigger (null with `for`) and the text of the text slot. */
  #light!: [HTMLElement | null, string];
  /** The state the page has seen (after `tp-show`/`tp-hide` were allowed). */
  #shown = false;
  #via: TooltipVia = 'api';
  /** The attribute set on the trigger: [element, attribute, the author's value before, ours]. */
  #applied?: [HTMLElement, string, string | null, string];
  #overTrigger?: boolean;
  #overBody?: boolean;
  #focused?: boolean;
  #pressing?: boolean;
  #timer?: ReturnType<typeof setTimeout>;
  #pressTimer?: ReturnType<typeof setTimeout>;
  /** Set while the popover is open: stops following the trigger and hides it. */
  #closePopover?: () => void;
  /** Set while a showing is under way (the page saw tp-show): leaves the Escape stack. */
  #removeLayer?: () => void;
  #shownAt!: number;
  /** When `tp.tooltip.shown` was last sent (undefined: never). */
  #lastReport?: number;
  #reported?: boolean;

  /** Shows the tooltip (as if hovered long enough); `tp-show` may cancel it. */
  show(): void {
    this.open = true;
  }

  /** Hides the tooltip; `tp-hide` may cancel it. Focus never moves. */
  hide(): void {
    this.open = false;
  }

  #reveal(via: TooltipVia): void {
    clearTimeout(this.#timer);
    if (this.open) return;
    this.#via = via;
    this.open = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (a framework reordering a list): find the trigger again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#attach(null);
    clearTimeout(this.#timer);
    clearTimeout(this.#pressTimer);
    this.#closePopover?.();
    this.#closePopover = undefined;
    this.open = this.#shown = this.#overTrigger = this.#overBody = this.#focused = false;
    if (this.#removeLayer) this.#onHidden();
  }

  /**
   * The light DOM: the wrapped trigger (the first element child outside the text slot; none with
   * `for`), and the text in the text slot (the default slot with `for`, else slot="content").
   */
  #readLight(): [HTMLElement | null, string] {
    const slot = this.for ? '' : 'content';
    let text = '';
    for (const node of this.childNodes) {
      if (node.nodeType === 3 ? !slot : (node as Element).slot === slot) text += node.textContent;
    }
    let trigger = slot ? this.firstElementChild : null;
    while (trigger?.slot) trigger = trigger.nextElementSibling;
    return [trigger as HTMLElement | null, squash(text)];
  }

  override willUpdate(): void {
    this.#light = this.#readLight();
    // Slotted text first, else the `content` attribute.
    this.#text = this.#light[1] || squash(String(this.content ?? ''));
    if (this.open !== this.#shown) {
      // Cancelled: the property goes back, and no second update is needed.
      if (emit(this, this.open ? 'tp-show' : 'tp-hide', true)) this.#shown = this.open;
      else this.open = this.#shown;
    }
  }

  override render() {
    const wrap = !this.for;
    // aria-hidden: the text reaches assistive technology once, as the trigger's description or
    // name; the bubble itself would be read a second time in browse mode. It becomes a popover
    // when first shown (openPopover): 1000 tooltips on a page render about 10% faster without
    // 1000 popovers.
    // One template for both attach styles: the outer slot holds a wrapped trigger (with `for` it
    // takes nothing), the inner one the text.
    return html`<slot name=${wrap ? '' : '-'}></slot><div part="body" aria-hidden="true"><slot name=${wrap ? 'content' : ''}></slot>${this.#light[1] ? '' : this.#text}${this.arrow ? html`<div part="arrow"></div>` : ''}</div
    >`;
  }

  /** One slotchange listener for both slots: a new trigger or new text means a new update. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.addEventListener('slotchange', this);
    return root;
  }

  override updated(changed: PropertyValues<this>): void {
    const id = this.for;
    let trigger: HTMLElement | null = null;
    if (!this.isConnected) {
      // Removed: no trigger (its attribute went back in disconnectedCallback).
    } else if (id) {
      trigger = ((this.getRootNode() as Partial<NonElementParentNode>).getElementById?.(id) ?? null) as HTMLElement | null;
      // A tooltip parsed before its trigger: look again once the document is parsed (adding the
      // same listener object twice is a no-op).
      if (!trigger && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', this, { once: true });
    } else {
      trigger = this.#light[0];
    }
    const moved = this.#attach(trigger) || changed.has('placement') || changed.has('arrow');
    this.#describe(trigger);
    if (__TP_DEV__) check(this, trigger, this.#text);
    // The popover itself: reopened silently when its anchor or placement changed while open.
    if (this.#closePopover && (moved || !this.#shown)) {
      this.#closePopover();
      this.#closePopover = undefined;
    }
    if (this.#shown) {
      const placement = placementOf(this, this.placement);
      this.#closePopover ??= openPopover(this.#body(), trigger, placement, this.arrow);
      if (!this.#removeLayer) this.#onShown();
    } else if (this.#removeLayer) {
      this.#onHidden();
    }
  }

  /** Moves the event listeners (and the trigger's ARIA) to a new trigger; true when it changed. */
  #attach(trigger: HTMLElement | null): boolean {
    if (trigger === this.#trigger) return false;
    for (const type of TRIGGER_EVENTS) this.#trigger?.removeEventListener(type, this);
    for (const type of START_EVENTS) trigger?.addEventListener(type, this);
    this.#trigger = trigger;
    this.#describe(null);
    return true;
  }

  /**
   * Gives the text to the trigger as `aria-description` (or `aria-label` with `as-label`). An
   * attribute on the trigger itself needs no IDREF, so it holds in every attach style and inside
   * any shadow root: `aria-describedby` cannot point into this element's shadow root, and element
   * reflection (`ariaDescribedByElements`) may only point out of shadow roots, not into them.
   * The author's own value comes back when the tooltip leaves or changes trigger.
   */
  #describe(trigger: HTMLElement | null): void {
    const attr = this.asLabel ? 'aria-label' : 'aria-description';
    const text = this.#text;
    let applied = this.#applied;
    if (applied && (applied[0] !== trigger || applied[1] !== attr || !text)) {
      const [el, name, before, ours] = applied;
      if (el.getAttribute(name) === ours) before === null ? el.removeAttribute(name) : el.setAttribute(name, before);
      applied = undefined;
    }
    if (trigger && text) {
      applied ??= [trigger, attr, trigger.getAttribute(attr), text];
      applied[3] = text;
      trigger.setAttribute(attr, text);
    }
    this.#applied = applied;
  }

  #delay(name: 'showDelay' | 'hideDelay'): number {
    const value = this[name];
    if (typeof value === 'number' && value >= 0 && value <= MAX_DELAY) return value;
    const attribute = name === 'showDelay' ? 'show-delay' : 'hide-delay';
    __TP_DEV__ &&
      warnAttribute(this, attribute, this.getAttribute(attribute) ?? value, `milliseconds from 0 to ${MAX_DELAY}`, String(DEFAULTS[name]));
    return DEFAULTS[name];
  }

  /**
   * Trigger, bubble, slot and document events (`this` is the listener).
   * @internal
   */
  handleEvent(event: Event): void {
    const { type } = event;
    const touch = (event as PointerEvent).pointerType === 'touch';
    const onTrigger = event.currentTarget === this.#trigger;
    const enter = type === 'pointerenter';
    // Adding a listener object already listening is a no-op.
    if (onTrigger) for (const more of TRIGGER_EVENTS) this.#trigger!.addEventListener(more, this);
    if (type === 'DOMContentLoaded') {
      this.requestUpdate();
    } else if (type === 'slotchange') {
      // Slots also report their first filling, right after the first render: update only when
      // the trigger or the text really changed.
      const [trigger, text] = this.#readLight();
      if (trigger !== this.#light[0] || text !== this.#light[1]) this.requestUpdate();
    } else if ((enter || type === 'pointerleave') && !touch) {
      // Touch has no hover: a tap must not open the tooltip after the show delay.
      if (onTrigger) this.#overTrigger = enter;
      else this.#overBody = enter;
      // Entering cancels a pending hide (the pointer moved onto the bubble: hoverable).
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => (enter ? this.#reveal('hover') : this.#leave()), this.#delay(enter ? 'showDelay' : 'hideDelay'));
    } else if (type === 'focusin') {
      // Keyboard focus only: a mouse click focuses a button too, without :focus-visible.
      if ((event.target as Element).matches(':focus-visible')) {
        this.#focused = true;
        this.#reveal('focus');
      }
    } else if (type === 'focusout') {
      this.#focused = false;
      this.#leave();
    } else if (type === 'pointerdown' && !onTrigger) {
      // A tap or click anywhere else hides it (the way out on touch screens).
      const path = event.composedPath();
      if (!path.includes(this.#trigger!) && !path.includes(this.#body())) this.hide();
    } else if (type === 'pointerdown' && touch) {
      this.#pressing = true;
      clearTimeout(this.#pressTimer);
      this.#pressTimer = setTimeout(() => this.#reveal('touch'), LONG_PRESS_MS);
    } else if (type === 'pointerup' || type === 'pointercancel') {
      this.#pressing = false;
      clearTimeout(this.#pressTimer);
    } else if (type === 'contextmenu' && this.#pressing) {
      // The long-press belongs to the tooltip, not to the browser's context menu.
      event.preventDefault();
      this.#reveal('touch');
    }
  }

  /** Hides unless trigger or bubble is still hovered or the trigger still has keyboard focus. */
  #leave(): void {
    if (!this.#overTrigger && !this.#overBody && !this.#focused) this.hide();
  }

  #body(): HTMLElement {
    return this.renderRoot.querySelector('[part=body]')!;
  }

  /** The showing starts: Escape layer, outside taps, telemetry (at most once per 10 s). */
  #onShown(): void {
    // Escape, from the shared dismiss stack: hides without moving focus.
    this.#removeLayer = pushLayer(() => this.hide());
    document.addEventListener('pointerdown', this, true);
    // Hoverable: the bubble (and the gap, its ::before) counts as hovering while it is shown.
    for (const type of ['pointerenter', 'pointerleave']) this.#body().addEventListener(type, this);
    this.#shownAt = performance.now();
    if (!(this.#shownAt - this.#lastReport! < REPORT_EVERY_MS)) {
      this.#lastReport = this.#shownAt;
      this.#reported = true;
      // The trigger's accessible name, near enough: `aria-label` (with `as-label`, the tooltip
      // text), else its text, else `title`; at most 100 characters.
      const t = this.#trigger;
      const name = t ? squash(t.getAttribute('aria-label') || t.textContent || t.title).slice(0, 100) : '';
      this.track('shown', { name, via: this.#via });
    }
    this.#via = 'api';
    // No fade: shown in the first frame after hover or focus (and so nothing to reduce for reduced motion).
    emit(this, 'tp-after-show');
  }

  #onHidden(): void {
    this.#removeLayer!();
    this.#removeLayer = undefined;
    document.removeEventListener('pointerdown', this, true);
    if (this.#reported) {
      this.#reported = false;
      this.track('hidden', { dwell_ms: Math.round(performance.now() - this.#shownAt) });
    }
    // The popover leaves the top layer at once.
    emit(this, 'tp-after-hide');
  }
}
/**
 * Dev builds: the mistakes a page can make with a tooltip, each named once. A function outside the
 * class, so production builds drop it with its only (`__TP_DEV__`-guarded) call.
 */
function check(tooltip: TpTooltip, trigger: HTMLElement | null, text: string): void {
  const id = tooltip.for;
  if (!trigger && id && document.readyState !== 'loading') {
    warn(tooltip, `for="${id}" names no element in the same document or shadow root; the tooltip has no trigger.`);
  }
  if (!trigger && !id) warn(tooltip, 'wraps no element: put the trigger inside it, or name it with for="id".');
  if (!text) warn(tooltip, 'has no text: set content="…" or put the text inside it.');
  // The text part only: a wrapped trigger is focusable, as it should be.
  const inText = id ? FOCUSABLE : FOCUSABLE.split(',').map((s) => `${s}[slot=content],[slot=content] ${s}`).join();
  if (tooltip.querySelector(inText)) {
    warn(tooltip, 'holds focusable content, which nobody can reach in a tooltip: use <tp-toggletip> for links and controls.');
  }
  if (trigger && !tooltip.asLabel && trigger.hasAttribute('aria-describedby')) {
    warn(tooltip, 'its trigger has aria-describedby, which screen readers use instead of the tooltip text.');
  }
  if (trigger && trigger.tabIndex < 0 && !trigger.shadowRoot?.delegatesFocus) {
    warn(tooltip, 'its trigger cannot take keyboard focus, so keyboard users never see the tooltip.');
  }
}

declare global {
  /** Lifecycle events carry no detail (`null`); `tp-show` and `tp-hide` are cancelable. */
  interface HTMLElementEventMap {
    'tp-show': CustomEvent<null>;
    'tp-after-show': CustomEvent<null>;
    'tp-hide': CustomEvent<null>;
    'tp-after-hide': CustomEvent<null>;
  }
}
