import { css } from 'lit';

export const styles = css`
  :host {
    color-scheme: var(--tp-color-scheme);
    --_space: var(--tp-space, 1rem);
    --_radius: var(--tp-radius, 0.25rem);
    display: block;
    font: var(--tp-font, inherit);
  }
  :host([hidden]) {
    display: none !important;
  }
  [part='error'],
  [part='confirmation'] {
    padding: var(--_space);
    border: 3px solid var(--tp-color-danger, light-dark(#b3261e, #ffb4ab));
    border-radius: var(--_radius);
    margin-block-end: var(--_space);
  }
  [part='confirmation'] {
    border-color: var(--tp-color-success, light-dark(#1b6e3a, #8fd8a6));
  }
  h2,
  h3,
  p {
    margin-block: 0 0.5em;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  [part='reference'] {
    font-size: 1.25em;
  }
  [part='button'] {
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding-inline: 1rem;
    margin-inline-end: 0.5rem;
    font: inherit;
    border-radius: var(--_radius);
  }
  /* Words, not a spinner: "Sending your message…" says what is happening and never moves. */
  [part='busy'] {
    margin-block: var(--_space) 0;
    font-style: italic;
  }
  @media (forced-colors: active) {
    [part='error'],
    [part='confirmation'] {
      border-color: CanvasText;
    }
  }
  @media print {
    [part='button'] {
      display: none;
    }
  }
`;
