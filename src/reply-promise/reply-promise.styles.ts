import { css } from 'lit';

export const styles = css`
  :host {
    color-scheme: var(--tp-color-scheme);
    display: block;
    font: var(--tp-font, inherit);
    color: var(--tp-color-text, inherit);
  }
  :host([hidden]) {
    display: none !important;
  }
  p {
    margin: 0;
  }
  p + p {
    margin-block-start: var(--tp-space, 0.25rem);
  }
  [part='deadline'] {
    font-weight: 600;
  }
`;
