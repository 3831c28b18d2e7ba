// Every state of <tp-tooltip>, shared by the stories and the tests, so what designers see is what
// is checked with axe, in Chromium and in the accessibility tree.

/** The element's attributes, as Storybook args (each is also an attribute for script-tag users). */
export interface TooltipArgs {
  content?: string;
  placement?: string;
  showDelay?: string;
  hideDelay?: string;
  asLabel?: boolean;
  arrow?: boolean;
  open?: boolean;
}

export interface TooltipState {
  args: TooltipArgs;
  /**
   * How the tooltip meets its trigger: `for` (a sibling naming the trigger's id), `wrap` (the
   * trigger inside, text in the `content` attribute) or `slot` (the trigger inside, text in a
   * `slot="content"` element).
   */
  attach: 'for' | 'wrap' | 'slot';
  /** Text placed inside the tooltip (with `for`: the default slot; with `slot`: slot="content"). */
  text?: string;
  /** The trigger's visible text; absent: an icon-only button (named by the tooltip with `as-label`). */
  triggerText?: string;
  /** Where it sits: a clipping box, another component's shadow root, a right-to-left page, a dark page. */
  frame?: 'clip' | 'shadow' | 'rtl' | 'dark';
  /** What a screen reader gets for the trigger: the accessibility tree's name and description. */
  expected: { name: string; description: string };
}

export const tooltipStates: Record<string, TooltipState> = {
  'Sibling with for': {
    args: {},
    attach: 'for',
    text: 'Saves a draft you can finish later',
    triggerText: 'Save',
    expected: { name: 'Save', description: 'Saves a draft you can finish later' },
  },
  'Wrapping, content attribute': {
    args: { content: 'Sends the form to the support team' },
    attach: 'wrap',
    triggerText: 'Send',
    expected: { name: 'Send', description: 'Sends the form to the support team' },
  },
  'Wrapping, content slot': {
    args: {},
    attach: 'slot',
    text: 'Copies the link to your clipboard',
    triggerText: 'Copy link',
    expected: { name: 'Copy link', description: 'Copies the link to your clipboard' },
  },
  'Icon button, as-label': {
    args: { content: 'Settings', asLabel: true },
    attach: 'wrap',
    expected: { name: 'Settings', description: '' },
  },
  'Icon button, as-label with for': {
    args: { asLabel: true },
    attach: 'for',
    text: 'Delete draft',
    expected: { name: 'Delete draft', description: '' },
  },
  Open: {
    args: { content: 'Shown without hovering', open: true },
    attach: 'wrap',
    triggerText: 'Always open',
    expected: { name: 'Always open', description: 'Shown without hovering' },
  },
  'With arrow': {
    args: { content: 'Points at its trigger', open: true, arrow: true, placement: 'bottom' },
    attach: 'wrap',
    triggerText: 'Arrow',
    expected: { name: 'Arrow', description: 'Points at its trigger' },
  },
  'Inside overflow hidden and contain paint': {
    args: { content: 'Never clipped: the bubble lives in the top layer', open: true, arrow: true },
    attach: 'wrap',
    triggerText: 'Clipped box',
    frame: 'clip',
    expected: { name: 'Clipped box', description: 'Never clipped: the bubble lives in the top layer' },
  },
  'Inside another component’s shadow root': {
    args: {},
    attach: 'for',
    text: 'Removes the card for good',
    triggerText: 'Remove',
    frame: 'shadow',
    expected: { name: 'Remove', description: 'Removes the card for good' },
  },
  'Wrapping inside a shadow root': {
    args: { content: 'Archives the card' },
    attach: 'wrap',
    triggerText: 'Archive',
    frame: 'shadow',
    expected: { name: 'Archive', description: 'Archives the card' },
  },
  'Right to left': {
    args: { content: 'يحفظ مسودة', placement: 'bottom-start', open: true, arrow: true },
    attach: 'wrap',
    triggerText: 'حفظ',
    frame: 'rtl',
    expected: { name: 'حفظ', description: 'يحفظ مسودة' },
  },
  Dark: {
    args: { content: 'Follows the page’s colour scheme', open: true },
    attach: 'wrap',
    triggerText: 'Dark page',
    frame: 'dark',
    expected: { name: 'Dark page', description: 'Follows the page’s colour scheme' },
  },
  'Hostile text renders as text': {
    args: { content: '<img src=x onerror="window.hacked=1"><b>bold</b>' },
    attach: 'wrap',
    triggerText: 'Hostile',
    expected: { name: 'Hostile', description: '<img src=x onerror="window.hacked=1"><b>bold</b>' },
  },
};

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An icon for icon-only buttons: decorative, so it never competes with the tooltip's name. */
export const GEAR_ICON =
  '<svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="2"/></svg>';

