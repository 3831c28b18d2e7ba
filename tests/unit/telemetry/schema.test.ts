import { describe, expect, it } from 'vitest';
import schema from '../../../schema/event.v1.json' with { type: 'json' };
import { setConsent, startTelemetry, track } from '../../../src/telemetry/index.js';
import type { TelemetryEvent } from '../../../src/telemetry/schema.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { emitFrom, mountSource, resetAfterEach } from './helpers.js';
import { validate } from '../../../src/collector/json-schema.js';

resetAfterEach();

/** What a collector receives: the event as JSON. */
const wire = (event: unknown) => JSON.parse(JSON.stringify(event));

async function producedEvents(): Promise<TelemetryEvent[]> {
  const sink = memorySink();
  const hub = startTelemetry({ sinks: [sink], maxQueue: 2 });
  track('site.dropped'); // maxQueue 2: dropped by the next two, so a drop report follows
  track('site.checkout_opened', { step: 2 });
  const source = mountSource('upload');
  source.setAttribute('data-tp-variant', 'b');
  emitFrom(source, 'completed', { duration_ms: 1200, ok: true, note: null });
  setConsent('granted');
  await hub.flush();
  return sink.events;
}

describe('schema/event.v1.json', () => {
  it('is a draft 2020-12 schema for version 1', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.v.const).toBe(1);
  });

  it('accepts what the hub produces: site events, component events and the drop report', async () => {
    const events = await producedEvents();
    expect(events.map((e) => e.name)).toEqual(['site.checkout_opened', 'tp.test.completed', 'tp.telemetry.dropped']);
    for (const event of events) expect(validate(wire(event), schema)).toEqual([]);
    expect(wire(events[0]!)).not.toHaveProperty('component');
    expect(wire(events[1]!)).toMatchObject({ component: { tag: 'tp-test', id: 'upload' }, labels: { variant: 'b' } });
  });

  it('rejects events that break it (the checker is not a rubber stamp)', async () => {
    const [event] = await producedEvents();
    const good = wire(event);
    const broken = (change: (e: Record<string, unknown>) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return validate(copy, schema);
    };
    expect(broken((e) => delete e.session)).toEqual(['$: missing session']);
    expect(broken((e) => (e.props = { nested: { a: 1 } }))).toEqual(['$.props.nested: expected string or number or boolean or null, got object']);
    expect(broken((e) => (e.id = 'not-hex'))).toEqual(['$.id: does not match ^[0-9a-f]{16}$']);
    expect(broken((e) => (e.time = '2024-01-01'))).toEqual(['$.time: expected integer, got string']);
    expect(broken((e) => (e.sample_rate = 0))).toEqual(['$.sample_rate: not above 0']);
    expect(broken((e) => (e.email = 'a@b.c'))).toEqual(['$: unexpected property email']);
    expect(broken((e) => (e.v = 2))).toEqual(['$.v: expected 1']);
  });
});
