// The <tp-tooltip> React component (`touchpoint/react/tooltip`, and in `touchpoint/react`). Using
// it registers <tp-tooltip>; an app that imports it and does not use it bundles none of it (see
// ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpTooltip as Instance } from '../tooltip/define.js';
import { TpTooltip as ElementClass } from '../tooltip/tooltip.js';
import { wrap, type On } from './wrap.js';

const events = {
  onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'>,
  onTpShow: 'tp-show' as On<'tp-show'>,
  onTpAfterShow: 'tp-after-show' as On<'tp-after-show'>,
  onTpHide: 'tp-hide' as On<'tp-hide'>,
  onTpAfterHide: 'tp-after-hide' as On<'tp-after-hide'>,
};

export const TpTooltip: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-tooltip', ElementClass, events);
