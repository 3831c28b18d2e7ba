// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCollector, type Collector, type CollectorOptions } from '../../src/collector/collector.js';
import { checkEvent, compileSchema, eventSchema } from '../../src/collector/schema.js';
import { runCli } from './cli/run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'touchpoint-collector-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(folder, `events-${++files}.ndjson`);

const randomHex = () => Array.from({ length: 16 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');

/** A valid schema-v1 event (what the hub sends). */
function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    id: randomHex(),
    name: 'tp.progress_bar.completed',
    time: 1_700_000_000_000,
    seq: 1,
    session: 'aaaaaaaaaaaaaaaa',
    page_view: 'bbbbbbbbbbbbbbbb',
    page: '/checkout',
    component: { tag: 'tp-progress-bar', id: 'upload' },
    props: { duration_ms: 1200, ok: true, note: null, step: 'two' },
    sample_rate: 1,
    labels: { variant: 'b' },
    ...overrides,
  };
}

const open: { server: Server; collector: Collector }[] = [];
afterEach(async () => {
  for (const { server, collector } of open.splice(0)) {
    await new Promise((done) => server.close(done));
    await collector.close();
  }
});

async function serve(options: Partial<CollectorOptions> = {}) {
  const out = options.out ?? newFile();
  const collector = createCollector({ out, ...options });
  const server = createServer(collector);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  open.push({ server, collector });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const lines = () => {
    try {
      return readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    } catch {
      return [];
    }
  };
  return { url, out, collector, post, lines };
}

describe('the collector', () => {
  it('appends each event of a JSON batch as one NDJSON line and answers 200 once written', async () => {
    const { post, lines, collector } = await serve();
    const batch = [event(), event({ seq: 2, component: undefined })];
    const response = await post(batch);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stored: 2, duplicates: 0 });
    expect(lines()).toEqual(JSON.parse(JSON.stringify(batch)));
    expect(collector.stats).toMatchObject({ stored: 2, duplicates: 0, rejected: 0 });
  });

  it('accepts beacon bodies (text/plain)', async () => {
    const { post, lines } = await serve();
    const response = await post([event()], { 'content-type': 'text/plain;charset=UTF-8' });
    expect(response.status).toBe(200);
    expect(lines()).toHaveLength(1);
  });

  it('keeps one line per event id: within a batch, across batches and across a restart', async () => {
    const first = await serve();
    const a = event();
    const b = event();
    expect(await (await first.post([a, a, b])).json()).toEqual({ stored: 2, duplicates: 1 });
    expect(await (await first.post([b])).json()).toEqual({ stored: 0, duplicates: 1 });
    // A second collector on the same file reads the ids back.
    const second = await serve({ out: first.out });
    await second.collector.ready;
    expect(second.collector.stats.existing).toBe(2);
    expect(await (await second.post([a, event()])).json()).toEqual({ stored: 1, duplicates: 1 });
    expect(second.lines().map((e) => e.id)).toHaveLength(3);
  });

  it('remembers a bounded number of ids (maxIds): the oldest are forgotten first', async () => {
    const { post, lines } = await serve({ maxIds: 2 });
    const [a, b, c] = [event(), event(), event()];
    await post([a, b, c]);
    expect(await (await post([c])).json()).toEqual({ stored: 0, duplicates: 1 });
    expect(await (await post([a])).json()).toEqual({ stored: 1, duplicates: 0 });
    expect(lines()).toHaveLength(4);
  });

  it('starts a new line after a line cut short (a crash mid-write), and skips it', async () => {
    const out = newFile();
    const kept = event();
    writeFileSync(out, `${JSON.stringify(kept)}\n{"v":1,"id":"cut`);
    const { post, collector } = await serve({ out });
    await collector.ready;
    expect(collector.stats.existing).toBe(1);
    const added = event();
    expect(await (await post([kept, added])).json()).toEqual({ stored: 1, duplicates: 1 });
    // The cut line stays as it was; the new event has a line of its own.
    expect(readFileSync(out, 'utf8').split('\n')).toEqual([JSON.stringify(kept), '{"v":1,"id":"cut', JSON.stringify(added), '']);
  });

  describe('rejects with the reason, writing nothing of the batch', () => {
    it('400: not JSON, not an array', async () => {
      const { post, lines } = await serve();
      const notJson = await post('{"v":1,');
      expect(notJson.status).toBe(400);
      expect((await notJson.json()).error).toMatch(/^body is not JSON/);
      const notArray = await post(event());
      expect(notArray.status).toBe(400);
      expect(await notArray.json()).toEqual({ error: 'expected a JSON array of events' });
      expect(lines()).toEqual([]);
    });

    it('400: events that break schema/event.v1.json, each problem with its path', async () => {
      const { post, lines, collector } = await serve();
      const response = await post([
        event(),
        event({ id: 'not-hex', props: { nested: { a: 1 } } }),
        event({ email: 'a@b.c', sample_rate: 0 }),
      ]);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'events do not match schema/event.v1.json',
        problems: [
          '$[1].id: does not match ^[0-9a-f]{16}$',
          '$[1].props.nested: expected string or number or boolean or null, got object',
          '$[2]: unexpected property email',
          '$[2].sample_rate: not above 0',
        ],
      });
      expect(lines()).toEqual([]);
      expect(collector.stats.rejected).toBe(1);
      // The valid event of that batch was not remembered: sent again, it is stored.
      expect((await post([event()])).status).toBe(200);
    });

    it('413: a body over maxBodyBytes, declared or streamed', async () => {
      const { url, post, lines } = await serve({ maxBodyBytes: 1_000 });
      const declared = await post([event({ props: { pad: 'x'.repeat(2_000) } })]);
      expect(declared.status).toBe(413);
      expect(await declared.json()).toEqual({ error: 'body over 1000 bytes' });
      // Chunked, without Content-Length: cut off while reading.
      const streamed = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => resolve(res.statusCode!));
        req.on('error', reject);
        req.write('['.padEnd(800, ' '));
        setTimeout(() => req.end(`${' '.repeat(800)}]`), 20);
      });
      expect(streamed).toBe(413);
      expect(lines()).toEqual([]);
    });

    it('415: a body that is neither JSON nor text', async () => {
      const { post } = await serve();
      const response = await post([event()], { 'content-type': 'application/x-www-form-urlencoded' });
      expect(response.status).toBe(415);
    });

    it('405: other methods', async () => {
      const { url } = await serve();
      const response = await fetch(url);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    });
  });

  describe('origins (CORS)', () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
      });

    it('by default allows pages on this machine, with CORS headers and preflight', async () => {
      const { url, post } = await serve();
      const answer = await preflight(url, 'http://localhost:5173');
      expect(answer.status).toBe(204);
      expect(Object.fromEntries(answer.headers)).toMatchObject({
        'access-control-allow-origin': 'http://localhost:5173',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type,idempotency-key',
        vary: 'Origin',
      });
      const posted = await post([event()], { origin: 'http://127.0.0.1:3000' });
      expect(posted.status).toBe(200);
      expect(posted.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    });

    it('answers 403 without CORS headers to other origins, preflight or not, and stores nothing', async () => {
      const { url, post, lines } = await serve();
      const answer = await preflight(url, 'https://evil.example');
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const posted = await post([event()], { origin: 'https://evil.example', 'content-type': 'text/plain' });
      expect(posted.status).toBe(403);
      expect(posted.headers.get('access-control-allow-origin')).toBeNull();
      expect((await post([event()], { origin: 'null' })).status).toBe(403);
      expect(lines()).toEqual([]);
    });

    it('with configured origins, allows exactly those (and pages of this very server)', async () => {
      const { url, post } = await serve({ origins: ['https://shop.example'] });
      expect((await post([event()], { origin: 'https://shop.example' })).status).toBe(200);
      expect((await post([event()], { origin: 'https://shop.example:8443' })).status).toBe(403);
      expect((await post([event()], { origin: 'http://localhost:5173' })).status).toBe(403);
      expect((await post([event()], { origin: new URL(url).origin })).status).toBe(200);
      const any = await serve({ origins: ['*'] });
      expect((await any.post([event()], { origin: 'https://anywhere.example' })).status).toBe(200);
    });

    it('answers Chrome’s Private Network Access preflight for allowed origins', async () => {
      const { url } = await serve({ origins: ['https://shop.example'] });
      const answer = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' },
      });
      expect(answer.headers.get('access-control-allow-private-network')).toBe('true');
    });
  });

  it('503 with Retry-After while too much waits to be written', async () => {
    const { post } = await serve({ maxPendingBytes: -1 });
    const response = await post([event()]);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('500 when the file cannot be written, and ready rejects', async () => {
    const { post, collector } = await serve({ out: folder }); // a folder, not a file
    await expect(collector.ready).rejects.toThrow();
    expect((await post([event()])).status).toBe(500);
  });
});

