import { describe, expect, it } from 'vitest';
import type { TelemetryProps } from '../../../src/core/telemetry-event.js';
import { startTelemetry, track, type TelemetryOptions } from '../../../src/telemetry/index.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { resetAfterEach } from './helpers.js';

resetAfterEach();

async function send(options: TelemetryOptions, ...events: [string, TelemetryProps?][]) {
  const sink = memorySink();
  const hub = startTelemetry({ sinks: [sink], consent: 'granted', ...options });
  for (const [name, props] of events) track(name, props);
  await hub.flush();
  return sink.events;
}

describe('beforeSend', () => {
  it('may change an event', async () => {
    history.replaceState(null, '', '/search?q=shoes');
    const [event] = await send({
      beforeSend: (e) => ({ ...e, page: e.page + location.search, props: { ...e.props, plan: 'pro' } }),
    }, ['site.searched', { results: 3 }]);
    expect(event!.page).toBe('/search?q=shoes');
    expect(event!.props).toEqual({ results: 3, plan: 'pro' });
  });

  it('drops events it returns null for, or throws on, and counts them', async () => {
    const sink = memorySink();
    const hub = startTelemetry({
      sinks: [sink],
      consent: 'granted',
      beforeSend: (e) => {
        if (e.name === 'site.throws') throw new Error('scrubber bug');
        return e.name === 'site.secret' ? null : e;
      },
    });
    track('site.secret');
    track('site.throws');
    track('site.kept');
    await hub.flush();
    expect(sink.events.map((e) => e.name)).toEqual(['site.kept']);
    // The count travels with the next send.
    track('site.next');
    await hub.flush();
    expect(sink.events.slice(1).map((e) => [e.name, e.props])).toEqual([
      ['site.next', {}],
      ['tp.telemetry.dropped', { before_send: 2 }],
    ]);
  });

  it('sees the session and sample rate the event will be sent with', async () => {
    let seen: { session: string; sample_rate: number } | undefined;
    await send({ beforeSend: (e) => ((seen = { session: e.session, sample_rate: e.sample_rate }), e) }, ['site.x']);
    expect(seen!.session).toMatch(/^[0-9a-f]{16}$/);
    expect(seen!.sample_rate).toBe(1);
  });
});

describe('props', () => {
  const freeText = { reason: 'my ex works here', comment: 'call me', message: 'hi', feedback: 'meh', text: 'x', close_text: 'y' };
  const enumerated = { reason_code: 'too_expensive', steps: 3, done: true, plan: null };

  it('drops free-text keys unless the site allows free text', async () => {
    const [event] = await send({}, ['site.cancelled', { ...freeText, ...enumerated }]);
    expect(event!.props).toEqual(enumerated);
  });

  it('keeps free text when the site opts in with allowFreeText', async () => {
    const [event] = await send({ allowFreeText: true }, ['site.cancelled', { ...freeText, ...enumerated }]);
    expect(event!.props).toEqual({ ...freeText, ...enumerated });
  });

  it('keeps flat primitives only (script-tag callers are not type-checked)', async () => {
    const props = { ok: 1, nested: { a: 1 }, list: [1], fn: () => 1 } as unknown as TelemetryProps;
    const [event] = await send({}, ['site.x', props]);
    expect(event!.props).toEqual({ ok: 1 });
  });

  it('records the path only: no query string, no hash', async () => {
    history.replaceState(null, '', '/account/reset?email=someone%40example.com#token=abc');
    const [event] = await send({}, ['site.reset']);
    expect(event!.page).toBe('/account/reset');
  });
});
