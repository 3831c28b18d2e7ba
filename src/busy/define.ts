import { define } from '../core/define.js';
// <tp-busy> shows a <tp-progress-bar>: importing `touchpoint/busy` alone must be enough.
import '../progress-bar/define.js';
import { TpBusy } from './busy.js';

export { TpBusy };
export { EstimateController } from '../progress-bar/estimate-controller.js';

define('tp-busy', TpBusy);

declare global {
  interface HTMLElementTagNameMap {
    'tp-busy': TpBusy;
  }
}
