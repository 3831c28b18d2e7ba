// The <tp-unsubscribe> React component (`touchpoint/react/unsubscribe`, and in `touchpoint/react`).
// Using it registers <tp-unsubscribe>; an app that imports it and does not use it bundles none of
// it (see ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpUnsubscribe as Instance } from '../unsubscribe/define.js';
import { TpUnsubscribe as ElementClass } from '../unsubscribe/unsubscribe.js';
import { wrap, type On } from './wrap.js';

const events = {
  onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'>,
  onTpUnsubscribeSaved: 'tp-unsubscribe-saved' as On<'tp-unsubscribe-saved'>,
};

export const TpUnsubscribe: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-unsubscribe', ElementClass, events);
