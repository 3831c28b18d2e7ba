// The script-tag entry (dist/touchpoint.min.js): defines every element and reads the data-*
// configuration of its own <script>. The only module allowed to touch `document` at load.
import { readScriptConfig } from './script-config.js';
import { startFromScriptTag } from './telemetry/script-tag.js';
import { loadVitals } from './vitals/script-tag.js';
import './progress-bar/define.js';
import './tooltip/define.js';
import './toggletip/define.js';
import './submit-confirmation/define.js';
import './steps/define.js';
import './busy/define.js';
import './unsubscribe/define.js';
// Every language pack: a script tag has no import step. Elements upgraded above render in a
// microtask, after this whole script, so they have their words at once (no flash of English).
import './locales/es.js';
import './locales/de.js';
import './locales/fr.js';

readScriptConfig(document.currentScript);
startFromScriptTag(document.currentScript);
loadVitals(document.currentScript);
