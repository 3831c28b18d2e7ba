// The <tp-toggletip> React component (`touchpoint/react/toggletip`, and in `touchpoint/react`).
// Using it registers <tp-toggletip>; an app that imports it and does not use it bundles none of it
// (see ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpToggletip as Instance } from '../toggletip/define.js';
import { TpToggletip as ElementClass } from '../toggletip/toggletip.js';
import { wrap, type On } from './wrap.js';

const events = {
  onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'>,
  onTpShow: 'tp-show' as On<'tp-show'>,
  onTpAfterShow: 'tp-after-show' as On<'tp-after-show'>,
  onTpHide: 'tp-hide' as On<'tp-hide'>,
  onTpAfterHide: 'tp-after-hide' as On<'tp-after-hide'>,
};

export const TpToggletip: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-toggletip', ElementClass, events);
