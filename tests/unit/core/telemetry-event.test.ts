import { afterEach, describe, expect, it } from 'vitest';
import { shared } from '../../../src/core/shared.js';
import {
  PRE_HUB_BUFFER_SIZE,
  TELEMETRY_EVENT,
  emitTelemetry,
  takePreHubEvents,
  type TelemetryDetail,
} from '../../../src/core/telemetry-event.js';

const detail = (n: number): TelemetryDetail => ({
  name: 'tp.test.happened',
  component: { tag: 'tp-test', id: `t${n}` },
  props: { n },
  time: 1_700_000_000_000 + n,
});

afterEach(() => {
  delete shared().hub;
  takePreHubEvents();
});

describe('tp-telemetry event', () => {
  it('bubbles out of a shadow root to the document, composed, with the detail unchanged', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const heard: Event[] = [];
    const listener = (e: Event) => heard.push(e);
    document.addEventListener(TELEMETRY_EVENT, listener);
    emitTelemetry(inner, detail(1));
    document.removeEventListener(TELEMETRY_EVENT, listener);
    host.remove();
    expect(heard).toHaveLength(1);
    const event = heard[0] as CustomEvent<TelemetryDetail>;
    expect(event.bubbles).toBe(true);
    expect(event.composed).toBe(true);
    expect(event.detail).toEqual(detail(1));
  });

  it('keeps only the last 100 events before a hub starts, oldest dropped first', () => {
    for (let n = 0; n < PRE_HUB_BUFFER_SIZE + 25; n++) emitTelemetry(document.body, detail(n));
    const kept = takePreHubEvents();
    expect(kept).toHaveLength(PRE_HUB_BUFFER_SIZE);
    expect(kept[0]!.props.n).toBe(25);
    expect(kept.at(-1)!.props.n).toBe(PRE_HUB_BUFFER_SIZE + 24);
    expect(takePreHubEvents()).toEqual([]);
  });

  it('stops buffering once a hub has started', () => {
    shared().hub = {};
    emitTelemetry(document.body, detail(1));
    expect(takePreHubEvents()).toEqual([]);
  });

  it('shares one buffer between copies of the bundle through a Symbol.for key', () => {
    emitTelemetry(document.body, detail(7));
    const state = (globalThis as unknown as Record<symbol, { buffer: TelemetryDetail[] }>)[Symbol.for('touchpoint')]!;
    expect(state.buffer.map((d) => d.props.n)).toEqual([7]);
  });
});
