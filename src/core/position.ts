import { css } from 'lit';
import { warnAttribute } from './warn.js';

/**
 * Placement in the top layer, shared by every floating part (tooltip, toggletip, later menus).
 *
 * A popover lives in the top layer, so no `overflow: hidden`, `contain: paint` or `transform`
 * ancestor clips it, and its containing block is the viewport: placing it is viewport arithmetic.
 *
 * - Where CSS anchor positioning exists (Chromium 125+, Safari 26+), the browser does it all:
 *   `showPopover({ source })` makes the trigger the popover's implicit anchor — an element
 *   reference, so it works across shadow roots and needs no `anchor-name` on the page's element —
 *   `position-area` places it, `position-try-fallbacks` flips it, the default alignment shifts it
 *   back into the viewport, and it follows scrolling, resizing and layout changes without script.
 * - Elsewhere, script does the same arithmetic (flip, then shift), every frame while open.
 * - The optional arrow is the one thing CSS cannot do: after the browser shifts a box, nothing in
 *   CSS knows by how much, and a pseudo-element anchors to its own popover, not to the trigger
 *   (measured in Chromium 156). So with an arrow, script measures both boxes and puts the arrow
 *   under the trigger's centre, every frame while open.
 */

export type Side = 'top' | 'bottom' | 'left' | 'right';
export type Placement = Side | `${Side}-start` | `${Side}-end`;

/** Every accepted `placement`, for validation and docs. */
export const PLACEMENTS = ['top', 'bottom', 'left', 'right'].flatMap((side) => [side, `${side}-start`, `${side}-end`]);

/** `placement` as given when it is one of PLACEMENTS, else `top` (with a dev warning naming `host`). */
export function placementOf(host: Element, placement: string): Placement {
  if (PLACEMENTS.includes(placement)) return placement as Placement;
  __TP_DEV__ && warnAttribute(host, 'placement', placement, PLACEMENTS.join(', '), 'top');
  return 'top';
}

/** Space between trigger and popover, in CSS px: room for the arrow (the hoverable bridge in `popoverStyles` matches it). */
export const GAP = 8;
/** The arrow stays this far from the popover's corners. */
const ARROW_INSET = 12;

let anchoring: boolean | undefined;
/** Whether the browser has CSS anchor positioning (looked up on first use, never at import). */
const supportsAnchoring = () => (anchoring ??= !!globalThis.CSS?.supports?.('position-area:top'));

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * Shows `popover` (made a `popover="manual"` element) next to `anchor` and keeps it there. Returns a
 * function that stops following and hides it. `anchor` may be null (a tooltip whose trigger is
 * missing): the popover then shows where the browser puts it, and nothing throws.
 */
