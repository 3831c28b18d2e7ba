// The submit confirmation shows the reply promise of a <tp-reply-promise> inside it: both tags are defined.
import '../reply-promise/define.js';
import { define } from '../core/define.js';
import { TpSubmitConfirmation } from './submit-confirmation.js';

export { TpSubmitConfirmation };

define('tp-submit-confirmation', TpSubmitConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'tp-submit-confirmation': TpSubmitConfirmation;
  }
}
