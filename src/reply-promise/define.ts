import { define } from '../core/define.js';
import { TpReplyPromise } from './reply-promise.js';

export { TpReplyPromise };

define('tp-reply-promise', TpReplyPromise);

declare global {
  interface HTMLElementTagNameMap {
    'tp-reply-promise': TpReplyPromise;
  }
}
