// The reply promise's whole loop, as `npm start` runs it: the contact form example in Chromium, served
// on 127.0.0.1 with its own back end (examples/contact-form/api.mjs) and the local collector at
// /collect (the page's data-endpoint). A real submission makes `tp.reply_promise.made` reach the
// collector's NDJSON file, and `touchpoint promises` (bin/touchpoint.js, a child process) reads that
// file with the replies and reports the promise.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactApi } from '../../examples/contact-form/api.mjs';
import { createCollector, type Collector } from '../../src/collector/collector.js';
import { repoRoot } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

const run = promisify(execFile);
/** Tuesday 24 November 2026, 10:00 in London: p90 of the sample statistics is Thursday 10:00. */
const NOW = new Date('2026-11-24T10:00:00Z');
const DEADLINE = '2026-11-26T10:00:00.000Z';

const dataDir = mkdtempSync(`${tmpdir()}/tp-contact-promises-`);
const api = createContactApi({ dataDir });
let collector: Collector;

beforeAll(async () => {
  collector = createCollector({ out: `${dataDir}/events.ndjson` });
  await collector.ready;
});

afterAll(async () => {
  await collector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Started after the collector above, and closed before it.
const web = useBrowser({ routes: { ...api.routes, '/collect': (req, res) => collector(req, res) } });

type Event = { v: number; id: string; name: string; time: number; component?: { tag: string }; props: Record<string, unknown> };

const collected = (): Event[] => {
  try {
    return readFileSync(`${dataDir}/events.ndjson`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Event);
  } catch {
    return [];
  }
};

/** `touchpoint promises` as a person would run it, on the collector's file. */
async function promisesReport(now: string): Promise<string> {
  const { stdout } = await run(process.execPath, [
    `${repoRoot}/bin/touchpoint.js`,
    'promises',
    '--events',
    `${dataDir}/events.ndjson`,
    '--replies',
    `${dataDir}/replies.csv`,
    '--now',
    now,
  ]);
  return stdout;
}

describe('contact form → collector → touchpoint promises', () => {
  it('a real submission sends tp.reply_promise.made to the collector, and `touchpoint promises` reports it', async () => {
    const context = await web.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const { page, errors } = await web.open('/examples/contact-form/', { context, before: (page) => page.clock.setFixedTime(NOW) });
    await page.waitForFunction(() => document.querySelector('tp-reply-promise')?.shadowRoot?.querySelector('[part=promise]'));

    await page.fill('#name', 'Ada Lovelace');
    await page.fill('#email', 'ada@example.com');
    await page.fill('#message', 'My order #42 has not arrived.');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.querySelector('tp-submit-confirmation')!.state === 'confirmed');

    // The hub sends its batch on its own (within its flush interval): nothing here pushes it.
    await expect.poll(() => collected().some((e) => e.name === 'tp.reply_promise.made'), { timeout: 15_000 }).toBe(true);
    const events = collected();
    const made = events.filter((e) => e.name === 'tp.reply_promise.made');
    expect(made).toHaveLength(1);
    // The promise the back end recorded with the message is the one the collector received.
    const [, row] = readFileSync(`${dataDir}/promises.csv`, 'utf8').trim().split('\n');
    const [reference, promiseId, deadline] = row!.split(',');
    expect(reference).toBe('CF-1001');
    expect(deadline).toBe(DEADLINE);
    expect(made[0]).toMatchObject({
      v: 1,
      time: NOW.getTime(),
      component: { tag: 'tp-reply-promise' },
      props: { promise_id: promiseId, deadline: DEADLINE, percentile: 90, sample: 325 },
    });
    // The rest of the flow arrived too, and nothing typed did.
    expect(events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['tp.reply_promise.shown', 'tp.submit_confirmation.submitted', 'tp.submit_confirmation.confirmed']),
    );
    expect(readFileSync(`${dataDir}/events.ndjson`, 'utf8')).not.toMatch(/Lovelace|ada@example|order #42/);
    // No failed request on the page: /collect and /api/contact both answered.
    expect(errors).toEqual([]);
    await context.close();

    // No reply yet, a day later: made, still open, not overdue.
    writeFileSync(`${dataDir}/replies.csv`, 'promise_id,replied_at\n');
    const open = await promisesReport('2026-11-25T10:00:00Z');
    expect(open).toContain('Promises made: 1\n');
    expect(open).toContain('Kept: none due or answered yet');
    expect(open).toContain('Still open: 1 (0 already overdue at 2026-11-25T10:00:00.000Z)');

    // Replied on Wednesday at 16:30 UTC, 17.5 hours before the deadline: kept.
    writeFileSync(`${dataDir}/replies.csv`, `promise_id,replied_at\n${promiseId},2026-11-25T16:30:00Z\n`);
    const kept = await promisesReport('2026-11-27T10:00:00Z');
    expect(kept).toContain('Promises made: 1\n');
    expect(kept).toContain('Kept: 1 of 1 (100.0%)');
    expect(kept).toContain('2026-W48  1 of 1 (100.0%)');
    expect(kept).toContain('Median slack: +17.5 h');
    expect(kept).toContain('Still open: 0');
  }, 60_000);
});
