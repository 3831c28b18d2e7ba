// `touchpoint/jsx/react`: `<tp-tooltip>` and every other Touchpoint tag in React 19 JSX, with typed
// options and `ontp-*` event props. Types only: import the define modules (or `touchpoint/autoloader`)
// to register the elements — before rendering: React 19 sets a prop as a property only when the element
// already has it, else as an attribute. `import type {} from 'touchpoint/jsx/react'` once in the app.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TpIntrinsicElements, TpTag } from './index.js';

type ReactAttributes = { [T in TpTag]: DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[T]>, HTMLElementTagNameMap[T]> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends TpIntrinsicElements<ReactAttributes> {}
  }
}
