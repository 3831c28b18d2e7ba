// The <tp-steps> React component (`touchpoint/react/steps`, and in `touchpoint/react`). Using it
// registers <tp-steps>; an app that imports it and does not use it bundles none of it (see
// ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpSteps as Instance } from '../steps/define.js';
import { TpSteps as ElementClass } from '../steps/steps.js';
import { wrap, type On } from './wrap.js';

const events = { onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'> };

export const TpSteps: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-steps', ElementClass, events);
