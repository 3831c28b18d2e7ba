import { describe, expect, it, vi } from 'vitest';
import { setConsent, shutdown, startTelemetry, track } from '../../../src/telemetry/index.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { resetAfterEach } from './helpers.js';

resetAfterEach();

/** Starts a hub, sends one event and returns what arrived, then stops the hub. */
async function sendOne(sampleRate: number, random: number) {
  vi.spyOn(Math, 'random').mockReturnValue(random);
  const sink = memorySink();
  startTelemetry({ sinks: [sink], consent: 'granted', sampleRate });
  track('site.viewed');
  await shutdown();
  return sink.events;
}

describe('sampling per session', () => {
  it('records the sample rate on every event of a sampled-in session', async () => {
    const events = await sendOne(0.5, 0.2);
    expect(events).toHaveLength(1);
    expect(events[0]!.sample_rate).toBe(0.5);
  });

  it('a sampled-out session sends nothing, not even a drop report', async () => {
    expect(await sendOne(0.5, 0.7)).toEqual([]);
  });

  it('keeps the decision for the session across a hub restart, whatever chance says next time', async () => {
    const first = await sendOne(0.5, 0.2);
    const second = await sendOne(0.5, 0.99);
    expect(second).toHaveLength(1);
    expect(second[0]!.session).toBe(first[0]!.session);

    sessionStorage.clear(); // a new tab: a new session, a new decision
    expect(await sendOne(0.5, 0.7)).toEqual([]);
    expect(await sendOne(0.5, 0.01)).toEqual([]);
  });

  it('keeps the rate the session was sampled with, even if the page asks for another later', async () => {
    await sendOne(0.5, 0.2);
    const later = await sendOne(0.1, 0.2);
    expect(later[0]!.sample_rate).toBe(0.5);
  });

  it('decides only once consent is granted, so a pending page makes no decision to store', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.2);
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], sampleRate: 0.5 });
    track('site.viewed');
    expect(random).not.toHaveBeenCalled();
    setConsent('granted');
    await hub.flush();
    expect(random).toHaveBeenCalledOnce();
    expect(sink.events).toHaveLength(1);
  });
});
