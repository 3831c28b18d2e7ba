// The <tp-tooltip> React component (`touchpoint/react/tooltip`, and in `touchpoint/react`). Using
// it registers <tp-tooltip>; an app that imports it and does not use it bundles none of it (see
// ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpTooltip as Instance } from '../tooltip/define.js';
import { TpTooltip as ElementClass } from '../tooltip/tooltip.js';
import { popoverEvents, wrap } from './wrap.js';

const events = popoverEvents;

export const TpTooltip: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-tooltip', ElementClass, events);