/** The tooltip alone, the way a site owner would write it; `id` keeps several on one page apart. */
export function tooltipElementMarkup(state: TooltipState, id = 'tt-trigger'): string {
  const { content, placement, showDelay, hideDelay, asLabel, arrow, open } = state.args;
  const attributes = [
    state.attach === 'for' && `for="${id}"`,
    content !== undefined && `content="${escape(content)}"`,
    placement !== undefined && `placement="${escape(placement)}"`,
    showDelay !== undefined && `show-delay="${escape(showDelay)}"`,
    hideDelay !== undefined && `hide-delay="${escape(hideDelay)}"`,
    asLabel && 'as-label',
    arrow && 'arrow',
    open && 'open',
  ].filter(Boolean);
  const label = state.triggerText === undefined ? GEAR_ICON : escape(state.triggerText);
  const button = `<button type="button"${state.attach === 'for' ? ` id="${id}"` : ''}>${label}</button>`;
  const text = escape(state.text ?? '');
  if (state.attach === 'for') return `${button}<tp-tooltip ${attributes.join(' ')}>${text}</tp-tooltip>`;
  const slotted = state.attach === 'slot' ? `<span slot="content">${text}</span>` : '';
  return `<tp-tooltip ${attributes.join(' ')}>${button}${slotted}</tp-tooltip>`;
}

/**
 * The state in its frame, as HTML. The shadow-root frame is declarative shadow DOM (`<template
 * shadowrootmode>`), so mount it with `setHTMLUnsafe` (or parse it as a page), not `innerHTML`.
 */
export function tooltipMarkup(state: TooltipState, id = 'tt-trigger'): string {
  const tooltip = tooltipElementMarkup(state, id);
  switch (state.frame) {
    case 'clip':
      return `<div class="tt-clip" style="overflow: hidden; contain: paint; inline-size: 12rem; block-size: 3rem; padding: 0.5rem; border: 1px dashed">${tooltip}</div>`;
    case 'shadow':
      return `<demo-card><template shadowrootmode="open"><p>A card drawn by another component.</p>${tooltip}</template></demo-card>`;
    case 'rtl':
      return `<div dir="rtl" lang="ar">${tooltip}</div>`;
    case 'dark':
      return `<div style="color-scheme: dark; background: #15181d; color: #e8edf5; padding: 1rem">${tooltip}</div>`;
    default:
      return tooltip;
  }
}

/**
 * `<demo-card>`: "another component" that draws its content in its own shadow root (declarative
 * shadow DOM in the markup). Defined on demand, once, so a page that waits for every custom element
 * to be defined (the Storybook axe pass) does not wait for it forever.
 */
export function defineDemoCard(): void {
  if (typeof customElements !== 'undefined' && !customElements.get('demo-card')) {
    customElements.define('demo-card', class extends HTMLElement {});
  }
}

/** Mounts markup (declarative shadow DOM included) into a new element appended to `parent`. */
export function mountMarkup(markup: string, parent: HTMLElement = document.body): HTMLElement {
  defineDemoCard();
  const host = document.createElement('div');
  host.setHTMLUnsafe(markup);
  parent.append(host);
  return host;
}
