import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/progress-bar/define.js';
import { startTelemetry } from '../src/telemetry/index.js';
import { callbackSink } from '../src/telemetry/sinks/callback.js';
import type { TelemetryEvent } from '../src/telemetry/schema.js';

/**
 * The live panel of the Telemetry docs page: the real hub (consent granted, batches of one) hands
 * each event to a callback sink that lists it, so designers and developers see exactly what a
 * site's pipeline would receive when they use the component above it.
 */
const meta: Meta = {
  title: 'Docs/Telemetry/Live events',
  parameters: { docs: { source: { code: null } } },
};
export default meta;

function show(log: HTMLOListElement, events: readonly TelemetryEvent[]) {
  for (const event of events) {
    const item = document.createElement('li');
    const { name, component, props, labels } = event;
    // textContent: event data is shown as text, never parsed as markup.
    item.textContent = `${name} ${JSON.stringify({ component, props, labels })}`;
    log.prepend(item);
  }
}

export const LiveEvents: StoryObj = {
  name: 'Live events',
  render: () => {
    const panel = html`
      <section data-tp-variant="docs">
        <tp-progress-bar id="demo-upload" label="Demo upload" value="0" show-value></tp-progress-bar>
        <p>
          <button type="button" @click=${run}>Run the upload</button>
        </p>
        <h2 id="events-heading">Events the hub sent</h2>
        <ol aria-labelledby="events-heading" aria-live="polite" id="events"></ol>
      </section>
    `;
    queueMicrotask(() => {
      const log = document.getElementById('events') as HTMLOListElement | null;
      if (!log) return;
      startTelemetry({ consent: 'granted', batchSize: 1, flushInterval: 100 }).addSinks([
        callbackSink((batch) => show(log, batch), 'docs-panel'),
      ]);
    });
    return panel;
  },
};

function run(event: Event) {
  const section = (event.target as HTMLElement).closest('section')!;
  const bar = section.querySelector('tp-progress-bar')!;
  let value = 0;
  bar.value = 0;
  const timer = setInterval(() => {
    value = Math.min(100, value + 20);
    bar.value = value;
    if (value === 100) clearInterval(timer);
  }, 150);
}
