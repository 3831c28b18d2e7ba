import { define } from '../core/define.js';
import { TpProgressBar } from './progress-bar.js';

export { TpProgressBar };

define('tp-progress-bar', TpProgressBar);

declare global {
  interface HTMLElementTagNameMap {
    'tp-progress-bar': TpProgressBar;
  }
}
