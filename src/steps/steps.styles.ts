import { css } from 'lit';

// Kept small: `touchpoint/steps` has 7.5 KiB gzip for Lit and everything else. The host stays
// inline (the default), so the page's own `hidden` and `display` rules apply as usual.
export const styles = css`
  :host {
    color-scheme: var(--tp-color-scheme);
  }
  p {
    margin: 0 0 0.5rem;
  }
  ol,
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
  }
  ol {
    column-gap: 1.5rem;
    list-style: none;
  }
  /* Shape, weight and words tell the states apart; colour only adds to them: upcoming steps have
     a dashed ring, the current one a solid ring and bold text, done ones a tick in a filled circle. */
  [part='marker'] {
    inline-size: 1.5em;
    line-height: 1.5em;
    text-align: center;
    border: 2px dashed;
    border-radius: 50%;
  }
  .current {
    font-weight: 700;
  }
  .current [part='marker'] {
    border-style: solid;
  }
  .done [part='marker'] {
    border-color: transparent;
    background: var(--tp-color-accent, light-dark(#1d5bd6, #8ab4ff));
    color: Canvas;
  }
  /* Links look like links (the page's colours), and are flex items (blockified): the padding makes
     a pointer target at least 24 px tall (names that are not links get the same, so rows align). */
  a {
    padding-block: 0.25rem;
  }
  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Forced colours need no rule of their own: the tick, the ring styles and the weight all survive. */
`;