describe('the collector’s schema check', () => {
  it('accepts valid events and names the problem in broken ones', () => {
    expect(eventSchema().$id ?? eventSchema().$schema).toBeTruthy();
    const valid = [event(), event({ component: undefined, props: {}, labels: {} })];
    for (const value of valid) expect(checkEvent(JSON.parse(JSON.stringify(value)))).toEqual([]);
    const broken = [
      event({ v: 2 }),
      event({ id: 'ABCDEF0123456789' }),
      event({ name: '' }),
      event({ time: 1.5 }),
      event({ seq: 0 }),
      event({ sample_rate: 1.01 }),
      event({ component: { tag: 'Progress', id: 'x' } }),
      event({ component: { tag: 'tp-x' } }),
      event({ labels: { a: 1 } }),
      event({ extra: true }),
      { v: 1 },
      [],
      'text',
      null,
    ];
    for (const value of broken) expect(checkEvent(JSON.parse(JSON.stringify(value))).length, JSON.stringify(value)).toBeGreaterThan(0);
    expect(checkEvent(event({ seq: 0 }))).toEqual(['$.seq: below 1']);
  });

  it('refuses to compile a keyword it does not implement', () => {
    expect(() => compileSchema({ type: 'object', maxProperties: 3 })).toThrow(/does not implement the keyword "maxProperties"/);
  });

  it('does not take inherited keys for present ones', () => {
    const inherited = Object.assign(Object.create({ labels: {} }), event());
    delete inherited.labels;
    expect(checkEvent(inherited)).toEqual(['$: missing labels']);
  });
});

describe('touchpoint collect (arguments)', () => {
  it.each([
    [['--port', 'http'], /--port "http" is not a port number/],
    [['--port', '70000'], /--port "70000" is not a port number/],
    [['--origin', 'https://shop.example/'], /--origin "https:\/\/shop.example\/" is not an origin/],
    [['--origin', ','], /--origin needs at least one origin/],
    [['--max-body', '0'], /--max-body "0" is not a size in KiB/],
    [['extra'], /unexpected argument "extra"/],
  ])('exits 2 on %j', async (args, message) => {
    const run = await runCli(['collect', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: touchpoint collect');
  });

  it('is listed in the help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('  collect      run a local collector for telemetry on 127.0.0.1, appending events to NDJSON\n');
  });
});
