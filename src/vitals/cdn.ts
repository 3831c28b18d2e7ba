// dist/touchpoint.vitals.min.js: the classic script `data-vitals` loads next to touchpoint.min.js
// (src/vitals/script-tag.ts). Starting the bridge is all it does.
import { startVitals } from './index.js';

startVitals();
