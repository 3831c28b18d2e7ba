// What every `touchpoint/react` wrapper module shares. Internal: not a public entry.
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';
import { define } from '../core/define.js';

/** The type of an `onTp*` prop's event name: React hears the event with its own class and detail. */
export type On<K extends keyof HTMLElementEventMap> = EventName<HTMLElementEventMap[K]>;

/** The events of the elements that show a popover (`<tp-tooltip>`, `<tp-toggletip>`). */
export const popoverEvents = {
  onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'>,
  onTpShow: 'tp-show' as On<'tp-show'>,
  onTpAfterShow: 'tp-after-show' as On<'tp-after-show'>,
  onTpHide: 'tp-hide' as On<'tp-hide'>,
  onTpAfterHide: 'tp-after-hide' as On<'tp-after-hide'>,
};

/**
 * Registers `tagName` (and the elements it renders, `inner`, first) and returns its React component.
 * Each wrapper module calls it once, annotated `#__PURE__`, with only literals and imported names as
 * arguments, and has no other statement with an effect: a bundler (rollup, esbuild, webpack + terser)
 * drops the wrapper, its element and the registration when the app does not use the wrapper.
 */
export function wrap<I extends HTMLElement, E extends Record<string, EventName | string>>(
  tagName: string,
  elementClass: new () => I,
  events: E,
  inner?: readonly [tag: string, elementClass: CustomElementConstructor],
): ReactWebComponent<I, E> {
  if (inner) define(inner[0], inner[1]);
  define(tagName, elementClass);
  return createComponent({ react: React, tagName, elementClass, events });
}
