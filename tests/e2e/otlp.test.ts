// The OTLP sink in Chromium (dist/dev, from tests/e2e/fixtures/delivery.html?format=otlp) posting to
// a real HTTP server on another origin of 127.0.0.1 that plays the OpenTelemetry Collector's OTLP/HTTP
// receiver: it answers the CORS preflight, parses every body as OTLP JSON logs and checks its shape.
// (No OpenTelemetry Collector binary on this machine: the wire format itself is checked against the
// official SDK and serializer in tests/unit/telemetry/otlp.test.ts.)
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.mjs';
import { repoRoot } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

interface Record_ {
  eventName: string;
  uid: string;
  n: unknown;
}

let receiver: { url: string; close(): Promise<void> };
let context: BrowserContext;
/** Records received (one entry per record, duplicates included), and the problems found in bodies. */
let records: Record_[];
let problems: string[];
let preflights: number;
/** Statuses to answer the next POSTs with instead of 200. */
let faults: number[];

type AnyValue = Record<string, unknown>;
const VALUE_KEYS = ['stringValue', 'boolValue', 'intValue', 'doubleValue'];

/** The shape of an OTLP/HTTP JSON ExportLogsServiceRequest, as far as Touchpoint writes it. */
function check(body: unknown, origin: string): void {
  const fail = (what: string) => problems.push(what);
  const attributesOf = (list: unknown, where: string): Map<string, unknown> => {
    const map = new Map<string, unknown>();
    if (!Array.isArray(list)) {
      fail(`${where}: attributes is not an array`);
      return map;
    }
    for (const { key, value } of list as { key: unknown; value: AnyValue }[]) {
      const kinds = Object.keys(value ?? {});
      if (typeof key !== 'string' || kinds.length !== 1 || !VALUE_KEYS.includes(kinds[0]!)) fail(`${where}: bad attribute ${JSON.stringify({ key, value })}`);
      map.set(String(key), value?.[kinds[0]!]);
    }
    return map;
  };
  const resourceLogs = (body as { resourceLogs?: unknown }).resourceLogs;
  if (!Array.isArray(resourceLogs) || !resourceLogs.length) return void fail('no resourceLogs');
  for (const { resource, scopeLogs } of resourceLogs as { resource: { attributes: unknown }; scopeLogs: unknown }[]) {
    const resourceAttributes = attributesOf(resource?.attributes, 'resource');
    if (resourceAttributes.get('service.name') !== new URL(origin).hostname) fail(`service.name is ${String(resourceAttributes.get('service.name'))}`);
    if (!Array.isArray(scopeLogs)) return void fail('no scopeLogs');
    for (const { scope, logRecords } of scopeLogs as { scope: { name: unknown; version: unknown }; logRecords: unknown }[]) {
      if (scope?.name !== 'touchpoint' || typeof scope.version !== 'string') fail(`scope ${JSON.stringify(scope)}`);
      if (!Array.isArray(logRecords)) return void fail('no logRecords');
      for (const record of logRecords as Record<string, unknown>[]) {
        for (const field of ['timeUnixNano', 'observedTimeUnixNano']) {
          if (typeof record[field] !== 'string' || !/^\d{19}$/.test(record[field] as string)) fail(`${field} ${String(record[field])}`);
        }
        if (typeof record.eventName !== 'string') fail('no eventName');
        const attributes = attributesOf(record.attributes, String(record.eventName));
        if (typeof attributes.get('log.record.uid') !== 'string') fail('no log.record.uid');
        records.push({ eventName: String(record.eventName), uid: String(attributes.get('log.record.uid')), n: attributes.get('n') });
      }
    }
  }
}

