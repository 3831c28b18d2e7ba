import { css } from 'lit';
import { popoverStyles } from '../core/position.js';

/** One stylesheet per shadow root (the shared popover rules included): less style work per tooltip. */
export const styles = css`
  ${popoverStyles}
  /* The host adds no box: a wrapped trigger lays out exactly as it would without the tooltip. */
  :host {
    color-scheme: var(--tp-color-scheme);
    display: contents;
  }
  [part='body'] {
    max-inline-size: min(var(--tp-tooltip-max-width, 20rem), 100vw - 40px);
    padding: 0.375rem 0.625rem;
    /* Transparent: forced-colors mode paints it in CanvasText, so the bubble keeps an outline. */
    border: 1px solid transparent;
    border-radius: var(--tp-radius, 0.375rem);
    background: var(--tp-tooltip-background, light-dark(#1f2430, #e8edf5));
    color: var(--tp-tooltip-color, light-dark(#fff, #15181d));
    font: var(--tp-font, 0.875rem/1.4 system-ui);
    overflow-wrap: anywhere;
  }
`;
