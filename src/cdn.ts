// The script-tag entry (dist/touchpoint.min.js): defines every element and reads the data-*
// configuration of its own <script>. The only module allowed to touch `document` at load.
import { readScriptConfig } from './script-config.js';
import { startFromScriptTag } from './telemetry/script-tag.js';
import './progress-bar/define.js';
import './tooltip/define.js';
import './toggletip/define.js';
import './submit-confirmation/define.js';
import './steps/define.js';
import './busy/define.js';
import './unsubscribe/define.js';

readScriptConfig(document.currentScript);
startFromScriptTag(document.currentScript);
