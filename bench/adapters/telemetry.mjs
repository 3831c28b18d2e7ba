// The telemetry hub (issue 4): main-thread cost per track() and long tasks during a burst,
// against a bare Lit element dispatching the same event with no hub listening.
const fixture = (file) => new URL(`../fixtures/${file}`, import.meta.url).href;

export default {
  name: 'telemetry',
  noun: 'telemetry hub',
  scenarios: ['telemetry'],
  touchpoint: {
    entry: 'touchpoint/telemetry',
    // The bundle must install `window.benchTrack(name, props)`: the site's own track() with the
    // hub running, consent granted so every event goes all the way to a sink.
    setup: {
      imports: { hub: 'touchpoint/telemetry', memory: 'touchpoint/telemetry/memory' },
      code: `hub.startTelemetry({ sinks: [memory.memorySink()], consent: 'granted' });
window.benchTrack = hub.track;`,
    },
  },
  peers: {
    bareLit: { entry: fixture('bare-lit-telemetry.js') },
  },
};
