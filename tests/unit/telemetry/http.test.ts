import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../../src/core/outbox.js';
import type { SendEnvironment } from '../../../src/core/send.js';
import { shared } from '../../../src/core/shared.js';
import { shutdown, startTelemetry, track, type Sink, type TelemetryEvent } from '../../../src/telemetry/index.js';
import { httpSink, type HttpSinkOptions } from '../../../src/telemetry/sinks/http.js';
import { otlpSink } from '../../../src/telemetry/sinks/otlp.js';
import { segmentSink } from '../../../src/telemetry/sinks/segment.js';
import { envWithFetch, resetAfterEach } from './helpers.js';

resetAfterEach();

type Step = number | 'network' | [number, string];

interface Call {
  url: string;
  body: string;
  keepalive: boolean;
  key: string;
  contentType: string;
}

/** A scripted collector behind an injected fetch: each step answers one request (then 200 for ever). */
function collector(steps: Step[] = []) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const env: SendEnvironment = {
    now: () => 0,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    whenOnline: async () => {},
    fetch: async (url, init) => {
      const headers = init!.headers as Record<string, string>;
      calls.push({
        url: String(url),
        body: String(init!.body),
        keepalive: init!.keepalive === true,
        key: headers['Idempotency-Key']!,
        contentType: headers['Content-Type']!,
      });
      const step = steps.shift() ?? 200;
      if (step === 'network') throw new TypeError('Failed to fetch');
      const [status, retryAfter] = Array.isArray(step) ? step : [step, undefined];
      return new Response(null, { status, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
    },
  };
  /** Event ids per request, in order. */
  const ids = () => calls.map((c) => (JSON.parse(c.body) as TelemetryEvent[]).map((e) => e.id));
  return { env, calls, sleeps, ids };
}

let n = 0;
/** Each test its own outbox key: sinks of earlier tests still listen for `online`. */
const freshKey = () => `tp-outbox-test-${++n}`;

function start(env: SendEnvironment, options: Partial<HttpSinkOptions> = {}) {
  const key = freshKey();
  const sink = httpSink({ endpoint: '/collect', env, ...options, outbox: { key, ...options.outbox } });
  const hub = startTelemetry({ sinks: [sink], consent: 'granted', batchSize: 10 });
  return { sink, hub, key, stored: () => storedAt(key) };
}

/** What the outbox `key` holds (one localStorage entry per batch), oldest first. */
const storedAt = (key: string) =>
  Object.keys(localStorage)
    .filter((name) => name.startsWith(`${key}:`))
    .map((name) => JSON.parse(localStorage.getItem(name)!) as { body: string; idempotencyKey: string; keptAt: number; n: number })
    .sort((a, b) => a.keptAt - b.keptAt);

const setOnline = (value: boolean) => Object.defineProperty(navigator, 'onLine', { value, configurable: true });
const setHidden = (hidden: boolean) =>
  Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });

