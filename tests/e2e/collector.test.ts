// The collector from the outside: a page on another origin (CORS, as Chromium does it), and the
// `touchpoint collect` command under load from a local generator.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.mjs';
import { startCollectServer } from '../../src/cli/collect.js';
import type { Collector } from '../../src/collector/collector.js';
import type { TelemetryEvent } from '../../src/telemetry/schema.js';
import { repoRoot } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

const folder = mkdtempSync(join(tmpdir(), 'touchpoint-collector-e2e-'));
let files = 0;
const newFile = () => join(folder, `events-${++files}.ndjson`);

function lines(file: string): TelemetryEvent[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as TelemetryEvent);
  } catch {
    return [];
  }
}

async function until(done: () => boolean, page?: Page) {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    if (page && !page.isClosed()) await page.clock.runFor(250);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a page on another origin', () => {
  const site = useBrowser();

  async function fixture(endpoint: string) {
    const context = await site.browser.newContext();
    const { page } = await site.open(`/tests/e2e/fixtures/delivery.html?endpoint=${encodeURIComponent(endpoint)}`, {
      context,
      before: (page) => page.clock.install(),
    });
    expect(await page.evaluate(() => (window as unknown as { tpFixtureReady: boolean }).tpFixtureReady)).toBe(true);
    const burst = (name: string, count: number) =>
      page.evaluate(([n, c]) => (window as unknown as { tpFixture: { burst(n: string, c: number): void } }).tpFixture.burst(n, c), [name, count] as const);
    return { context, page, burst };
  }

  it('an allowed origin: JSON by fetch (after a CORS preflight) and text by beacon both arrive', async () => {
    const out = newFile();
    const collector = await startCollectServer({ port: 0, out, origins: [site.url] });
    try {
      const { context, page, burst } = await fixture(collector.url);
      await burst('cors.allowed', 13); // a full batch of 10 goes by fetch at once; 3 wait
      await until(() => lines(out).length === 10, page);
      await page.goto(`${site.url}/tests/e2e/fixtures/blank.html`); // the 3 leave by beacon
      await until(() => lines(out).length === 13);
      expect(new Set(lines(out).map((e) => e.props.n))).toEqual(new Set([...Array(13).keys()]));
      expect(collector.collector.stats.rejected).toBe(0);
      await context.close();
    } finally {
      await collector.close();
    }
  });

  it('an origin that is not allowed: answered 403 without CORS headers, nothing stored', async () => {
    const out = newFile();
    const collector = await startCollectServer({ port: 0, out, origins: ['https://shop.example'] });
    try {
      const { context, page, burst } = await fixture(collector.url);
      await burst('cors.refused', 10); // fetch: its preflight is refused
      await until(() => collector.collector.stats.rejected >= 1, page);
      await burst('cors.refused', 3);
      await page.goto(`${site.url}/tests/e2e/fixtures/blank.html`); // beacon: no preflight, refused at the POST
      await until(() => collector.collector.stats.rejected >= 2);
      expect(lines(out)).toEqual([]);
      // The sink keeps what it could not deliver (a CORS failure looks like a network error).
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('tp-outbox-telemetry:')).length)).toBeGreaterThan(0);
      await context.close();
    } finally {
      await collector.close();
    }
  });
});

