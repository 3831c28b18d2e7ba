import { css } from 'lit';

export const styles = css`
  :host {
    color-scheme: var(--tp-color-scheme);
    display: inline-block;
    vertical-align: middle;
    --_accent: var(--tp-color-accent, light-dark(#1d5bd6, #8ab4ff));
  }
  [part='button'] {
    display: inline-grid;
    place-items: center;
    box-sizing: border-box;
    /* WCAG 2.5.8: a 24×24 CSS px target at least. */
    inline-size: 1.5rem;
    block-size: 1.5rem;
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 0;
    border: 1.5px solid var(--_accent);
    border-radius: 50%;
    background: transparent;
    color: var(--_accent);
    font: italic 700 0.875rem/1 Georgia, serif;
    cursor: pointer;
  }
  [part='button']:hover,
  [part='button'][aria-expanded='true'] {
    background: var(--_accent);
    color: light-dark(#fff, #15181d);
  }
  [part='button']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='body'] {
    box-sizing: border-box;
    max-inline-size: min(var(--tp-toggletip-max-width, 22rem), 100vw - 16px);
    padding: var(--tp-space, 0.75rem);
    border: 1px solid var(--tp-toggletip-border, light-dark(#c4cad4, #4a5361));
    border-radius: var(--tp-radius, 0.5rem);
    background: var(--tp-toggletip-background, light-dark(#fff, #1f2430));
    color: var(--tp-toggletip-color, light-dark(#15181d, #e8edf5));
    box-shadow: 0 4px 16px light-dark(#0002, #0008);
    font: var(--tp-font, 0.875rem/1.5 system-ui);
    text-align: start;
    transition: opacity min(var(--tp-motion-duration, 120ms), 150ms);
  }
  @starting-style {
    [part='body']:popover-open {
      opacity: 0;
    }
  }
  [part='body'] ::slotted(a) {
    color: var(--_accent);
  }
  @media (prefers-reduced-motion: reduce) {
    [part='body'] {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    [part='button'][aria-expanded='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
  }
`;
