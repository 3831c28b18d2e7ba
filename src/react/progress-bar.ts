// The <tp-progress-bar> React component (`touchpoint/react/progress-bar`, and in
// `touchpoint/react`). Using it registers <tp-progress-bar>; an app that imports it and does not
// use it bundles none of it (see ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpProgressBar as Instance } from '../progress-bar/define.js';
import { TpProgressBar as ElementClass } from '../progress-bar/progress-bar.js';
import { wrap, type On } from './wrap.js';

const events = { onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'> };

export const TpProgressBar: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-progress-bar', ElementClass, events);
