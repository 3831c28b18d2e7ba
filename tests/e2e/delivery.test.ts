// The delivery fault matrix: Chromium, the hub and the HTTP sink (dist/dev) against the real
// collector (createCollector) on 127.0.0.1. The faults are injected by a wrapper in front of the
// collector, here in the test; the product has no fault switches. Each test asserts that every
// event reaches the NDJSON file exactly once (after the collector's de-duplication by id).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/collector.js';
import type { TelemetryEvent } from '../../src/telemetry/schema.js';
import { useBrowser } from '../support/use-browser.js';

/** One POST as the wrapper saw it: what was sent and how it was answered (status 0 until the answer is sent). */
interface Posted {
  status: number;
  type: string;
  key: string | undefined;
  ids: string[];
}

/** The `X-Api-Key` of each POST to /collect that carried one, and of each POST to /second (a second sink's endpoint). */
let apiKeys: { collect: string[]; second: (string | undefined)[] };

const folder = mkdtempSync(join(tmpdir(), 'touchpoint-delivery-'));
let collector: Collector;
let out: string;
let posts: Posted[];
/** Answers for the next POSTs, in order, instead of the collector's. */
let faults: { status: number; headers?: Record<string, string> }[];
/** While set, every POST gets this status (the collector is "down"). */
let down: number | undefined;
/** Holds each POST this long before the collector answers it (requests still in flight at unload). */
let delayMs: number;
let runs = 0;

function route(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return collector(req, res);
  if (req.headers['x-api-key']) apiKeys.collect.push(req.headers['x-api-key'] as string);
  const posted: Posted = { status: 0, type: req.headers['content-type'] ?? '', key: req.headers['idempotency-key'] as string | undefined, ids: [] };
  posts.push(posted);
  // Read alongside the collector (both listeners are attached before the first chunk arrives).
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      posted.ids = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as TelemetryEvent[]).map((e) => e.id);
    } catch {
      // not a batch: the collector says so
    }
  });
  res.on('finish', () => (posted.status = res.statusCode));
  const fault = faults.shift() ?? (down ? { status: down } : undefined);
  if (fault) {
    res.writeHead(fault.status, fault.headers);
    return void res.end();
  }
  if (!delayMs) return collector(req, res);
  req.pause();
  setTimeout(() => {
    collector(req, res);
    req.resume(); // paused explicitly, it does not flow again by itself
  }, delayMs);
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A second collector's endpoint: answers 200 to every POST. */
function second(req: IncomingMessage, res: ServerResponse) {
  apiKeys.second.push(req.headers['x-api-key'] as string | undefined);
  req.resume();
  req.on('end', () => res.writeHead(200).end());
}

const web = useBrowser({ routes: { '/collect': route, '/second': second } });

let context: BrowserContext;
beforeEach(async () => {
  out = join(folder, `events-${++runs}.ndjson`);
  collector = createCollector({ out });
  posts = [];
  apiKeys = { collect: [], second: [] };
  faults = [];
  down = undefined;
  delayMs = 0;
  // A fresh context per test: its own localStorage, nothing kept from the test before.
  context = await web.browser.newContext();
});

afterEach(async () => {
  await context.close();
  await collector.close();
});

const pageUrl = (query = '') => `${web.url}/tests/e2e/fixtures/delivery.html${query ? `?${query}` : ''}`;

interface Tp {
  track(name: string, props?: Record<string, unknown>): void;
  flush(): Promise<void>;
  burst(name: string, count: number, pad?: number): void;
  stored(): TelemetryEvent[][];
  consent(state: 'pending' | 'granted' | 'denied'): void;
}
declare global {
  interface Window {
    tpFixture: Tp;
    tpFixtureReady: boolean;
  }
}

async function openFixture(page: Page, query = '') {
  await page.goto(pageUrl(query));
  // Module scripts run before the load event, which goto waits for.
  expect(await page.evaluate(() => window.tpFixtureReady)).toBe(true);
}

async function newFixturePage(query = '') {
  const page = await context.newPage();
  // Timers (backoff, Retry-After, batching) run on a clock the test moves.
  await page.clock.install();
  await openFixture(page, query);
  return page;
}

/** Every line of the NDJSON file, as events. */
function stored(): TelemetryEvent[] {
  let text = '';
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TelemetryEvent);
}

const named = (name: string) => stored().filter((e) => e.name === name);

/**
 * Waits (at most 20 s) for `done`, moving the page clocks 250 ms at a time so backoffs elapse in
 * moments; real time passes between steps for requests to come and go.
 */
