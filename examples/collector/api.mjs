// The examples' telemetry goes here: `npm start` mounts the local collector (the same one as
// `npx touchpoint collect`) at /collect on its own server, so the example pages can use
// data-endpoint="/collect" without any CORS set-up. Events land in .data/events.ndjson.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollector } from '../../dist/node/collector/collector.js';

const out = fileURLToPath(new URL('./.data/events.ndjson', import.meta.url));
const collector = createCollector({ out });

export const routes = { '/collect': collector };

export function describe() {
  return `Telemetry from the examples (data-endpoint="/collect") is appended to ${relative(process.cwd(), out)}, one event per line.`;
}
