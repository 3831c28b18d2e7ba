import { define } from '../core/define.js';
import { TpSteps } from './steps.js';

export { TpSteps };

define('tp-steps', TpSteps);

declare global {
  interface HTMLElementTagNameMap {
    'tp-steps': TpSteps;
  }
}
