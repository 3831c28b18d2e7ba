import { afterEach, describe, expect, it, vi } from 'vitest';
import { setConsent, startTelemetry, track } from '../../../src/telemetry/index.js';
import { callbackSink } from '../../../src/telemetry/sinks/callback.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { emitFrom, mountSource, resetAfterEach } from './helpers.js';

resetAfterEach();

const SESSION_KEY = 'touchpoint:session';

/** Every way telemetry could store or send something, watched. */
function watchStorageAndNetwork() {
  return {
    setItem: vi.spyOn(Storage.prototype, 'setItem'),
    getItem: vi.spyOn(Storage.prototype, 'getItem'),
    fetch: vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response()),
  };
}

function setGlobalPrivacyControl(value: boolean | undefined) {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });
}

describe('consent', () => {
  it('pending (the default): events wait in memory; nothing is stored, read or sent', async () => {
    const watch = watchStorageAndNetwork();
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink] });
    emitFrom(mountSource());
    track('site.signup_started');
    await hub.flush();
    expect(sink.events).toEqual([]);
    expect(watch.setItem).not.toHaveBeenCalled();
    expect(watch.getItem).not.toHaveBeenCalled();
    expect(watch.fetch).not.toHaveBeenCalled();
    expect(sessionStorage.length).toBe(0);

    setConsent('granted');
    await hub.flush();
    expect(sink.events.map((e) => e.name)).toEqual(['tp.test.happened', 'site.signup_started']);
    expect(watch.setItem).toHaveBeenCalledOnce();
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).id).toBe(sink.events[0]!.session);
  });

  it('pending → denied: the waiting events are dropped, and nothing was ever stored', async () => {
    const watch = watchStorageAndNetwork();
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink] });
    const source = mountSource();
    emitFrom(source, 'one');
    emitFrom(source, 'two');
    setConsent('denied');
    emitFrom(source, 'three');
    await hub.flush();
    expect(sink.events).toEqual([]);
    expect(watch.setItem).not.toHaveBeenCalled();
    expect(watch.getItem).not.toHaveBeenCalled();
    expect(watch.fetch).not.toHaveBeenCalled();
    expect(sessionStorage.length).toBe(0);

    // Granting later sends none of them: only how many were lost, and why.
    setConsent('granted');
    await hub.flush();
    expect(sink.events.map((e) => [e.name, e.props])).toEqual([['tp.telemetry.dropped', { consent_denied: 3 }]]);
  });

  it('granted at start: events are sent and the session is stored', async () => {
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    track('site.checkout_opened', { step: 1 });
    await hub.flush();
    expect(sink.events).toHaveLength(1);
    expect(sink.events[0]).toMatchObject({ name: 'site.checkout_opened', props: { step: 1 } });
    expect(sessionStorage.getItem(SESSION_KEY)).not.toBeNull();
  });

  it('granted → denied: the stored session is removed and nothing more is sent', async () => {
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    expect(sessionStorage.getItem(SESSION_KEY)).not.toBeNull();
    setConsent('denied');
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
    track('site.after_withdrawal');
    await hub.flush();
    expect(sink.events).toEqual([]);
  });

  describe('Global Privacy Control', () => {
    afterEach(() => setGlobalPrivacyControl(undefined));

    it('navigator.globalPrivacyControl counts as denied, even when the site grants consent', async () => {
      setGlobalPrivacyControl(true);
      const setItem = vi.spyOn(Storage.prototype, 'setItem');
      const sink = memorySink();
      const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
      track('site.one');
      setConsent('granted');
      track('site.two');
      await hub.flush();
      expect(sink.events).toEqual([]);
      expect(setItem).not.toHaveBeenCalled();
    });

    it('the site owner can choose not to respect it', async () => {
      setGlobalPrivacyControl(true);
      const sink = memorySink();
      const hub = startTelemetry({ sinks: [sink], consent: 'granted', respectGlobalPrivacyControl: false });
      track('site.one');
      await hub.flush();
      expect(sink.events.map((e) => e.name)).toEqual(['site.one']);
    });
  });

  describe('batches an earlier page kept (an HTTP-type sink, its collector down), on a page with no such sink', () => {
    afterEach(() => {
      setGlobalPrivacyControl(undefined);
      localStorage.clear();
    });

    const TELEMETRY = ['tp-outbox-telemetry', 'tp-outbox-otlp', 'tp-outbox-segment'];
    /** As the outbox keeps them: one entry per request, `<key>:<idempotencyKey>`. */
    const keep = (key: string, idempotencyKey: string) =>
      localStorage.setItem(`${key}:${idempotencyKey}`, JSON.stringify({ url: '/collect', body: '[]', idempotencyKey, n: 1, keptAt: Date.now() }));
    const names = () => Object.keys(localStorage).sort();

    it.each([
      ['denied later (pending, then denied)', { consent: 'pending' as const, gpc: false, later: true }],
      ['denied at start', { consent: 'denied' as const, gpc: false, later: false }],
      ['Global Privacy Control (the site grants consent)', { consent: 'granted' as const, gpc: true, later: false }],
    ])('%s: the hub forgets every telemetry batch kept; the person’s unsubscribe choice and the site’s own keys stay', (_name, { consent, gpc, later }) => {
      for (const key of TELEMETRY) ['a', 'b'].forEach((id) => keep(key, id));
      keep('tp-outbox-unsubscribe', 'choice');
      localStorage.setItem('site:prefs', '{}');
      setGlobalPrivacyControl(gpc);
      const batches: unknown[] = [];
      const hub = startTelemetry({ sinks: [callbackSink((batch) => void batches.push(batch))], consent });
      if (later) {
        expect(names()).toHaveLength(8);
        hub.setConsent('denied');
      }
      expect(names()).toEqual(['site:prefs', 'tp-outbox-unsubscribe:choice']);
      expect(batches).toEqual([]);
    });

    it('granted and pending: the hub itself leaves them (their own sink sends them under granted)', () => {
      for (const key of TELEMETRY) keep(key, 'a');
      const hub = startTelemetry({ sinks: [callbackSink(() => {})] });
      hub.setConsent('granted');
      expect(names()).toEqual(TELEMETRY.map((key) => `${key}:a`).sort());
    });
  });

  it('tells each sink the consent (Sink.consent): at start, when it changes, and when a sink is added; GPC as denied', () => {
    const told: string[] = [];
    const sink = { name: 'told', send() {}, consent: (state: string) => told.push(state) };
    const hub = startTelemetry({ sinks: [sink] });
    expect(told).toEqual(['pending']);
    hub.setConsent('granted');
    hub.setConsent('denied');
    expect(told).toEqual(['pending', 'granted', 'denied']);
    const late: string[] = [];
    hub.addSinks([{ name: 'late', send() {}, consent: (state: string) => late.push(state) }]);
    expect(late).toEqual(['denied']);
    void hub.shutdown();
    setGlobalPrivacyControl(true);
    try {
      const gpc: string[] = [];
      startTelemetry({ consent: 'granted', sinks: [{ name: 'gpc', send() {}, consent: (state: string) => gpc.push(state) }] }).setConsent('granted');
      expect(gpc).toEqual(['denied', 'denied']);
    } finally {
      setGlobalPrivacyControl(undefined);
    }
  });
});