describe('npm start (examples/collector/api.mjs)', () => {
  it('mounts the built collector at /collect and says where events land', async () => {
    const api = (await import('../../examples/collector/api.mjs')) as { routes: Record<string, Collector>; describe(): string };
    const collector = api.routes['/collect']!;
    try {
      await collector.ready;
      expect(api.describe()).toMatch(/data-endpoint="\/collect".* examples\/collector\/\.data\/events\.ndjson, one event per line\.$/);
      // Mounted as `npm start` does; an empty batch is answered without writing anything.
      const site = await serveStatic(repoRoot, { routes: api.routes });
      try {
        const answer = await fetch(`${site.url}/collect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ stored: 0, duplicates: 0 });
      } finally {
        await site.close();
      }
    } finally {
      await collector.close();
    }
  });
});

describe('touchpoint collect under load', () => {
  const RATE = 10_000; // events per second
  const SECONDS = 3;
  const BATCH = 10;
  /** Every 20th batch is sent twice, as a retrying sink would. */
  const RESEND_EVERY = 20;
  const MAX_IN_FLIGHT = 256;

  function startCli(out: string): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string; output: () => string }> {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/touchpoint.js'), 'collect', '--port', '0', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s:\n${text}`)), 20_000);
      child.stdout.on('data', () => {
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
        if (match) {
          clearTimeout(timer);
          resolve({ child, url: match[1]!, output: () => text });
        }
      });
      child.once('exit', (code) => reject(new Error(`touchpoint collect exited with ${code}:\n${text}`)));
    });
  }

  function batchOf(start: number): TelemetryEvent[] {
    return Array.from({ length: BATCH }, (_, i) => ({
      v: 1,
      id: randomBytes(8).toString('hex'),
      name: 'load.generated',
      time: Date.now(),
      seq: start + i + 1,
      session: 'aaaaaaaaaaaaaaaa',
      page_view: 'bbbbbbbbbbbbbbbb',
      page: '/load',
      props: { n: start + i },
      sample_rate: 1,
      labels: {},
    }));
  }

  it(`survives ${RATE.toLocaleString('en')} events/s for ${SECONDS} s without losing one`, async () => {
    const out = newFile();
    const { child, url, output } = await startCli(out);
    const total = RATE * SECONDS;
    const statuses = new Map<number, number>();
    let inFlight = 0;
    let mostInFlight = 0;
    let retries = 0;
    const pending: Promise<void>[] = [];

    // node:http with kept-alive connections: cheaper per request than fetch, so the generator is not the bottleneck.
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const postOnce = (body: string) =>
      new Promise<{ status: number; retryAfter: number }>((resolve, reject) => {
        const req = httpRequest(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, retryAfter: Number(res.headers['retry-after'] ?? 1) }));
        });
        req.on('error', reject);
        req.end(body);
      });

    /** Posts one batch, retrying 503 (the collector's back-pressure) after its Retry-After, like the sink. */
    async function post(body: string): Promise<void> {
      for (;;) {
        const { status, retryAfter } = await postOnce(body);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== 503) return;
        retries++;
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      }
    }
    const fire = (body: string) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      pending.push(post(body).finally(() => inFlight--));
    };

    // Bodies are made up front, so the generator only sends while the clock runs.
    const bodies = Array.from({ length: total / BATCH }, (_, i) => JSON.stringify(batchOf(i * BATCH)));
    // Open loop: batches leave on a 10 ms schedule whatever the answers, up to MAX_IN_FLIGHT at once.
    const started = performance.now();
    const tick = 10;
    const perTick = (RATE / BATCH) * (tick / 1000);
    let sent = 0;
    let batches = 0;
    const hardStop = started + 30_000;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / tick + 1) * perTick) * BATCH);
      while (sent < due && inFlight < MAX_IN_FLIGHT) {
        const body = bodies[sent / BATCH]!;
        fire(body);
        if (++batches % RESEND_EVERY === 0) fire(body);
        sent += BATCH;
      }
      if (performance.now() > hardStop) throw new Error(`only ${sent} of ${total} events sent in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, tick));
    }
    const offeredSeconds = (performance.now() - started) / 1000;
    await Promise.all(pending);
    const answeredSeconds = (performance.now() - started) / 1000;
    agent.destroy();

    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const events = lines(out);
    console.log(
      `load: ${total} events (+${(total / BATCH / RESEND_EVERY) * BATCH} resent) offered in ${offeredSeconds.toFixed(2)} s ` +
        `(${Math.round(total / offeredSeconds)} events/s), all answered after ${answeredSeconds.toFixed(2)} s; ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${retries} retried after 503, at most ${mostInFlight} requests in flight`,
    );
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(events).toHaveLength(total);
    expect(new Set(events.map((e) => e.id)).size).toBe(total);
    expect(new Set(events.map((e) => e.props.n)).size).toBe(total);
    expect(output()).toContain(`Stopped. Stored ${total} new events; ${(total / BATCH / RESEND_EVERY) * BATCH} duplicates left out; 0 requests rejected.`);
  });
});
