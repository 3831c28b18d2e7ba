import { html, type PropertyValues } from 'lit';
import { announce, ensureAnnouncer } from '../core/announcer.js';
import { pushLayer } from '../core/dismiss-stack.js';
import { TpElement } from '../core/element.js';
import { message } from '../core/i18n.js';
import { openPopover, placementOf, popoverStyles, type Placement } from '../core/position.js';
import { warn } from '../core/warn.js';
import { toggletipMessages } from './messages.js';
import { styles } from './toggletip.styles.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Dispatches a `tp-*` lifecycle event (bubbles, composed); false when a listener cancelled it.
 * Outside the class, so the manifest lists the events from the JSDoc header, not a variable name.
 */
function emit(el: HTMLElement, type: string, cancelable = false): boolean {
  return el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable }));
}

/**
 * @summary An "i" button that opens richer, possibly interactive help next to it — links, a short
 * list — and reads it out politely. The place for what does not fit a `<tp-tooltip>`.
 *
 * @tag tp-toggletip
 *
 * @slot - The help content. May hold links and controls; Tab reaches them after the button.
 *
 * @csspart button - The "i" button (a real `<button>`, at least 24×24 CSS px).
 * @csspart body - The popover holding the content (in the top layer, so nothing clips it).
 * @csspart arrow - The arrow pointing at the button (with `arrow`).
 *
 * @cssprop --tp-color-accent - Button and link colour.
 * @cssprop --tp-toggletip-background - Popover colour.
 * @cssprop --tp-toggletip-color - Text colour.
 * @cssprop --tp-toggletip-border - Popover border colour.
 * @cssprop --tp-toggletip-max-width - Widest the popover gets (never wider than the viewport).
 * @cssprop --tp-radius - Corner radius of the popover.
 * @cssprop --tp-space - Padding inside the popover.
 * @cssprop --tp-font - Font of the content.
 * @cssprop --tp-motion-duration - Fade length, capped at 150 ms; no fade under reduced motion.
 *
 * @fires tp-show - Before opening; cancelable.
 * @fires tp-after-show - Once open and the fade has finished.
 * @fires tp-hide - Before closing; cancelable.
 * @fires tp-after-hide - Once closed.
 * @fires tp-telemetry - `tp.toggletip.opened` with `name` (the button's accessible name), each time it opens.
 */
export class TpToggletip extends TpElement {
  static override styles = [popoverStyles, styles];

  static override properties = {
    label: {},
    placement: {},
    open: { type: Boolean, reflect: true },
    arrow: { type: Boolean },
  };

  /** The button's accessible name, e.g. "About delivery times". Required: without it the button is named "More information" and dev builds warn. */
  label = '';

  /** Where the popover goes: `top`, `bottom`, `left`, `right`, each with `-start` or `-end`. Flips and shifts to stay on screen. */
  placement: Placement = 'top';

  /** Whether the popover is open. Set it, or call `show()`/`hide()`. */
  open = false;

  /** Draws an arrow pointing at the button. */
  arrow = false;

  /** The state the page has seen (after `tp-show`/`tp-hide` were allowed). */
  #shown = false;
  /** Set while the popover is open: stops following the button and hides it. */
  #closePopover?: () => void;
  /** Set while open: leaves the Escape stack. */
  #removeLayer?: () => void;

  /** Opens the popover; `tp-show` may cancel it. */
  show(): void {
    this.open = true;
  }

  /** Closes the popover; `tp-hide` may cancel it. Focus stays where it is. */
  hide(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A live region only announces once it is in the accessibility tree: create it early.
    ensureAnnouncer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#closePopover?.();
    this.#closePopover = undefined;
    this.open = this.#shown = false;
    if (this.#removeLayer) this.#onHidden();
  }

  #toggle(): void {
    this.open = !this.open;
  }

  #button(): HTMLButtonElement {
    return this.renderRoot.querySelector('button')!;
  }

  override willUpdate(): void {
    if (this.open !== this.#shown) {
      // Cancelled: the property goes back, and no second update is needed.
      if (emit(this, this.open ? 'tp-show' : 'tp-hide', true)) this.#shown = this.open;
      else this.open = this.#shown;
    }
  }

  override render() {
    let name = squash(String(this.label ?? ''));
    if (!name) {
      __TP_DEV__ && warn(this, 'has no label: give the button a name that says what the help is about, e.g. label="About delivery times".');
      name = message(this, toggletipMessages, 'toggletip.label');
    }
    return html`<button
        part="button"
        type="button"
        aria-label=${name}
        aria-expanded=${this.#shown ? 'true' : 'false'}
        @click=${this.#toggle}
      >
        <span aria-hidden="true">i</span></button
      ><div part="body"><slot></slot>${this.arrow ? html`<div part="arrow"></div>` : null}</div>`;
  }

  override updated(changed: PropertyValues<this>): void {
    const moved = changed.has('placement') || changed.has('arrow');
    if (this.#closePopover && (moved || !this.#shown)) {
      this.#closePopover();
      this.#closePopover = undefined;
    }
    if (this.#shown) {
      const placement = placementOf(this, this.placement);
      this.#closePopover ??= openPopover(this.renderRoot.querySelector('[part=body]')!, this.#button(), placement, this.arrow);
      if (!this.#removeLayer) this.#onShown();
    } else if (this.#removeLayer) {
      this.#onHidden();
    }
  }

  #onShown(): void {
    // Escape (only when this is the topmost layer): close, and bring focus back to the button if
    // it was inside the toggletip — never pull it from elsewhere on the page.
    this.#removeLayer = pushLayer(() => {
      const active = (this.getRootNode() as Document | ShadowRoot).activeElement;
      const inside = !!active && this.contains(active);
      this.hide();
      if (inside && !this.open) this.#button().focus();
    });
    document.addEventListener('click', this, true);
    this.addEventListener('focusout', this);
    // The content is read out politely, once, the way a screen reader user learns it appeared.
    const text = squash(this.textContent ?? '');
    if (text) announce(text);
    this.track('opened', { name: this.#button().getAttribute('aria-label') });
    const fades = this.renderRoot.querySelector('[part=body]')!.getAnimations?.().map((a) => a.finished) ?? [];
    Promise.allSettled(fades).then(() => this.#shown && emit(this, 'tp-after-show'));
  }

  #onHidden(): void {
    this.#removeLayer!();
    this.#removeLayer = undefined;
    document.removeEventListener('click', this, true);
    this.removeEventListener('focusout', this);
    emit(this, 'tp-after-hide');
  }

  /**
   * Closes on a click outside, and when focus leaves the toggletip for elsewhere on the page.
   * @internal
   */
  handleEvent(event: Event): void {
    // Focus moving into the shadow root reaches this listener retargeted to the host itself.
    const to = (event as FocusEvent).relatedTarget as Node | null;
    if (event.type === 'click' ? !event.composedPath().includes(this) : to && !this.contains(to)) this.hide();
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
