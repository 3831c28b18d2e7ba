// The contact form example end to end: the script-tag build in Chromium against the example's own
// back end (examples/contact-form/api.mjs) on 127.0.0.1, with its data in a temporary folder, and the
// local collector at /collect where the page sends its telemetry (as under `npm start`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactApi } from '../../examples/contact-form/api.mjs';
import { createCollector, type Collector } from '../../src/collector/collector.js';
import { serveStatic } from '../../scripts/static-server.mjs';
import { announced as announcedIn } from '../support/ax-tree.js';
import { pageAxeViolations } from '../support/axe-page.js';
import { repoRoot, watchErrors } from '../support/browser.js';
import { useChromium } from '../support/use-browser.js';

/** Tuesday 24 November 2026, 10:00 in London: the reply promise always says the same. */
const NOW = new Date('2026-11-24T10:00:00Z');

let dataDir: string;
let api: ReturnType<typeof createContactApi>;
let collector: Collector;
let server: Awaited<ReturnType<typeof serveStatic>>;
let context: BrowserContext;
let page: Page;
let errors: string[];

const chromium = useChromium();

beforeEach(async () => {
  dataDir = mkdtempSync(`${tmpdir()}/tp-contact-`);
  api = createContactApi({ dataDir });
  collector = createCollector({ out: `${dataDir}/collected.ndjson` });
  server = await serveStatic(repoRoot, { routes: { ...api.routes, '/collect': collector } });
  context = await chromium.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.clock.setFixedTime(NOW);
  await open();
});

afterEach(async () => {
  await context?.close();
  await server?.close();
  await collector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open() {
  await page.goto(`${server.url}/examples/contact-form/`);
  await page.waitForFunction(() => {
    const promise = document.querySelector('tp-reply-promise');
    return promise?.shadowRoot?.querySelector('[part=promise]');
  });
}

const submitConfirmation = () => page.locator('tp-submit-confirmation');
const state = () => page.evaluate(() => document.querySelector('tp-submit-confirmation')!.state);
const waitForState = (s: string) => page.waitForFunction((s) => document.querySelector('tp-submit-confirmation')!.state === s, s);

/** What has focus, through shadow roots: its tag, part and text. */
const focused = () =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.localName, id: el?.id, part: el?.getAttribute('part'), text: (el as HTMLElement | null)?.innerText?.trim() };
  });

const axe = () => pageAxeViolations(page);
const announced = () => announcedIn(page);

const TYPED = { name: 'Ada Lovelace', email: 'ada@example.com', message: 'My order #42 has not arrived.', password: 's3cret-Pa55' };

async function fillByMouse() {
  await page.fill('#name', TYPED.name);
  await page.fill('#email', TYPED.email);
  await page.selectOption('#topic', 'Billing');
  await page.check('input[name=reply_by][value=phone]');
  await page.fill('#message', TYPED.message);
  await page.check('input[name=newsletter]');
  await page.fill('#password', TYPED.password);
}

const values = () =>
  page.evaluate(() => {
    const f = document.querySelector('form')!;
    const v = (id: string) => (f.querySelector(`#${id}`) as HTMLInputElement).value;
    return {
      name: v('name'),
      email: v('email'),
      topic: v('topic'),
      replyBy: (f.querySelector('input[name=reply_by]:checked') as HTMLInputElement).value,
      message: v('message'),
      newsletter: (f.querySelector('input[name=newsletter]') as HTMLInputElement).checked,
      password: v('password'),
    };
  });
const EXPECTED = { ...TYPED, topic: 'Billing', replyBy: 'phone', newsletter: true };

const pageErrors = () => errors.filter((e) => !/^http (4|5)\d\d: .*\/api\/contact$/.test(e));

