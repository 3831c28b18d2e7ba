import { describe, expect, it } from 'vitest';
import { startTelemetry, track } from '../../../src/telemetry/index.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { emitFrom, resetAfterEach } from './helpers.js';

resetAfterEach();

async function capture(run: () => void) {
  const sink = memorySink();
  const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
  run();
  await hub.flush();
  return sink.events;
}

describe('the event', () => {
  it('fills every field of schema v1', async () => {
    history.replaceState(null, '', '/checkout');
    const [event] = await capture(() => track('site.paid', { amount: 12 }));
    expect(event).toEqual({
      v: 1,
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      name: 'site.paid',
      time: expect.any(Number),
      seq: 1,
      session: expect.stringMatching(/^[0-9a-f]{16}$/),
      page_view: expect.stringMatching(/^[0-9a-f]{16}$/),
      page: '/checkout',
      component: undefined,
      props: { amount: 12 },
      sample_rate: 1,
      labels: {},
    });
    expect(Math.abs(event!.time - Date.now())).toBeLessThan(1000);
  });

  it('gives each event its own id and the next seq, within one page view and session', async () => {
    const events = await capture(() => ['a', 'b', 'c'].forEach((n) => track(`site.${n}`)));
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(new Set(events.map((e) => e.page_view)).size).toBe(1);
    expect(new Set(events.map((e) => e.session)).size).toBe(1);
  });

  it('labels a component from data-tp-* on its ancestors, across shadow roots; the nearest wins', async () => {
    document.body.innerHTML = `
      <main data-tp-variant="a" data-tp-page-type="pricing" data-other="x">
        <section data-tp-variant="b"><div id="host"></div></section>
      </main>`;
    const host = document.getElementById('host')!;
    const inner = document.createElement('div');
    inner.setAttribute('data-tp-slot', 'footer');
    const component = document.createElement('tp-test');
    component.id = 'deep';
    inner.append(component);
    host.attachShadow({ mode: 'open' }).append(inner);

    const [event] = await capture(() => emitFrom(component));
    expect(event!.labels).toEqual({ slot: 'footer', variant: 'b', 'page-type': 'pricing' });
    expect(event!.component).toEqual({ tag: 'tp-test', id: 'deep' });
  });
});