/** Lets scheduled drains (promise chains, Web Locks) run; the injected sleep returns at once. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

let beacon: ReturnType<typeof vi.fn<(url: string, body: string) => boolean>>;
beforeEach(() => {
  beacon = vi.fn<(url: string, body: string) => boolean>(() => true);
  Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
});
afterEach(() => {
  setOnline(true);
  setHidden(false);
  dispatchEvent(new Event('pageshow'));
  localStorage.clear();
});

describe('httpSink', () => {
  it('posts each batch as JSON with keepalive and an Idempotency-Key, storing nothing', async () => {
    const { env, calls } = collector();
    const { hub, key } = start(env);
    for (let i = 0; i < 12; i++) track('site.clicked', { i });
    await hub.flush();
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => (JSON.parse(c.body) as unknown[]).length)).toEqual([10, 2]);
    expect(calls[0]).toMatchObject({ url: '/collect', keepalive: true, contentType: 'application/json' });
    expect(calls[0]!.key).toMatch(/^[0-9a-f]{32}$/);
    expect(calls[0]!.key).not.toBe(calls[1]!.key);
    expect(storedAt(key)).toEqual([]);
  });

  it('after a 5xx keeps the batch, then resends it with the same key and event ids until it gets through', async () => {
    const { env, calls, ids } = collector([500, 500, 500]);
    const { hub, stored } = start(env);
    track('site.one');
    track('site.two');
    await hub.flush();
    expect(stored()).toHaveLength(1); // kept after the first failure, before any retry
    await settle();
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.key)).size).toBe(1);
    expect(ids().every((list) => list.join() === ids()[0]!.join())).toBe(true);
    expect(calls.slice(1).every((c) => !c.keepalive)).toBe(true); // retries come from storage, not from the unload budget
    expect(stored()).toEqual([]);
  });

  it('never stores its custom headers (they may be credentials), yet sends them on every retry', async () => {
    const { env, calls } = collector([503]);
    const seen: (string | undefined)[] = [];
    const fetch = env.fetch;
    env.fetch = (url, init) => (seen.push((init!.headers as Record<string, string>).Authorization), fetch(url, init));
    const { hub, key } = start(env, { headers: { Authorization: 'Bearer s3cret' } });
    track('site.one');
    await hub.flush();
    expect(JSON.stringify(storedAt(key))).not.toContain('s3cret');
    await settle();
    expect(calls).toHaveLength(2);
    expect(seen).toEqual(['Bearer s3cret', 'Bearer s3cret']);
  });

  it('a batch that cannot be stored after a failure is counted, not silently lost', async () => {
    const { env, calls } = collector(['network']);
    // A store too small for this batch: the outbox refuses it (and keeps what it had).
    const { hub, stored } = start(env, { outbox: { maxBytes: 200 } });
    track('site.one', { padding: 'x'.repeat(300) });
    track('site.two');
    await hub.flush();
    expect(stored()).toEqual([]);
    track('site.three');
    await hub.flush();
    await settle();
    // Reported once something got through again, in the batch after it.
    await hub.flush();
    const sent = calls.flatMap((c) => JSON.parse(c.body) as TelemetryEvent[]);
    expect(sent.map((e) => [e.name, e.props])).toContainEqual(['tp.telemetry.dropped', { unstored: 2 }]);
  });

  it('waits for Retry-After (capped by the policy) before the first retry', async () => {
    const { env, sleeps, calls } = collector([[429, '30']]);
    const { hub } = start(env, { policy: { maxRetryAfterMs: 20_000 } });
    track('site.one');
    await hub.flush();
    await settle();
    expect(sleeps[0]).toBe(20_000);
    expect(calls).toHaveLength(2);
  });

  it('without Retry-After, waits the first jittered backoff', async () => {
    const { env, sleeps } = collector([503]);
    const { hub } = start(env, { policy: { baseDelayMs: 1000 } });
    track('site.one');
    await hub.flush();
    expect(sleeps[0]).toBe(500); // random 0.5 × 1000
  });

  it('does not keep or retry a batch the collector rejects (4xx); the hub counts it as lost', async () => {
    const { env, calls } = collector([400]);
    const { hub, stored } = start(env);
    track('site.bad');
    await hub.flush();
    await settle();
    expect(stored()).toEqual([]);
    track('site.next');
    await hub.flush();
    const last = JSON.parse(calls.at(-1)!.body) as TelemetryEvent[];
    expect(last.map((e) => [e.name, e.props])).toEqual([
      ['site.next', {}],
      ['tp.telemetry.dropped', { sink_error: 1 }],
    ]);
  });

  it('gives a silent collector 8 s (under the hub’s 10), then keeps the batch: retried, not counted as lost', async () => {
    const timeout = new AbortController();
    const asked = vi.spyOn(AbortSignal, 'timeout').mockReturnValueOnce(timeout.signal);
    const { env, ids } = collector();
    const hanging: SendEnvironment = {
      ...env,
      fetch: (url, init) =>
        String(init!.body).includes('site.slow')
          ? new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)))
          : env.fetch(url, init),
    };
    const { hub, stored } = start(hanging);
    track('site.slow');
    const flushed = hub.flush();
    await settle();
    expect(asked).toHaveBeenCalledWith(8_000);
    expect(stored()).toEqual([]);
    timeout.abort(new DOMException('timed out', 'TimeoutError'));
    await flushed;
    expect(stored()).toHaveLength(1);
    track('site.next');
    await hub.flush();
    expect(ids().flat()).toHaveLength(1); // site.next alone: no tp.telemetry.dropped
  });

  it('offline: keeps without trying, and sends when the browser is back online', async () => {
    const { env, calls, ids } = collector();
    const { hub, stored } = start(env);
    setOnline(false);
    track('site.offline');
    await hub.flush();
    expect(calls).toEqual([]);
    expect(stored()).toHaveLength(1);
    const [event] = JSON.parse(stored()[0]!.body) as TelemetryEvent[];
    setOnline(true);
    dispatchEvent(new Event('online'));
    await settle();
    expect(ids()).toEqual([[event!.id]]);
    expect(stored()).toEqual([]);
  });

  it('a new page (a new sink on the same key) sends what an earlier page kept, once told consent is granted', async () => {
    const first = collector(['network', 'network']);
    const { hub, key, stored } = start(first.env, { policy: { maxAttempts: 1 } });
    track('site.before_reload');
    await hub.flush();
    await settle();
    expect(stored()).toHaveLength(1);
    const next = collector();
    const sink = httpSink({ endpoint: '/collect', env: next.env, outbox: { key } });
    await settle();
    expect(next.ids()).toEqual([]); // not before this page's consent is known
    sink.consent!('granted');
    await settle();
    expect(next.ids()).toEqual(first.ids().slice(0, 1));
    expect(stored()).toEqual([]);
  });

  it('after a successful send, drains what was kept before', async () => {
    const { env, ids } = collector(['network', 'network']);
    const { hub, stored } = start(env, { policy: { maxAttempts: 1 } });
    track('site.lost_first');
    await hub.flush();
    await settle();
    expect(stored()).toHaveLength(1);
    track('site.works_now');
    await hub.flush();
    await settle();
    expect(stored()).toEqual([]);
    expect(ids()).toHaveLength(4);
    expect(ids()[3]).toEqual(ids()[0]);
  });

  it('reports the events the bounded outbox pushed out, once something gets through', async () => {
    const { env, calls } = collector();
    const { hub, stored } = start(env, { outbox: { maxItems: 2 } });
    setOnline(false);
    for (let batch = 0; batch < 5; batch++) {
      for (let i = 0; i < 3; i++) track('site.offline', { batch, i });
      await hub.flush();
    }
    expect(stored()).toHaveLength(2);
    setOnline(true);
    dispatchEvent(new Event('online'));
    await settle();
    await hub.flush();
    const names = calls.flatMap((c) => (JSON.parse(c.body) as TelemetryEvent[]).map((e) => [e.name, e.props.batch ?? e.props]));
    expect(names).toEqual([
      ['site.offline', 3],
      ['site.offline', 3],
      ['site.offline', 3],
      ['site.offline', 4],
      ['site.offline', 4],
      ['site.offline', 4],
      ['tp.telemetry.dropped', { overflow: 9 }],
    ]);
  });

  describe('when the page is hidden or left', () => {
    it('sends by sendBeacon as text (no preflight), and stores nothing when the browser takes it', async () => {
      const { env, calls } = collector();
      const { hub, key } = start(env);
      track('site.leaving', { a: 1 });
      setHidden(true);
      document.dispatchEvent(new Event('visibilitychange'));
      await hub.flush();
      expect(calls).toEqual([]);
      expect(beacon).toHaveBeenCalledOnce();
      const [url, body] = beacon.mock.calls[0]!;
      expect(url).toBe('/collect');
      expect(typeof body).toBe('string'); // a string body is sent as text/plain;charset=UTF-8
      expect((JSON.parse(body) as TelemetryEvent[]).map((e) => e.name)).toEqual(['site.leaving']);
      expect(storedAt(key)).toEqual([]);
    });

    it('beacons no more than 64 KiB in all, splitting a batch, and keeps the rest in one piece', async () => {
      const { env } = collector();
      const key = freshKey();
      const hub = startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env, outbox: { key } })], consent: 'granted', batchSize: 25 });
      const big = 'x'.repeat(3_000);
      setHidden(true);
      for (let i = 0; i < 50; i++) track('site.big', { i, note_code: big }); // two batches of ~75 KB
      await hub.flush();
      const sizes = beacon.mock.calls.map(([, body]) => new Blob([body]).size);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(65_536);
      const sent = beacon.mock.calls.flatMap(([, body]) => (JSON.parse(body) as TelemetryEvent[]).map((e) => e.props.i));
      const kept = storedAt(key).map((item) => (JSON.parse(item.body) as TelemetryEvent[]).map((e) => e.props.i));
      // The first batch did not fit in one beacon: split, its tail kept; the second batch kept whole.
      expect(sent.length).toBeGreaterThan(15);
      expect(sent.length).toBeLessThan(25);
      expect(kept).toHaveLength(2);
      expect([...sent, ...kept.flat()]).toEqual([...Array(50).keys()]);
    });

    it('keeps what sendBeacon refuses (it returned false)', async () => {
      beacon.mockReturnValue(false);
      const { env } = collector();
      const { hub, stored } = start(env);
      track('site.refused');
      dispatchEvent(new Event('pagehide'));
      await hub.flush();
      expect(beacon).toHaveBeenCalledOnce();
      expect(stored()).toHaveLength(1);
      expect((JSON.parse(stored()[0]!.body) as TelemetryEvent[])[0]!.name).toBe('site.refused');
    });

    it('keeps instead of beaconing while offline (a beacon would be lost)', async () => {
      const { env } = collector();
      const { hub, stored } = start(env);
      setOnline(false);
      track('site.offline_exit');
      dispatchEvent(new Event('pagehide'));
      await hub.flush();
      expect(beacon).not.toHaveBeenCalled();
      expect(stored()).toHaveLength(1);
    });

    it('on pagehide, resends by beacon a plain (not keepalive) request still in flight', async () => {
      let answer!: (response: Response) => void;
      const bodies: string[] = [];
      const env: SendEnvironment = {
        ...collector().env,
        fetch: (_url, init) => {
          bodies.push(String(init!.body));
          return new Promise<Response>((resolve) => (answer = resolve));
        },
      };
      const { hub, stored } = start(env);
      // Over 64 KiB: too big for keepalive, so the browser would cancel it on unload.
      for (let i = 0; i < 10; i++) track('site.huge', { i, blob_code: 'y'.repeat(7_000) });
      void hub.flush();
      await vi.waitFor(() => expect(bodies).toHaveLength(1));
      dispatchEvent(new Event('pagehide'));
      const resent = beacon.mock.calls.flatMap(([, body]) => (JSON.parse(body) as TelemetryEvent[]).map((e) => e.id));
      const kept = stored().flatMap((item) => (JSON.parse(item.body) as TelemetryEvent[]).map((e) => e.id));
      expect(resent.length).toBeGreaterThan(0);
      expect([...resent, ...kept]).toEqual((JSON.parse(bodies[0]!) as TelemetryEvent[]).map((e) => e.id));
      answer(new Response(null, { status: 200 }));
    });
  });

  it('stores nothing while consent is pending or denied (the hub hands it nothing)', async () => {
    const { env, calls } = collector();
    const key = freshKey();
    const hub = startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env, outbox: { key } })] });
    setOnline(false);
    track('site.pending');
    await hub.flush();
    dispatchEvent(new Event('pagehide'));
    hub.setConsent('denied');
    track('site.denied');
    await hub.flush();
    expect(calls).toEqual([]);
    expect(beacon).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
  });
});

describe('httpSink and this page’s consent (batches kept by an earlier page view)', () => {
  /** An earlier page view, with consent, kept one batch (the collector was down); returns its outbox key. */
  async function keptEarlier(): Promise<{ key: string; ids: string[] }> {
    const earlier = collector(Array<Step>(5).fill('network'));
    const { hub, key, stored } = start(earlier.env, { policy: { maxAttempts: 1 } });
    track('site.earlier');
    await hub.flush();
    await hub.shutdown();
    await settle();
    expect(stored()).toHaveLength(1);
    return { key, ids: earlier.ids()[0]! };
  }

  it('pending: sends nothing it kept until consent is granted, then sends it', async () => {
    const { key, ids } = await keptEarlier();
    const now = collector();
    const hub = startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env: now.env, outbox: { key } })] });
    dispatchEvent(new Event('online'));
    await settle();
    expect(now.calls).toEqual([]);
    expect(storedAt(key)).toHaveLength(1);
    hub.setConsent('granted');
    await settle();
    expect(now.ids()).toEqual([ids]);
    expect(storedAt(key)).toEqual([]);
  });

  it.each([
    ['denied at start', { consent: 'denied' as const, gpc: false }],
    ['Global Privacy Control', { consent: 'granted' as const, gpc: true }],
  ])('%s: sends nothing it kept and forgets it', async (_name, { consent, gpc }) => {
    const { key } = await keptEarlier();
    if (gpc) Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const now = collector();
      startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env: now.env, outbox: { key } })], consent });
      dispatchEvent(new Event('online'));
      await settle();
      expect(now.calls).toEqual([]);
      expect(storedAt(key)).toEqual([]);
    } finally {
      Reflect.deleteProperty(navigator, 'globalPrivacyControl');
    }
  });

  it('consent withdrawn (denied) later: what was kept is forgotten, and no later failure is kept', async () => {
    const { env, calls } = collector(Array<Step>(5).fill('network'));
    const { hub, stored } = start(env, { policy: { maxAttempts: 1 } });
    track('site.one');
    await hub.flush();
    await settle();
    expect(stored()).toHaveLength(1);
    hub.setConsent('denied');
    expect(stored()).toEqual([]);
    const tried = calls.length;
    dispatchEvent(new Event('online'));
    await settle();
    expect(calls).toHaveLength(tried);
    expect(localStorage.length).toBe(0);
  });
});

