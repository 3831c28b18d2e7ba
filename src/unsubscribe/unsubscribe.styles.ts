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
  [part='confirmation'],
  [part='error'] {
    padding: var(--_space);
    border: 3px solid var(--tp-color-success, light-dark(#1b6e3a, #8fd8a6));
    border-radius: var(--_radius);
    margin-block-end: var(--_space);
  }
  [part='error'] {
    border-color: var(--tp-color-danger, light-dark(#b3261e, #ffb4ab));
  }
  h2,
  h3,
  p {
    margin-block: 0 0.5em;
  }
  fieldset {
    margin-block: 0 var(--_space);
    border: 1px solid;
    border-radius: var(--_radius);
  }
  /* Every choice looks the same: no bright "stay" and grey "leave". */
  [part='button'] {
    min-block-size: 2.75rem;
    padding-inline: 1rem;
    margin-block: 0.25rem;
    margin-inline: 0 0.5rem;
    font: inherit;
    border-radius: var(--_radius);
  }
  label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: 2.75rem;
  }
  input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  textarea {
    display: block;
    inline-size: 100%;
    box-sizing: border-box;
    font: inherit;
  }
  [part='status'] {
    font-style: italic;
  }
  @media (forced-colors: active) {
    [part='confirmation'],
    [part='error'] {
      border-color: CanvasText;
    }
  }
`;