describe('the contact form example', () => {
  it('works entirely by keyboard: fill, send, confirmation heading focused and announced', async () => {
    expect(await page.locator('tp-reply-promise [part=promise]').innerText()).toBe('We’ll reply by Thursday 26 November, 10:00 (your time).');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'name' });
    await page.keyboard.type(TYPED.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED.email);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // "Billing"
    await page.keyboard.press('Tab'); // the radio group
    await page.keyboard.press('ArrowDown'); // "By phone"
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED.message);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the newsletter
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED.password);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'button', text: 'Send message' });
    expect(await values()).toEqual(EXPECTED);
    await page.keyboard.press('Enter');

    await waitForState('confirmed');
    expect(await focused()).toMatchObject({ tag: 'h2', part: 'heading', text: 'Message sent' });
    const confirmation = await submitConfirmation().locator('[part=confirmation]').innerText();
    expect(confirmation).toContain('Your reference number: CF-1001');
    expect(confirmation).toContain('What happens next');
    expect(confirmation).toContain('We’ll reply by Thursday 26 November, 10:00 (your time).');

    // The heading is focused in the accessibility tree too, and the news is in the live region.
    const session = await context.newCDPSession(page);
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    await session.detach();
    const heading = nodes.find((n) => n.role?.value === 'heading' && n.name?.value === 'Message sent');
    expect(heading?.properties?.find((p) => p.name === 'focused')?.value.value).toBe(true);
    await expect
      .poll(announced)
      .toEqual({ live: 'polite', text: 'Message sent. Your reference number: CF-1001. We’ll reply by Thursday 26 November, 10:00 (your time).' });

    // Keeping a record, by keyboard.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Copy details' });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Print' });

    // The back end recorded one message with the promise the page made and reported.
    expect(api.state).toMatchObject({ requests: 1, accepted: 1 });
    const [header, row] = readFileSync(`${dataDir}/promises.csv`, 'utf8').trim().split('\n');
    expect(header).toBe('reference,promise_id,deadline,received_at');
    const [reference, promiseId, deadline] = row!.split(',');
    expect(reference).toBe('CF-1001');
    expect(deadline).toBe('2026-11-26T10:00:00.000Z');
    const made = await page.locator('#events li', { hasText: 'tp.reply_promise.made' }).innerText();
    expect(made).toContain(`"promise_id":"${promiseId}"`);
    expect(made).toContain('"deadline":"2026-11-26T10:00:00.000Z","percentile":90,"sample":325');
    // Sent: nothing typed is kept in the browser any more.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('tp-')))).toEqual([]);
    expect(await axe()).toEqual([]);
    expect(pageErrors()).toEqual([]);
  });

  it('axe finds nothing before, while slow, failed, offline and confirmed', async () => {
    expect(await axe()).toEqual([]);
    await fillByMouse();

    api.state.fault = 'slow';
    await page.click('button[type=submit]');
    await waitForState('slow');
    expect(await submitConfirmation().locator('[part=busy]').innerText()).toBe('Sending your message…');
    expect(await axe()).toEqual([]);
    await waitForState('confirmed');

    await open();
    await fillByMouse();
    api.state.fault = '503';
    await page.click('button[type=submit]');
    await waitForState('failed');
    expect(await axe()).toEqual([]);

    api.state.fault = 'none';
    await context.setOffline(true);
    await page.click('button[type=submit]');
    await waitForState('offline');
    expect(await focused()).toMatchObject({ part: 'error' });
    expect(await submitConfirmation().locator('[part=error]').innerText()).toContain('You are offline');
    expect(await axe()).toEqual([]);
    await submitConfirmation().getByRole('button', { name: 'Send when I am back online' }).click();
    expect(await state()).toBe('waiting');
    expect(await axe()).toEqual([]);
    await context.setOffline(false);
    await waitForState('confirmed');
    expect(await axe()).toEqual([]);
    expect(pageErrors()).toEqual([]);
  });

  it.each(['503', 'network', '422'] as const)('a failed submit (%s) keeps every value and says how to retry', async (fault) => {
    await fillByMouse();
    api.state.fault = fault;
    await page.click('button[type=submit]');
    await waitForState('failed');
    expect(await values()).toEqual(EXPECTED);
    expect(await focused()).toMatchObject({ part: 'error' });
    const summary = await submitConfirmation().locator('[part=error]').innerText();
    expect(summary).toContain('Your message was not sent');
    expect(summary).toContain('Everything you typed is still here.');

    api.state.fault = 'none';
    const retry = submitConfirmation().getByRole('button', { name: 'Try again' });
    if (fault === '422') {
      expect(await retry.count()).toBe(0);
      await page.click('button[type=submit]');
    } else await retry.click();
    await waitForState('confirmed');
    // Retried by the sender first where that can help (3 attempts), then once more by the person.
    // (Chromium itself resends a request once when a reused connection drops, so "network" counts more.)
    if (fault === 'network') expect(api.state.requests).toBeGreaterThanOrEqual(4);
    else expect(api.state.requests).toBe(fault === '422' ? 2 : 4);
    // One message kept, whatever the retries: one Idempotency-Key.
    expect(api.state.accepted).toBe(1);
  });

  it('a double submit sends one request', async () => {
    await fillByMouse();
    api.state.fault = 'slow';
    await page.click('button[type=submit]');
    await page.click('button[type=submit]');
    await page.focus('#name');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitForState('confirmed');
    expect(api.state.requests).toBe(1);
    expect(api.state.accepted).toBe(1);
  });

  it('after a reload the typed input is back, and the password is not', async () => {
    await fillByMouse();
    expect(await values()).toEqual(EXPECTED);
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
    expect(stored).toContain(TYPED.message);
    expect(stored).not.toContain(TYPED.password);

    await page.reload();
    await open();
    expect(await values()).toEqual({ ...EXPECTED, password: '' });
    // A fresh navigation in the same tab, where the browser restores nothing itself.
    await open();
    expect(await values()).toEqual({ ...EXPECTED, password: '' });

    await page.fill('#password', TYPED.password);
    await page.click('button[type=submit]');
    await waitForState('confirmed');
    await open();
    expect(await values()).toEqual({ name: '', email: '', topic: 'An order', replyBy: 'email', message: '', newsletter: false, password: '' });
  });

  it('the inbox marks a reply into replies.csv, which `touchpoint promises` joins to the made event', async () => {
    // The real clock here: the back end stamps the reply with it, and a reply cannot precede its promise.
    await context.close();
    context = await chromium.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    page = await context.newPage();
    await open();
    await page.evaluate(() => {
      const seen: unknown[] = ((window as unknown as { made: unknown[] }).made = []);
      document.addEventListener('tp-telemetry', (e) => {
        const { detail } = e as CustomEvent<{ name: string }>;
        if (detail.name === 'tp.reply_promise.made') seen.push(detail);
      });
    });
    await fillByMouse();
    await page.click('button[type=submit]');
    await waitForState('confirmed');
    const [made] = (await page.evaluate(() => (window as unknown as { made: unknown[] }).made)) as {
      name: string;
      time: number;
      props: { promise_id: string };
    }[];

    await page.goto(`${server.url}/api/contact/inbox`);
    expect(await page.locator('tbody tr').innerText()).toContain('CF-1001');
    expect(await axe()).toEqual([]);
    await page.getByRole('button', { name: 'Mark replied' }).click();
    await page.waitForURL(/\/api\/contact\/inbox$/);
    expect(await page.locator('tbody tr').innerText()).toContain('Replied');
    const replies = readFileSync(`${dataDir}/replies.csv`, 'utf8').trim().split('\n');
    expect(replies[0]).toBe('promise_id,replied_at');
    expect(replies[1]).toMatch(new RegExp(`^${made!.props.promise_id},\\d{4}-\\d\\d-\\d\\dT`));

    // The event as the page's collector stored it (sent when the page was left, at the latest),
    // read with the replies by the CLI.
    const collected = `${dataDir}/collected.ndjson`;
    await expect.poll(() => (existsSync(collected) ? readFileSync(collected, 'utf8') : ''), { timeout: 15_000 }).toContain(made!.props.promise_id);
    const report = execFileSync(
      process.execPath,
      [`${repoRoot}/bin/touchpoint.js`, 'promises', '--events', collected, '--replies', `${dataDir}/replies.csv`],
      { encoding: 'utf8' },
    );
    expect(report).toContain('Promises made: 1');
    // Replied seconds after the promise: kept.
    expect(report).toContain('Kept: 1 of 1 (100.0%)');
    expect(report).toContain('Still open: 0');
  });

  it('works under a strict Content-Security-Policy (no inline script or style)', async () => {
    const strict = await serveStatic(repoRoot, {
      routes: { ...api.routes, '/collect': collector },
      headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" },
    });
    try {
      const violations: string[] = [];
      page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
      await page.goto(`${strict.url}/examples/contact-form/`);
      await page.waitForFunction(() => document.querySelector('tp-reply-promise')?.shadowRoot?.querySelector('[part=promise]'));
      await fillByMouse();
      await page.click('button[type=submit]');
      await waitForState('confirmed');
      await expect.poll(async () => (await announced()).text).toContain('Message sent.');
      expect(violations).toEqual([]);
      expect(pageErrors()).toEqual([]);
    } finally {
      await strict.close();
    }
  }, 120_000);

  it('without JavaScript the form still posts and gets a confirmation page', async () => {
    const noScript = await chromium.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${server.url}/examples/contact-form/`);
    await plain.fill('#name', TYPED.name);
    await plain.fill('#email', TYPED.email);
    await plain.fill('#message', TYPED.message);
    await plain.click('button[type=submit]');
    await plain.waitForURL(/\/api\/contact\/thanks/);
    expect(await plain.locator('h1').innerText()).toBe('Message sent');
    expect(await plain.locator('strong').innerText()).toBe('CF-1001');
    await noScript.close();
  });
});