describe('httpSink and the batches other formats kept (a site that changed data-format or its sinks)', () => {
  const DAY = 24 * 60 * 60 * 1000;
  /** What every telemetry format kept in an earlier page view (its collector was down), under its own key. */
  async function keptByEveryFormat() {
    const down = collector(Array<Step>(20).fill('network'));
    const options = { endpoint: '/old', env: down.env, policy: { maxAttempts: 1 } };
    const sinks = [httpSink(options), otlpSink({ ...options, service: 'site' }), segmentSink(options)];
    const hub = startTelemetry({ sinks, consent: 'granted' });
    track('site.earlier');
    await hub.flush();
    await hub.shutdown();
    await settle();
    // That page is gone: its sinks no longer send (they stay registered for `online` in this test file).
    for (const sink of sinks) sink.consent!('pending');
    const keys = ['tp-outbox-telemetry', 'tp-outbox-otlp', 'tp-outbox-segment'];
    for (const key of keys) expect(storedAt(key)).toHaveLength(1);
    return { keys, kept: keys.map((key) => storedAt(key).map((item) => item.idempotencyKey)) };
  }
  /** A person's own request (an unsubscribe choice), kept in its own outbox: never telemetry. */
  const keepUnsubscribe = () =>
    new Outbox({ key: 'tp-outbox-unsubscribe' }).keep({ url: '/unsubscribe', method: 'POST', body: '{"token":"t"}', idempotencyKey: 'choice' });

  it.each([
    ['denied', { consent: 'denied' as const, gpc: false }],
    ['Global Privacy Control', { consent: 'granted' as const, gpc: true }],
  ])('%s: forgets what every format kept, sends none of it, and keeps the person’s unsubscribe choice', async (_name, { consent, gpc }) => {
    const { keys } = await keptByEveryFormat();
    expect(keepUnsubscribe()).toBe(true);
    if (gpc) Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      // This page: the default format, on its own key (as when a site went from data-format="otlp" back to the default).
      const now = collector();
      startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env: now.env, outbox: { key: freshKey() } })], consent });
      dispatchEvent(new Event('online'));
      await settle();
      expect(now.calls).toEqual([]);
      for (const key of keys) expect(storedAt(key)).toEqual([]);
      expect(storedAt('tp-outbox-unsubscribe').map((item) => item.idempotencyKey)).toEqual(['choice']);
    } finally {
      Reflect.deleteProperty(navigator, 'globalPrivacyControl');
    }
  });

  it('withdrawn later (granted, then denied): the otlp sink forgets the default format’s and Segment’s batches too', async () => {
    const { keys } = await keptByEveryFormat();
    const now = collector();
    const hub = startTelemetry({ sinks: [otlpSink({ endpoint: '/v1/logs', env: now.env, service: 'site', outbox: { key: freshKey() } })], consent: 'granted' });
    await settle();
    for (const key of keys) expect(storedAt(key)).toHaveLength(1);
    hub.setConsent('denied');
    for (const key of keys) expect(storedAt(key)).toEqual([]);
  });

  it('granted: sends none of another format’s batches, leaves the recent ones to their own sink, deletes those past maxAgeMs', async () => {
    const { keys, kept } = await keptByEveryFormat();
    // Each format also kept a batch 8 days ago (past the 7-day default): read by no sink since, it is still there.
    for (const key of keys) localStorage.setItem(`${key}:old`, JSON.stringify({ url: '/old', body: '[]', idempotencyKey: 'old', n: 1, keptAt: Date.now() - 8 * DAY }));
    expect(keepUnsubscribe()).toBe(true);
    const unsubscribe = localStorage.getItem('tp-outbox-unsubscribe:choice');
    localStorage.setItem('tp-outbox-unsubscribe:choice', JSON.stringify({ ...JSON.parse(unsubscribe!), keptAt: Date.now() - 8 * DAY }));
    const now = collector();
    startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env: now.env, outbox: { key: freshKey() } })], consent: 'granted' });
    dispatchEvent(new Event('online'));
    await settle();
    // Deleted when the page is left (by then every sink this page runs has been made).
    expect(storedAt(keys[0]!)).toHaveLength(2);
    dispatchEvent(new Event('pagehide'));
    expect(now.calls).toEqual([]);
    expect(keys.map((key) => storedAt(key).map((item) => item.idempotencyKey))).toEqual(kept);
    // The person's own request is not telemetry: its own outbox decides, not a telemetry sink.
    expect(localStorage.getItem('tp-outbox-unsubscribe:choice')).not.toBeNull();
  });
});

