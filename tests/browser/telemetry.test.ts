import { afterEach, describe, expect, it } from 'vitest';
import '../../src/progress-bar/define.js';
import type { TpProgressBar } from '../../src/progress-bar/progress-bar.js';
import { takePreHubEvents } from '../../src/core/telemetry-event.js';
import { setConsent, shutdown, startTelemetry } from '../../src/telemetry/index.js';
import { dataLayerSink } from '../../src/telemetry/sinks/data-layer.js';
import { memorySink } from '../../src/telemetry/sinks/memory.js';
import schema from '../../schema/event.v1.json' with { type: 'json' };
import { validate } from '../../src/collector/json-schema.js';

const SESSION_KEY = 'touchpoint:session';

/** A progress bar inside a labelled section, run from 10 to 100 (which records `completed`). */
async function completeABar(): Promise<TpProgressBar> {
  document.body.innerHTML = `
    <section data-tp-variant="b">
      <tp-progress-bar id="upload" label="Upload" value="10"></tp-progress-bar>
    </section>`;
  const bar = document.querySelector('tp-progress-bar')!;
  await bar.updateComplete;
  bar.value = 100;
  await bar.updateComplete;
  return bar;
}

afterEach(async () => {
  await shutdown();
  takePreHubEvents();
  sessionStorage.removeItem(SESSION_KEY);
  document.body.replaceChildren();
  delete (window as { dataLayer?: unknown }).dataLayer;
});

describe('telemetry in Chromium', () => {
  it('a real <tp-progress-bar> completing reaches a memory sink with every schema field filled', async () => {
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    await completeABar();
    await hub.flush();
    expect(sink.events).toHaveLength(1);
    const [event] = sink.events;
    expect(event).toMatchObject({
      v: 1,
      name: 'tp.progress_bar.completed',
      component: { tag: 'tp-progress-bar', id: 'upload' },
      page: location.pathname,
      sample_rate: 1,
      labels: { variant: 'b' },
      seq: 1,
    });
    expect(event!.props.duration_ms).toBeTypeOf('number');
    expect(event!.session).toBe(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).id);
    expect(validate(JSON.parse(JSON.stringify(event)), schema)).toEqual([]);
  });

  it('the data-layer sink pushes the event to window.dataLayer', async () => {
    const hub = startTelemetry({ sinks: [dataLayerSink()], consent: 'granted' });
    await completeABar();
    await hub.flush();
    const layer = (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer;
    expect(layer).toEqual([
      {
        event: 'tp.progress_bar.completed',
        touchpoint: expect.objectContaining({ component: { tag: 'tp-progress-bar', id: 'upload' } }),
        _clear: true,
      },
    ]);
  });

  it('with consent pending, nothing reaches sessionStorage (or the sink) until consent is granted', async () => {
    const keysBefore = Object.keys(sessionStorage);
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink] });
    await completeABar();
    await hub.flush();
    expect(Object.keys(sessionStorage)).toEqual(keysBefore);
    expect(sink.events).toEqual([]);

    setConsent('granted');
    await hub.flush();
    expect(sessionStorage.getItem(SESSION_KEY)).not.toBeNull();
    expect(sink.events.map((e) => e.name)).toEqual(['tp.progress_bar.completed']);
  });
});
