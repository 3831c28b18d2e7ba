// The <tp-toggletip> React component (`touchpoint/react/toggletip`, and in `touchpoint/react`).
// Using it registers <tp-toggletip>; an app that imports it and does not use it bundles none of it
// (see ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpToggletip as Instance } from '../toggletip/define.js';
import { TpToggletip as ElementClass } from '../toggletip/toggletip.js';
import { popoverEvents, wrap } from './wrap.js';

const events = popoverEvents;

export const TpToggletip: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-toggletip', ElementClass, events);
