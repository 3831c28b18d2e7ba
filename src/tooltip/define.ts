import { define } from '../core/define.js';
import { TpTooltip } from './tooltip.js';

export { TpTooltip };

define('tp-tooltip', TpTooltip);

declare global {
  interface HTMLElementTagNameMap {
    'tp-tooltip': TpTooltip;
  }
}
