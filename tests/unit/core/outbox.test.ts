import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type OutboxDrop } from '../../../src/core/outbox.js';
import { SendError, type SendRequest } from '../../../src/core/send.js';

const KEY = 'tp-outbox-test';
const request = (n: number, body = `{"n":${n}}`) => ({ url: '/collect', body, idempotencyKey: `k${n}` });

function outbox(options: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) {
  const delivered: SendRequest[] = [];
  const drops: [OutboxDrop, number][] = [];
  let clock = 1_000;
  const box = new Outbox({
    key: KEY,
    deliver: async (r) => {
      delivered.push(r);
    },
    onDrop: (reason, count) => drops.push([reason, count]),
    now: () => clock,
    ...options,
  });
  return { box, delivered, drops, tick: (ms: number) => (clock += ms) };
}

afterEach(() => localStorage.clear());

/** The localStorage keys of the outbox, sorted. */
const stored = () => Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:`)).sort();

describe('Outbox', () => {
  it('refuses a request too big to keep even alone, and keeps what it had', () => {
    const { box, drops } = outbox({ maxBytes: 400 });
    expect(box.keep(request(1))).toBe(true);
    expect(box.keep(request(2, JSON.stringify({ text: 'x'.repeat(500) })))).toBe(false);
    expect(stored()).toEqual([`${KEY}:k1`]);
    expect(drops).toEqual([]);
  });

  it('keeps requests in localStorage and sends them oldest first, then forgets them', async () => {
    const { box, delivered } = outbox();
    box.keep(request(1));
    box.keep(request(2));
    expect(stored()).toEqual([`${KEY}:k1`, `${KEY}:k2`]);
    await box.flush();
    expect(delivered.map((r) => r.idempotencyKey)).toEqual(['k1', 'k2']);
    expect(delivered[0]).not.toHaveProperty('keptAt');
    expect(stored()).toEqual([]);
  });

  it('a second page load (a new Outbox on the same key) sends what the first kept', async () => {
    outbox().box.keep(request(7));
    const next = outbox();
    await next.box.flush();
    expect(next.delivered.map((r) => r.body)).toEqual(['{"n":7}']);
  });

  it('keeps one copy per idempotency key', () => {
    const { box } = outbox();
    box.keep(request(1));
    box.keep(request(1));
    expect(box.items()).toHaveLength(1);
  });

  it('is bounded by items and bytes, dropping the oldest and saying how many', () => {
    const { box, drops } = outbox({ maxItems: 3, maxBytes: 400 });
    for (let n = 1; n <= 5; n++) box.keep(request(n));
    expect(box.items().map((i) => i.idempotencyKey)).toEqual(['k3', 'k4', 'k5']);
    expect(drops).toEqual([['overflow', 1], ['overflow', 1]]);
    box.keep(request(6, 'x'.repeat(300)));
    expect(JSON.stringify(box.items()).length).toBeLessThanOrEqual(400);
    expect(box.items().at(-1)!.idempotencyKey).toBe('k6');
  });

  it('drops requests older than maxAgeMs', () => {
    const { box, drops, tick } = outbox({ maxAgeMs: 60_000 });
    box.keep(request(1));
    tick(61_000);
    box.keep(request(2));
    expect(box.items().map((i) => i.idempotencyKey)).toEqual(['k2']);
    expect(drops).toEqual([['expired', 1]]);
  });

  it('never sends a request older than maxAgeMs, even when nothing new was kept since', async () => {
    const { box, drops, delivered, tick } = outbox({ maxAgeMs: 60_000 });
    box.keep(request(1));
    tick(61_000);
    await box.flush();
    expect(delivered).toEqual([]);
    expect(stored()).toEqual([]);
    expect(drops).toEqual([['expired', 1]]);
  });

  it('drops a request the server finally rejects (4xx) and goes on with the rest', async () => {
    const delivered: string[] = [];
    const { box, drops } = outbox({
      deliver: async (r) => {
        if (r.idempotencyKey === 'k1') throw new SendError('rejected', 1, 400);
        delivered.push(r.idempotencyKey!);
      },
    });
    box.keep(request(1));
    box.keep(request(2));
    await box.flush();
    expect(delivered).toEqual(['k2']);
    expect(drops).toEqual([['rejected', 1]]);
    expect(box.items()).toEqual([]);
  });

  it('keeps everything, in order, while delivery still fails', async () => {
    const { box } = outbox({ deliver: async () => Promise.reject(new SendError('gave_up', 6, 503)) });
    box.keep(request(1));
    box.keep(request(2));
    await box.flush();
    expect(box.items().map((i) => i.idempotencyKey)).toEqual(['k1', 'k2']);
  });

  it('keeps what another tab added while this one was sending', async () => {
    let other: Outbox | undefined;
    const { box } = outbox({
      deliver: async () => {
        other!.keep(request(9));
      },
    });
    other = outbox().box;
    box.keep(request(1));
    await box.flush();
    expect(box.items().map((i) => i.idempotencyKey)).toEqual(['k9']);
  });

  it('lets one tab drain at a time (Web Locks)', async () => {
    const held = new Set<string>();
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: {
        request: async (name: string, _opts: unknown, task: (lock: object | null) => Promise<void>) => {
          if (held.has(name)) return task(null);
          held.add(name);
          try {
            return await task({});
          } finally {
            held.delete(name);
          }
        },
      },
    });
    try {
      let release!: () => void;
      const first = outbox({ deliver: () => new Promise<void>((r) => (release = r)) });
      const second = outbox();
      first.box.keep(request(1));
      const draining = first.box.flush();
      await second.box.flush();
      expect(second.delivered).toEqual([]);
      release();
      await draining;
      expect(first.box.items()).toEqual([]);
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });

  it('writes only its own entry: one key per request, so two tabs never overwrite each other', () => {
    const written: string[] = [];
    const recording = {
      get length() {
        return localStorage.length;
      },
      key: (i: number) => localStorage.key(i),
      getItem: (key: string) => localStorage.getItem(key),
      setItem: (key: string, value: string) => {
        written.push(key);
        localStorage.setItem(key, value);
      },
      removeItem: (key: string) => localStorage.removeItem(key),
    } as Storage;
    const { box } = outbox({ storage: recording });
    const other = outbox({ storage: recording }).box; // another tab
    box.keep(request(1));
    other.keep(request(2));
    box.keep(request(3));
    expect(written).toEqual([`${KEY}:k1`, `${KEY}:k2`, `${KEY}:k3`]);
    expect(box.items().map((i) => i.idempotencyKey)).toEqual(['k1', 'k2', 'k3']);
  });

  it('clear() forgets every kept request without sending it, and only this outbox’s', async () => {
    const { box, delivered } = outbox();
    localStorage.setItem('unrelated', 'x');
    outbox({ key: `${KEY}-other` }).box.keep(request(9));
    box.keep(request(1));
    box.keep(request(2));
    box.clear();
    await box.flush();
    expect(delivered).toEqual([]);
    expect(stored()).toEqual([]);
    expect(Object.keys(localStorage).sort()).toEqual([`${KEY}-other:k9`, 'unrelated']);
  });

  it('reads the outboxes under its key (`<key>:<more>`) as its own: clears and expires their entries too', () => {
    // Telemetry keeps one outbox per format and endpoint (`tp-outbox-otlp:<endpoint>`); under `denied` an
    // HTTP sink forgets every endpoint's batches under its key through the outbox of that key alone.
    const endpoint = outbox({ key: `${KEY}:https%3A%2F%2Fa.example%2F` });
    endpoint.box.keep(request(1));
    endpoint.tick(10);
    endpoint.box.keep(request(2));
    const { box, drops, tick } = outbox({ maxAgeMs: 5 });
    tick(10);
    expect(box.items().map((item) => item.idempotencyKey)).toEqual(['k2']);
    expect(drops).toEqual([['expired', 1]]);
    expect(stored()).toEqual([`${KEY}:https%3A%2F%2Fa.example%2F:k2`]);
    box.clear();
    expect(stored()).toEqual([]);
  });

  it('skips an entry that is not JSON and reads the rest', () => {
    const { box } = outbox();
    box.keep(request(1));
    localStorage.setItem(`${KEY}:broken`, '{');
    expect(box.items().map((i) => i.idempotencyKey)).toEqual(['k1']);
  });

  it('never throws when storage is unavailable or full', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    } as unknown as Storage;
    const { box } = outbox({ storage: broken });
    expect(box.keep(request(1))).toBe(false);
    expect(box.items()).toEqual([]);
  });
});
