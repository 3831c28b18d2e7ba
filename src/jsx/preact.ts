// `touchpoint/jsx/preact`: every Touchpoint tag in Preact JSX, with typed options and `ontp-*` event
// props. Types only: import the define modules (or `touchpoint/autoloader`) to register the elements.
// `import type {} from 'touchpoint/jsx/preact'` once in the app.
import type { HTMLAttributes } from 'preact';
import type { TpIntrinsicElements, TpTag } from './index.js';

type PreactAttributes = { [T in TpTag]: HTMLAttributes<HTMLElementTagNameMap[T]> };

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends TpIntrinsicElements<PreactAttributes> {}
  }
}
