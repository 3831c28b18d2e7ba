// The <tp-reply-promise> React component (`touchpoint/react/reply-promise`, and in
// `touchpoint/react`). Using it registers <tp-reply-promise>; an app that imports it and does not
// use it bundles none of it (see ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpReplyPromise as Instance } from '../reply-promise/define.js';
import { TpReplyPromise as ElementClass } from '../reply-promise/reply-promise.js';
import { wrap, type On } from './wrap.js';

const events = { onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'> };

export const TpReplyPromise: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-reply-promise', ElementClass, events);
