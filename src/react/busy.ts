// The <tp-busy> React component (`touchpoint/react/busy`, and in `touchpoint/react`). Using it
// registers <tp-busy> and the <tp-progress-bar> it renders; an app that imports it and does not use
// it bundles none of it (see ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpBusy as Instance } from '../busy/define.js';
import { TpBusy as ElementClass } from '../busy/busy.js';
import { TpProgressBar as InnerClass } from '../progress-bar/progress-bar.js';
import { wrap, type On } from './wrap.js';

const events = { onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'> };

export const TpBusy: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-busy', ElementClass, events, ['tp-progress-bar', InnerClass]);