async function until(done: () => boolean | Promise<boolean>, pages: Page[] = []) {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; POSTs so far: ${JSON.stringify(posts.map((p) => [p.status, p.ids.length]))}`);
    for (const page of pages) if (!page.isClosed()) await page.clock.runFor(250).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** Takes the context off line (or back), and waits until every page's navigator.onLine says so. */
async function setOffline(offline: boolean, pages: Page[]) {
  await context.setOffline(offline);
  await until(async () => (await Promise.all(pages.map((page) => page.evaluate(() => navigator.onLine)))).every((online) => online !== offline));
}

/** Each of `count` events named `name` (props.n = 0…count-1) is in the file exactly once. */
function expectExactlyOnce(name: string, count: number) {
  const events = named(name);
  expect(events.map((e) => e.props.n).sort((a, b) => Number(a) - Number(b))).toEqual([...Array(count).keys()]);
  expect(new Set(events.map((e) => e.id)).size).toBe(count);
}

/** How many times the collector received each event id, over all POSTs (before de-duplication). */
function receipts(): Map<string, number> {
  const seen = new Map<string, number>();
  for (const post of posts) for (const id of post.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return seen;
}

describe('delivery (Chromium → HTTP sink → collector on 127.0.0.1)', () => {
  it('the collector answers 500 three times, then recovers: every event once, same key and ids on each retry', async () => {
    faults = [{ status: 500 }, { status: 500 }, { status: 500 }];
    const page = await newFixturePage();
    await page.evaluate(() => window.tpFixture.burst('matrix.server_error', 7));
    await page.evaluate(() => window.tpFixture.flush());
    await until(() => named('matrix.server_error').length === 7 && posts.every((p) => p.status), [page]);
    expectExactlyOnce('matrix.server_error', 7);
    expect(posts.map((p) => p.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(posts.map((p) => p.key)).size).toBe(1);
    expect(new Set(posts.map((p) => p.ids.join())).size).toBe(1);
    await until(async () => (await page.evaluate(() => window.tpFixture.stored())).length === 0, [page]); // removed once the answer is in
  });

  // As a developer's httpSink with an API key next to the script tag's data-endpoint sink (one format: before, one outbox).
  it('two HTTP sinks on one page, /collect down and a second endpoint with an API key up: the second never sends the first’s kept batches (nor its key to /collect); every event once', async () => {
    down = 503;
    const page = await newFixturePage('second=/second');
    await page.evaluate(() => window.tpFixture.burst('matrix.two_sinks', 3));
    await page.evaluate(() => window.tpFixture.flush());
    // The second sink gets through again, and drains what it kept (nothing: the first's batches are not in its outbox).
    await page.evaluate(() => window.tpFixture.burst('matrix.two_sinks_later', 2));
    await page.evaluate(() => window.tpFixture.flush());
    await until(() => apiKeys.second.length >= 2, [page]);
    expect((await page.evaluate(() => window.tpFixture.stored())).length).toBeGreaterThan(0);
    down = undefined;
    await until(() => named('matrix.two_sinks').length === 3 && named('matrix.two_sinks_later').length === 2, [page]);
    expectExactlyOnce('matrix.two_sinks', 3);
    expectExactlyOnce('matrix.two_sinks_later', 2);
    expect(apiKeys.collect).toEqual([]);
    expect(apiKeys.second).toEqual(['second-key', 'second-key']);
  });

  it('429 with Retry-After: nothing is resent before it has passed, then every event once', async () => {
    faults = [{ status: 429, headers: { 'Retry-After': '30' } }];
    const page = await newFixturePage();
    await page.evaluate(() => window.tpFixture.burst('matrix.rate_limited', 4));
    await page.evaluate(() => window.tpFixture.flush());
    expect(posts.map((p) => p.status)).toEqual([429]);
    await page.clock.runFor(29_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posts).toHaveLength(1);
    await page.clock.runFor(1_500);
    await until(() => named('matrix.rate_limited').length === 4 && posts.every((p) => p.status), [page]);
    expectExactlyOnce('matrix.rate_limited', 4);
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect(posts[1]!.key).toBe(posts[0]!.key);
  });

  it('offline, then online: nothing is tried while offline, everything is sent once back online', async () => {
    const page = await newFixturePage();
    await setOffline(true, [page]);
    await page.evaluate(() => window.tpFixture.burst('matrix.offline', 12));
    await page.evaluate(() => window.tpFixture.flush());
    expect(posts).toEqual([]);
    expect((await page.evaluate(() => window.tpFixture.stored())).flat()).toHaveLength(12);
    await setOffline(false, [page]);
    await until(() => named('matrix.offline').length === 12, [page]);
    expectExactlyOnce('matrix.offline', 12);
    await until(async () => (await page.evaluate(() => window.tpFixture.stored())).length === 0, [page]); // removed once the answer is in
  });

  it('the page navigates away right after the events: they leave by beacon, as text/plain', async () => {
    const page = await newFixturePage();
    await page.evaluate(() => window.tpFixture.burst('matrix.navigate', 5)); // under one batch: waiting for the timer
    await page.goto(`${web.url}/tests/e2e/fixtures/blank.html`);
    await until(() => named('matrix.navigate').length === 5);
    expectExactlyOnce('matrix.navigate', 5);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.type).toBe('text/plain;charset=UTF-8');
    expect(posts[0]!.key).toBeUndefined();
  });

  it('navigating away with 150 KB in flight: within the 64 KiB keepalive budget, the rest kept and sent by the next page', async () => {
    delayMs = 300; // requests are still in flight when the page goes
    const page = await newFixturePage();
    await page.evaluate(() => window.tpFixture.burst('matrix.navigate_big', 300, 400));
    await page.goto(`${web.url}/tests/e2e/fixtures/blank.html`);
    // Some of it could not go (beyond the budget) and waits in localStorage for the next page view.
    const waiting = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('tp-outbox-telemetry:')).length);
    expect(waiting).toBeGreaterThan(0);
    delayMs = 0; // the outbox drains one request at a time: no need to wait 300 ms for each
    await openFixture(page);
    await until(() => named('matrix.navigate_big').length === 300, [page]);
    expectExactlyOnce('matrix.navigate_big', 300);
  });

  it('the page reloads with events queued: the next load sends them, once', async () => {
    down = 503;
    const page = await newFixturePage();
    await page.evaluate(() => window.tpFixture.burst('matrix.reload', 6));
    await page.evaluate(() => window.tpFixture.flush());
    expect((await page.evaluate(() => window.tpFixture.stored())).flat()).toHaveLength(6);
    down = undefined;
    await page.reload();
    expect(await page.evaluate(() => window.tpFixtureReady)).toBe(true);
    await until(() => named('matrix.reload').length === 6, [page]);
    expectExactlyOnce('matrix.reload', 6);
    await until(async () => (await page.evaluate(() => window.tpFixture.stored())).length === 0, [page]); // removed once the answer is in
  });

  it('two tabs keep batches at the same instant: none is lost, one tab drains, every event once', async () => {
    const tabs = [await newFixturePage(), await newFixturePage()];
    await setOffline(true, tabs);
    // Both tabs keep a batch at once, five times, without waiting for localStorage to reach the other
    // tab in between (Chromium copies it asynchronously): one entry per batch, so no write is lost.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        tabs.map((page, tab) =>
          page.evaluate((name) => {
            window.tpFixture.burst(name, 3);
            return window.tpFixture.flush();
          }, `matrix.tab_${tab}_${round}`),
        ),
      );
    }
    // One store: each tab sees all ten batches.
    const names = (page: Page) => page.evaluate(() => window.tpFixture.stored().map((batch) => batch[0]!.name));
    await until(async () => (await Promise.all(tabs.map(names))).every((seen) => seen.length === 10), tabs);
    // Back online, both tabs hear `online` at once and both try to drain.
    await setOffline(false, tabs);
    const all = [0, 1].flatMap((tab) => [0, 1, 2, 3, 4].map((round) => `matrix.tab_${tab}_${round}`));
    await until(() => all.every((name) => named(name).length === 3), tabs);
    for (const name of all) expectExactlyOnce(name, 3);
    // The Web Lock let one tab drain: each event went over the wire once.
    expect([...receipts().values()].every((times) => times === 1)).toBe(true);
    await until(async () => (await Promise.all(tabs.map(names))).every((seen) => seen.length === 0), tabs);
  });

  /** The localStorage entries of the page's origin, by name. */
  const storageNames = (page: Page) => page.evaluate(() => Object.keys(localStorage).sort());

  /**
   * A page in `format` keeps one batch of 4 events (the collector is down), next to a person's own
   * unsubscribe choice kept in its outbox; returns the posts made so far.
   */
  async function keptIn(format: string) {
    down = 503;
    const page = await newFixturePage(`format=${format}`);
    // The page clock stops: this page's retry (its backoff timer) cannot run before the next load.
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.evaluate(() =>
      localStorage.setItem('tp-outbox-unsubscribe:choice', JSON.stringify({ url: '/unsubscribe', method: 'POST', body: '{}', idempotencyKey: 'choice', keptAt: Date.now() })),
    );
    await page.evaluate(() => window.tpFixture.burst('matrix.consent_withdrawn', 4));
    await page.evaluate(() => window.tpFixture.flush());
    const key = format == 'touchpoint' ? 'tp-outbox-telemetry' : `tp-outbox-${format}`;
    expect((await storageNames(page)).map((name) => name.split(':')[0])).toEqual([key, 'tp-outbox-unsubscribe']);
    down = undefined;
    return { page, tried: posts.length };
  }

  // The next page may be in another format (the site changed data-format), or have no HTTP-type sink at
  // all (the site removed data-endpoint, or sends only to a callback or the dataLayer: the hub itself
  // forgets them): denied forgets every format's batches.
  it.each(
    ['touchpoint', 'otlp', 'segment'].flatMap((format) => [
      { format, next: 'the default format', query: '' },
      { format, next: 'no HTTP-type sink (a callback sink only)', query: '&format=callback' },
    ]),
  )(
    'batches kept under granted (format $format), next page load under denied with $next: nothing is sent, every telemetry store is emptied, the unsubscribe choice stays',
    async ({ format, query }) => {
      const { page, tried } = await keptIn(format);
      await openFixture(page, `consent=denied${query}`);
      await page.clock.runFor(5_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(posts.slice(tried)).toEqual([]);
      expect(stored()).toEqual([]);
      expect(await storageNames(page)).toEqual(['tp-outbox-unsubscribe:choice']);
    },
  );

  it('batches kept in the otlp format, next page load in the default format under granted: not sent to its collector, left to their own sink', async () => {
    const { page, tried } = await keptIn('otlp');
    const before = await storageNames(page);
    await openFixture(page);
    await page.evaluate(() => window.tpFixture.burst('matrix.other_format', 2));
    await page.evaluate(() => window.tpFixture.flush());
    await until(() => named('matrix.other_format').length === 2 && posts.every((p) => p.status), [page]);
    // Only this page's own batch went to /collect; the OTLP batch is still kept, for an otlp sink.
    expect(posts.slice(tried).map((p) => p.ids.length)).toEqual([2]);
    expect(named('matrix.consent_withdrawn')).toEqual([]);
    expect(await storageNames(page)).toEqual(before);
  });

  it('batches kept under granted, next page load under pending: nothing is sent until consent is granted, then once', async () => {
    down = 503;
    const page = await newFixturePage();
    // The page clock stops: this page's retry (its backoff timer) cannot run before the next load.
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.evaluate(() => window.tpFixture.burst('matrix.consent_later', 4));
    await page.evaluate(() => window.tpFixture.flush());
    down = undefined;
    const tried = posts.length;
    await openFixture(page, 'consent=pending');
    await page.clock.runFor(5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts.slice(tried)).toEqual([]);
    expect((await page.evaluate(() => window.tpFixture.stored())).flat()).toHaveLength(4);
    await page.evaluate(() => window.tpFixture.consent('granted'));
    await until(() => named('matrix.consent_later').length === 4, [page]);
    expectExactlyOnce('matrix.consent_later', 4);
    await until(async () => (await page.evaluate(() => window.tpFixture.stored())).length === 0, [page]);
  });

  it('overflow: the bounded queue drops the oldest batches and reports how many events (tp.telemetry.dropped)', async () => {
    const page = await newFixturePage('maxItems=2&batchSize=3');
    await setOffline(true, [page]);
    for (let batch = 0; batch < 5; batch++) await page.evaluate(() => window.tpFixture.burst('matrix.overflow', 3));
    expect(await page.evaluate(() => window.tpFixture.stored().length)).toBe(2);
    await setOffline(false, [page]);
    // The report goes as soon as the first kept batch is through, so it may arrive before the second
    // one: wait until the outbox is empty (a batch leaves it only once the collector has stored it and
    // answered), the report is in, and no POST is unanswered.
    await until(
      async () =>
        named('tp.telemetry.dropped').length === 1 &&
        posts.every((p) => p.status) &&
        (await page.evaluate(() => window.tpFixture.stored().length)) === 0,
      [page],
    );
    const overflow = named('matrix.overflow');
    // The last two batches (seq 10–15 of this page view), each event once.
    expect(overflow.map((e) => e.seq).sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(new Set(overflow.map((e) => e.id)).size).toBe(6);
    expect(named('tp.telemetry.dropped')[0]!.props).toEqual({ overflow: 9 });
  });

  it.each(['denied', 'pending'])('consent %s: nothing is stored or sent, even offline or on leaving', async (consent) => {
    const page = await newFixturePage(`consent=${consent}`);
    await page.evaluate(() => window.tpFixture.burst('matrix.no_consent', 15));
    await page.evaluate(() => window.tpFixture.flush());
    await setOffline(true, [page]);
    await page.evaluate(() => window.tpFixture.burst('matrix.no_consent', 15));
    await page.evaluate(() => window.tpFixture.flush());
    await setOffline(false, [page]);
    await page.clock.runFor(5_000);
    await page.goto(`${web.url}/tests/e2e/fixtures/blank.html`);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    await openFixture(page, `consent=${consent}`);
    await page.clock.runFor(5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts).toEqual([]);
    expect(stored()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });
});