export function openPopover(popover: HTMLElement, anchor: Element | null, placement: Placement, arrow = false): () => void {
  const [side, align] = placement.split('-') as [Side, 'start' | 'end' | undefined];
  const vertical = side === 'top' || side === 'bottom';
  // "start" follows the text direction of the trigger: right-aligned in a right-to-left page.
  const rtl = !!anchor?.matches(':dir(rtl)');
  const css = supportsAnchoring();
  if (css) {
    const span = align && (vertical ? ((align === 'start') !== rtl ? 'right' : 'left') : align === 'start' ? 'bottom' : 'top');
    Object.assign(popover.style, {
      positionArea: span ? `${side} span-${span}` : side,
      // The gap on every side keeps a centred popover off the viewport's edges too; an aligned
      // one has none along its edge, so it lines up with the trigger.
      margin: !align ? `${GAP}px` : vertical ? `${GAP}px 0` : `0 ${GAP}px`,
      // Chromium 156 tries at most five fallbacks (measured); these three flip side and alignment.
      positionTryFallbacks: 'flip-block,flip-inline,flip-block flip-inline',
    });
  }
  // A popover from its first showing on: until then a hidden box (see popoverStyles), which is
  // cheaper to render by the thousand.
  popover.setAttribute('popover', 'manual');
  try {
    (popover.showPopover as (options?: { source?: Element }) => void)({ source: anchor ?? undefined });
  } catch {
    // No popover API (old browsers, DOM shims) or already open: never thrown at the page.
  }
  let frame = 0;
  // Script placement and the arrow follow the trigger frame by frame while open: scrolling,
  // resizing, and any layout change that moves the trigger (CSS anchoring needs none of it). Only
  // open popovers loop, and writing an unchanged inline style costs no style work.
  const follow = !css || arrow;
  const update = () => {
    if (follow) frame = requestAnimationFrame(update);
    if (!anchor || !popover.isConnected) return;
    const a = anchor.getBoundingClientRect();
    let p = popover.getBoundingClientRect();
    if (!css) {
      // The preferred side if the popover fits there, else the other side if it has more room;
      // then centred or aligned, and shifted to stay inside the viewport.
      const { clientWidth, clientHeight } = document.documentElement;
      const [start, end, size, room] = vertical ? [a.top, a.bottom, p.height, clientHeight] : [a.left, a.right, p.width, clientWidth];
      const [low, high, crossSize, crossRoom] = vertical ? [a.left, a.right, p.width, clientWidth] : [a.top, a.bottom, p.height, clientHeight];
      const spaceBefore = start - GAP - size;
      const spaceAfter = room - end - GAP - size;
      let before = side === 'top' || side === 'left';
      if (before ? spaceBefore < 0 && spaceAfter > spaceBefore : spaceAfter < 0 && spaceBefore > spaceAfter) before = !before;
      const main = before ? spaceBefore : end + GAP;
      // Physical alignment: "start" is the left edge in LTR, the right edge in RTL (top/bottom only).
      const toLow = align === (vertical && rtl ? 'end' : 'start');
      const cross = clamp(!align ? (low + high - crossSize) / 2 : toLow ? low : high - crossSize, GAP, crossRoom - GAP - crossSize);
      Object.assign(popover.style, { left: `${vertical ? cross : main}px`, top: `${vertical ? main : cross}px` });
      p = popover.getBoundingClientRect();
    }
    const tip = arrow && popover.querySelector<HTMLElement>('[part=arrow]');
    if (tip) {
      // The side facing the trigger (top, bottom, left, right of the popover), the trigger's centre along it.
      const at = p.bottom <= a.top ? 0 : p.top >= a.bottom ? 1 : p.right <= a.left ? 2 : 3;
      const along = at < 2 ? (a.left + a.right) / 2 - p.left : (a.top + a.bottom) / 2 - p.top;
      const cross = `${clamp(along, ARROW_INSET, (at < 2 ? p.width : p.height) - ARROW_INSET)}px`;
      const edge = at % 2 ? '0' : '100%';
      Object.assign(tip.style, { left: at < 2 ? cross : edge, top: at < 2 ? edge : cross, rotate: `${[45, 225, -45, 135][at]}deg` });
    }
  };
  update();
  return () => {
    cancelAnimationFrame(frame);
    // A no-op when already hidden; absent from DOM shims.
    popover.hidePopover?.();
  };
}

/**
 * The popover box and its arrow: top-layer reset, the hoverable bridge over the gap, and the arrow
 * (a square turned 45° and cut in half along its diagonal; `openPopover` sets its side and offset).
 * Components add colours, type and motion.
 */
export const popoverStyles = css`
  [part='body']:not([popover]) {
    display: none;
  }
  [popover] {
    inset: auto;
    margin: 0;
    overflow: visible;
  }
  /* The gap between trigger and popover counts as the popover: the pointer can cross it (WCAG 1.4.13 hoverable). */
  [popover]::before {
    content: '';
    position: absolute;
    inset: -8px;
    z-index: -1;
  }
  [part='arrow'] {
    position: absolute;
    padding: 5px;
    translate: -50% -50%;
    background: inherit;
    border: inherit;
    clip-path: polygon(100% 0, 100% 100%, 0 100%);
  }
`;