describe('httpSink with an encoder (OTLP, Segment)', () => {
  /** A body that is not an array of events (as OTLP's and Segment's are not): the sink cannot count events in it. */
  const encode = (batch: readonly TelemetryEvent[]) => JSON.stringify({ wrapped: batch.map((e) => [e.name, e.props]) });
  const unwrap = (body: string) => (JSON.parse(body) as { wrapped: [string, TelemetryEvent['props']][] }).wrapped;

  it('posts the encoded body with its content type; kept batches still count their events when dropped', async () => {
    const { env, calls } = collector();
    const { hub, stored } = start(env, { encode, type: 'application/x-test+json', outbox: { maxItems: 1 } });
    setOnline(false);
    for (let i = 0; i < 3; i++) track('site.a', { i });
    await hub.flush();
    for (let i = 0; i < 2; i++) track('site.b', { i });
    await hub.flush();
    // The second batch pushed the first (3 events) out of the outbox (one item at most).
    expect(stored().map((item) => unwrap(item.body).map(([name]) => name))).toEqual([['site.b', 'site.b']]);
    setOnline(true);
    dispatchEvent(new Event('online'));
    await settle();
    track('site.c');
    await hub.flush();
    expect(calls.map((c) => c.contentType)).toEqual(['application/x-test+json', 'application/x-test+json']);
    expect(unwrap(calls[0]!.body)).toEqual([
      ['site.b', { i: 0 }],
      ['site.b', { i: 1 }],
    ]);
    // The report went with the next batch, counting the 3 events of the batch pushed out (not 1 batch).
    expect(unwrap(calls[1]!.body)).toEqual([
      ['tp.telemetry.dropped', { overflow: 3 }],
      ['site.c', {}],
    ]);
  });

  it('on leaving, sends by keepalive fetch (a JSON type cannot go by a cross-origin beacon), within 64 KiB, keeping the rest', async () => {
    const { env, calls } = collector();
    const key = freshKey();
    const sink = httpSink({ endpoint: '/collect', env, encode, type: 'application/json', outbox: { key } });
    const hub = startTelemetry({ sinks: [sink], consent: 'granted', batchSize: 25 });
    const big = 'x'.repeat(3_000);
    setHidden(true);
    for (let i = 0; i < 50; i++) track('site.big', { i, note_code: big }); // two batches of ~75 KB
    await hub.flush();
    expect(beacon).not.toHaveBeenCalled();
    expect(calls.every((c) => c.keepalive && c.contentType === 'application/json')).toBe(true);
    expect(calls.map((c) => new Blob([c.body]).size).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(65_536);
    const sent = calls.flatMap((c) => unwrap(c.body).map(([, props]) => props.i));
    const kept = storedAt(key);
    // The first batch did not fit in one request: split, its tail kept in one piece; the second batch kept whole.
    expect(sent.length).toBeGreaterThan(15);
    expect(sent.length).toBeLessThan(25);
    expect(kept.map((item) => item.n)).toEqual([25 - sent.length, 25]);
    expect([...sent, ...kept.flatMap((item) => unwrap(item.body).map(([, props]) => props.i))]).toEqual([...Array(50).keys()]);
  });

  it('on leaving, a keepalive fetch that fails is kept', async () => {
    const { env } = collector(['network']);
    const { hub, stored } = start(env, { encode });
    track('site.leaving');
    dispatchEvent(new Event('pagehide'));
    await hub.flush();
    await settle();
    expect(stored().map((item) => item.n)).toEqual([1]);
  });
});

describe('several sinks on one page: each sends, counts and expires only the batches it kept', () => {
  const HOUR = 60 * 60 * 1000;
  const DAY = 24 * HOUR;
  const policy = { maxAttempts: 1 };
  /** Sinks of this describe: told `pending` after each test, so they stop draining (they stay registered for `online`). */
  const made: Sink[] = [];
  const keepOnPage = <T extends Sink>(sink: T) => (made.push(sink), sink);
  afterEach(() => {
    for (const sink of made.splice(0)) sink.consent!('pending');
  });

  /** Collectors on several hosts behind one fetch: a host in `down` fails (network). Each request is recorded with its headers. */
  function hosts(...down: string[]) {
    const offline = new Set(down);
    const calls: { host: string; headers: Record<string, string>; body: string }[] = [];
    const env = envWithFetch(async (url, init) => {
      const host = new URL(String(url), location.href).host;
      calls.push({ host, headers: { ...(init!.headers as Record<string, string>) }, body: String(init!.body) });
      if (offline.has(host)) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 200 });
    });
    return { env, calls, offline, to: (host: string) => calls.filter((c) => c.host === host) };
  }

  /** The telemetry batches kept in localStorage, every format and endpoint. */
  const kept = () => Object.keys(localStorage).filter((name) => /^tp-outbox-(telemetry|otlp|segment):/.test(name));
  /** Makes what is kept under `prefix` look kept `ms` ago. */
  const age = (prefix: string, ms: number) => {
    for (const name of kept().filter((name) => name.startsWith(prefix))) {
      localStorage.setItem(name, JSON.stringify({ ...JSON.parse(localStorage.getItem(name)!), keptAt: Date.now() - ms }));
    }
  };
  /** The earlier page view is gone: a new one starts with no sinks on it. */
  const newPage = async () => {
    await shutdown();
    delete shared().outboxes;
  };
  /** When orphaned batches are swept: the page is left (every sink this page runs is known by then). */
  const leaveAndComeBack = () => {
    dispatchEvent(new Event('pagehide'));
    dispatchEvent(new Event('pageshow'));
  };

  it.each([
    [
      'two otlp sinks with other endpoints',
      (endpoint: string, headers: Record<string, string> | undefined, env: SendEnvironment) => otlpSink({ endpoint, headers, env, policy, service: 'site' }),
      { 'X-Key': 'key-a' },
    ],
    [
      'the script tag’s data-endpoint sink next to a developer’s httpSink with an API key',
      (endpoint: string, headers: Record<string, string> | undefined, env: SendEnvironment) => httpSink({ endpoint, headers, env, policy }),
      undefined,
    ],
  ])('%s: each sends only what it kept, to its own endpoint, with its own headers', async (_name, make, headersA) => {
    const { env, offline, to } = hosts('a.example');
    const a = keepOnPage(make('https://a.example/in', headersA, env));
    const b = keepOnPage(make('https://b.example/in', { 'X-Key': 'key-b' }, env));
    const hub = startTelemetry({ sinks: [a, b], consent: 'granted' });
    track('site.first');
    await hub.flush();
    await settle();
    // b got through, so it drains its outbox: a's batch is not in it.
    track('site.second');
    await hub.flush();
    await settle();
    expect(kept()).toHaveLength(2); // a's two batches
    offline.clear();
    dispatchEvent(new Event('online'));
    await settle();
    expect(to('a.example').length).toBeGreaterThan(0);
    expect(to('a.example').filter((c) => c.headers['X-Key'] !== headersA?.['X-Key'])).toEqual([]);
    expect(to('b.example').filter((c) => c.headers['X-Key'] !== 'key-b')).toEqual([]);
    for (const host of ['a.example', 'b.example']) {
      expect(to(host).some((c) => c.body.includes('site.first'))).toBe(true);
      expect(to(host).some((c) => c.body.includes('site.second'))).toBe(true);
    }
    expect(kept()).toEqual([]);
  });

  it('a site that moved its collector: the old URL’s batches are not sent, do not hold back the new one’s, and go uncounted past 7 days', async () => {
    const { env, offline, to } = hosts('old.example', 'new.example');
    // An earlier page view posted to the old URL while it was down.
    const old = keepOnPage(httpSink({ endpoint: 'https://old.example/in', env, policy }));
    const earlier = startTelemetry({ sinks: [old], consent: 'granted' });
    track('site.earlier');
    await earlier.flush();
    await settle();
    old.consent!('pending');
    await newPage();
    const tried = to('old.example').length;
    // This page view posts to the new URL, down for a moment, then back; the old one is gone for good.
    const hub = startTelemetry({ sinks: [keepOnPage(httpSink({ endpoint: 'https://new.example/in', headers: { 'X-Key': 'new' }, env, policy }))], consent: 'granted' });
    track('site.now');
    await hub.flush();
    await settle();
    offline.delete('new.example');
    dispatchEvent(new Event('online'));
    await settle();
    expect(to('old.example')).toHaveLength(tried);
    expect(to('new.example').some((c) => c.body.includes('site.now'))).toBe(true);
    expect(kept().map((name) => localStorage.getItem(name)!).filter((text) => text.includes('site.now'))).toEqual([]);
    // The old URL's batch belongs to no sink: after 7 days it is deleted, and no sink counts it as its own loss.
    expect(kept()).toHaveLength(1);
    age('tp-outbox-telemetry:', 8 * DAY);
    leaveAndComeBack();
    expect(kept()).toEqual([]);
    track('site.after');
    await hub.flush();
    await settle();
    expect(to('new.example').some((c) => c.body.includes('site.after'))).toBe(true);
    expect(to('new.example').filter((c) => c.body.includes('tp.telemetry.dropped'))).toEqual([]);
  });

  it.each([
    ['started together (the http sink first)', false],
    ['the otlp sink added later (a second startTelemetry)', true],
  ])('two formats, %s: the otlp sink’s expired batch is left to it, and it reports the loss', async (_name, later) => {
    const { env, offline, to } = hosts('otel.example');
    const otlp = () => keepOnPage(otlpSink({ endpoint: 'https://otel.example/v1/logs', env, policy, service: 'site' }));
    const earlier = startTelemetry({ sinks: [otlp()], consent: 'granted' });
    track('site.earlier');
    await earlier.flush();
    await settle();
    made.pop()!.consent!('pending');
    await newPage();
    expect(kept()).toHaveLength(1);
    age('tp-outbox-otlp:', 8 * DAY);
    offline.clear();
    const http = keepOnPage(httpSink({ endpoint: 'https://in.example/', env, policy }));
    const hub = startTelemetry({ sinks: later ? [http] : [http, otlp()], consent: 'granted' });
    if (later) startTelemetry({ sinks: [otlp()] });
    leaveAndComeBack();
    track('site.now');
    await hub.flush();
    await settle();
    await hub.flush();
    await settle();
    expect(kept()).toEqual([]);
    const report = to('otel.example').filter((c) => c.body.includes('tp.telemetry.dropped'));
    expect(report).toHaveLength(1);
    expect(report[0]!.body).toContain('"expired"');
  });

  it('a sink with a 1-hour maxAgeMs leaves a default sink’s batches to their 7 days, and orphans to the larger of 7 days and its own limit', async () => {
    const { env, offline, to } = hosts('otel.example');
    const earlier = startTelemetry({ sinks: [keepOnPage(otlpSink({ endpoint: 'https://otel.example/v1/logs', env, policy, service: 'site' }))], consent: 'granted' });
    track('site.earlier');
    await earlier.flush();
    await settle();
    made.pop()!.consent!('pending');
    await newPage();
    age('tp-outbox-otlp:', 2 * HOUR);
    const tried = to('otel.example').length;
    // A Segment sink this site no longer runs left two batches: one 2 hours old, one 8 days.
    const orphan = (id: string, ms: number) =>
      localStorage.setItem(`tp-outbox-segment:${id}`, JSON.stringify({ url: 'https://segment.example/v1/batch', body: '{}', idempotencyKey: id, n: 1, keptAt: Date.now() - ms }));
    orphan('recent', 2 * HOUR);
    orphan('old', 8 * DAY);
    offline.clear();
    const sinks = [
      keepOnPage(httpSink({ endpoint: 'https://in.example/', env, policy, outbox: { maxAgeMs: HOUR } })),
      keepOnPage(otlpSink({ endpoint: 'https://otel.example/v1/logs', env, policy, service: 'site' })),
    ];
    startTelemetry({ sinks, consent: 'granted' });
    leaveAndComeBack();
    await settle();
    expect(to('otel.example').slice(tried).some((c) => c.body.includes('site.earlier'))).toBe(true);
    expect(kept()).toEqual(['tp-outbox-segment:recent']);
  });
});