function receive(req: IncomingMessage, res: ServerResponse) {
  const origin = req.headers.origin ?? '';
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type, idempotency-key',
  };
  if (req.method === 'OPTIONS') {
    preflights++;
    res.writeHead(204, cors);
    return void res.end();
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const fault = faults.shift();
    if (fault) {
      res.writeHead(fault, cors);
      return void res.end();
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) problems.push(`content-type ${req.headers['content-type']}`);
    try {
      check(JSON.parse(Buffer.concat(chunks).toString('utf8')), origin);
    } catch (error) {
      problems.push(`not JSON: ${String(error)}`);
    }
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    res.end('{}'); // ExportLogsServiceResponse: everything accepted
  });
}

// The site, and on another port (another origin, so the browser asks the receiver's CORS
// preflight first) the receiver.
const site = useBrowser();

beforeAll(async () => {
  receiver = await serveStatic(repoRoot, { routes: { '/v1/logs': receive } });
});

afterAll(async () => {
  await receiver?.close();
});

beforeEach(async () => {
  records = [];
  problems = [];
  preflights = 0;
  faults = [];
  context = await site.browser.newContext();
});

afterEach(async () => {
  await context.close();
});

/** What tests/e2e/fixtures/delivery.html puts on window. */
interface FixtureWindow {
  tpFixture: { burst(name: string, count: number): void; flush(): Promise<void>; stored(): unknown[] };
  tpFixtureReady: boolean;
}

async function open(): Promise<Page> {
  const { page } = await site.open(`/tests/e2e/fixtures/delivery.html?format=otlp&endpoint=${encodeURIComponent(`${receiver.url}/v1/logs`)}`, {
    context,
    before: (page) => page.clock.install(),
  });
  expect(await page.evaluate(() => (window as unknown as FixtureWindow).tpFixtureReady)).toBe(true);
  return page;
}

async function until(done: () => boolean, page?: Page) {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; records so far: ${records.length}, problems: ${problems.join('; ')}`);
    if (page && !page.isClosed()) await page.clock.runFor(250).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** Each of `count` events named `name` (attribute n = 0…count-1) arrived exactly once. */
function expectExactlyOnce(name: string, count: number) {
  const got = records.filter((r) => r.eventName === name);
  expect(got.map((r) => r.n).sort((a, b) => Number(a) - Number(b))).toEqual([...Array(count).keys()]);
  expect(new Set(got.map((r) => r.uid)).size).toBe(got.length);
}

describe('OTLP sink (Chromium → OTLP/HTTP JSON receiver on 127.0.0.1)', () => {
  it('posts valid OTLP JSON logs across origins (CORS preflight), one record per event', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as FixtureWindow).tpFixture.burst('otlp.clicked', 12));
    await page.evaluate(() => (window as unknown as FixtureWindow).tpFixture.flush());
    await until(() => records.length === 12, page);
    expect(problems).toEqual([]);
    expect(preflights).toBeGreaterThan(0);
    expectExactlyOnce('otlp.clicked', 12);
  });

  it('a 503 is retried from the outbox: every record arrives once', async () => {
    faults = [503, 503];
    const page = await open();
    await page.evaluate(() => (window as unknown as FixtureWindow).tpFixture.burst('otlp.retried', 5));
    await page.evaluate(() => (window as unknown as FixtureWindow).tpFixture.flush());
    await until(() => records.length === 5, page);
    expect(faults).toEqual([]); // both 503s were answered before the records got through
    expect(problems).toEqual([]);
    expectExactlyOnce('otlp.retried', 5);
    // Removed from the outbox once the answer is in.
    let left = -1;
    for (let tries = 0; tries < 100 && left !== 0; tries++) {
      left = await page.evaluate(() => (window as unknown as FixtureWindow).tpFixture.stored().length);
      await page.clock.runFor(250);
    }
    expect(left).toBe(0);
  });

  it('the page navigates away right after the events: they leave by keepalive fetch (a JSON body cannot go by a cross-origin beacon)', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as FixtureWindow).tpFixture.burst('otlp.navigate', 4)); // under one batch: waiting for the timer
    await page.goto(`${site.url}/tests/e2e/fixtures/blank.html`);
    await until(() => records.length === 4);
    expect(problems).toEqual([]);
    expectExactlyOnce('otlp.navigate', 4);
  });
});
