// The HTTP sink's outboxes seen from a page with one sink (a file of its own: sinks made by other
// test files' pages would still listen for `pagehide` here).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTelemetry } from '../../../src/telemetry/index.js';
import { httpSink } from '../../../src/telemetry/sinks/http.js';
import { otlpSink } from '../../../src/telemetry/sinks/otlp.js';
import { recordingEnv, resetAfterEach } from './helpers.js';

resetAfterEach();
afterEach(() => localStorage.clear());

const DAY = 24 * 60 * 60 * 1000;
/** A batch some sink kept `ms` ago in the outbox `key`. */
const keptAgo = (key: string, id: string, ms: number) =>
  localStorage.setItem(`${key}:${id}`, JSON.stringify({ url: '/in', body: '[]', idempotencyKey: id, n: 1, keptAt: Date.now() - ms }));

describe('httpSink outboxes: one per format and endpoint', () => {
  it('under granted, an orphan (kept by no sink on this page) younger than this sink’s longer maxAgeMs stays until then', () => {
    keptAgo('tp-outbox-otlp', 'week', 8 * DAY);
    keptAgo('tp-outbox-otlp', 'month', 31 * DAY);
    const { env } = recordingEnv();
    startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env, outbox: { maxAgeMs: 30 * DAY } })], consent: 'granted' });
    dispatchEvent(new Event('pagehide'));
    dispatchEvent(new Event('pageshow'));
    expect(Object.keys(localStorage)).toEqual(['tp-outbox-otlp:week']);
  });

  it('denied forgets the batches kept for other endpoints too, of its format and the others', () => {
    keptAgo(`tp-outbox-telemetry:${encodeURIComponent('https://old.example/in')}`, 'a', DAY);
    keptAgo(`tp-outbox-otlp:${encodeURIComponent('https://otel.example/v1/logs')}`, 'b', DAY);
    keptAgo('tp-outbox-unsubscribe', 'choice', DAY);
    const { env, posted } = recordingEnv();
    startTelemetry({ sinks: [otlpSink({ endpoint: '/v1/logs', env, service: 'site' })], consent: 'denied' });
    expect(posted).toEqual([]);
    expect(Object.keys(localStorage)).toEqual(['tp-outbox-unsubscribe:choice']);
  });

  it('denied forgets every endpoint’s batches under a custom outbox key, which the hub does not know', () => {
    keptAgo(`acme-telemetry:${encodeURIComponent('https://old.example/in')}`, 'a', DAY);
    keptAgo('acme-telemetry', 'b', DAY);
    keptAgo('acme-telemetry-other', 'c', DAY);
    const { env, posted } = recordingEnv();
    startTelemetry({ sinks: [httpSink({ endpoint: '/collect', env, outbox: { key: 'acme-telemetry' } })], consent: 'denied' });
    expect(posted).toEqual([]);
    expect(Object.keys(localStorage)).toEqual(['acme-telemetry-other:c']);
  });

  it('warns in dev builds when two sinks of one format post to one endpoint (they would share kept batches)', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { env } = recordingEnv();
    httpSink({ endpoint: '/one', env });
    httpSink({ endpoint: '/two', env });
    httpSink({ endpoint: '/two', env, outbox: { key: 'site-b' } });
    expect(warned).not.toHaveBeenCalled();
    httpSink({ endpoint: '/one', env, headers: { 'X-Api-Key': 'b' } });
    expect(warned).toHaveBeenCalledOnce();
    expect(warned.mock.calls[0]![0]).toMatch(/two telemetry sinks of one format post to \/one.*outbox\.key/);
    warned.mockRestore();
  });
});
