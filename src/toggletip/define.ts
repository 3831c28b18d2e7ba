import { define } from '../core/define.js';
import { TpToggletip } from './toggletip.js';

export { TpToggletip };

define('tp-toggletip', TpToggletip);

declare global {
  interface HTMLElementTagNameMap {
    'tp-toggletip': TpToggletip;
  }
}
