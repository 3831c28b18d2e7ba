import { css } from 'lit';

export const styles = css`
  :host {
    /* Colours follow the page's color-scheme (light-dark), so a light page never gets a dark bar,
       unless --tp-color-scheme (what data-theme sets) names one. */
    color-scheme: var(--tp-color-scheme);
    --_accent: var(--tp-color-accent, light-dark(#1d5bd6, #8ab4ff));
    display: block;
    font: var(--tp-font, inherit);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .header {
    display: flex;
    justify-content: space-between;
    gap: var(--tp-space, 0.25rem);
    margin-block-end: var(--tp-space, 0.25rem);
  }
  /* The label is the slot itself (one element fewer for every bar), given a box of its own. */
  slot {
    display: block;
  }
  [part='value'] {
    font-variant-numeric: tabular-nums;
  }
  [part='track'] {
    position: relative;
    overflow: hidden;
    block-size: var(--tp-progress-height, 0.5rem);
    border-radius: var(--tp-radius, 999px);
    background: var(--tp-color-track, light-dark(#d9dee7, #3b4452));
  }
  [part='indicator'] {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: calc(var(--_fraction, 0) * 100%);
    border-radius: inherit;
    background: var(--_accent);
    transition: inline-size var(--tp-motion-duration, 200ms) ease-out;
  }
  /* Logical offsets make the slide run with the text direction, so RTL needs no extra rule. */
  .indeterminate [part='indicator'] {
    inline-size: 40%;
    animation: slide 1.6s ease-in-out infinite;
  }
  @keyframes slide {
    from {
      inset-inline-start: -40%;
    }
    to {
      inset-inline-start: 100%;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='indicator'] {
      transition: none;
    }
    /* Still and striped: "working, amount unknown", without motion and without faking a value. */
    .indeterminate [part='indicator'] {
      animation: none;
      inline-size: 100%;
      background: repeating-linear-gradient(-45deg, var(--_accent) 0 0.5rem, transparent 0.5rem 1rem);
    }
  }
  @media (forced-colors: active) {
    [part='track'] {
      border: 1px solid CanvasText;
    }
    /* System colours for the fill and for the reduced-motion stripes alike. */
    [part='indicator'] {
      forced-color-adjust: none;
      --_accent: Highlight;
    }
  }
`;
