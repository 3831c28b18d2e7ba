import { define } from '../core/define.js';
import { TpUnsubscribe } from './unsubscribe.js';

export { TpUnsubscribe };

define('tp-unsubscribe', TpUnsubscribe);

declare global {
  interface HTMLElementTagNameMap {
    'tp-unsubscribe': TpUnsubscribe;
  }
}
