import { expect } from 'vitest';

/**
 * Asserts that the bubble `b` sits on the `placement` side of its trigger `a`, 8 px away, aligned
 * as asked (`start`/`end` in the inline or block direction, centred without), within 1.5 px.
 */
export function expectPlaced(a: DOMRect, b: DOMRect, placement: string): void {
  const [side, align] = placement.split('-');
  const near = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThan(1.5);
  if (side === 'top') near(b.bottom, a.top - 8);
  if (side === 'bottom') near(b.top, a.bottom + 8);
  if (side === 'left') near(b.right, a.left - 8);
  if (side === 'right') near(b.left, a.right + 8);
  const vertical = side === 'top' || side === 'bottom';
  const [lo, hi, blo, bhi] = vertical ? [a.left, a.right, b.left, b.right] : [a.top, a.bottom, b.top, b.bottom];
  if (!align) near((blo + bhi) / 2, (lo + hi) / 2);
  if (align === 'start') near(blo, lo);
  if (align === 'end') near(bhi, hi);
}
