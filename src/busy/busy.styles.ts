import { css } from 'lit';

export const styles = css`
  :host {
    color-scheme: var(--tp-color-scheme);
    display: block;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  /* No fade-in: an indicator half faded in is text below contrast, and the wait is already a second old. */
  [part='status'] {
    margin-block-end: var(--tp-space, 0.5rem);
    font: var(--tp-font, inherit);
  }
  [part='estimate'] {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
    /* 4.5:1 or better on white and on the dark scheme's usual backgrounds. */
    color: var(--tp-color-muted, light-dark(#4a5363, #b6bfcc));
  }
  /* Motion: only the bar's own (its indeterminate band), which stops under prefers-reduced-motion. */
  @media (forced-colors: active) {
    [part='estimate'] {
      color: CanvasText;
    }
  }
`;
