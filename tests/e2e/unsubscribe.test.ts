// <tp-unsubscribe> end to end: the script-tag build in Chromium against the example's own back end
// (examples/unsubscribe/api.mjs: HMAC tokens, RFC 8058 one-click, SQLite through node-sqlite3-wasm)
// on 127.0.0.1, with its database in a temporary folder. The stored preference is read back from
// that database, not from the page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import sqlite from 'node-sqlite3-wasm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnsubscribeApi } from '../../examples/unsubscribe/api.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';
import { createCollector, type Collector } from '../../src/collector/collector.js';
import { announced as announcedIn, axTree } from '../support/ax-tree.js';
import { pageAxeViolations } from '../support/axe-page.js';
import { repoRoot, watchErrors } from '../support/browser.js';
import { useChromium } from '../support/use-browser.js';

let dataDir: string;
let api: ReturnType<typeof createUnsubscribeApi>;
let server: Awaited<ReturnType<typeof serveStatic>>;
let collector: Collector;
let context: BrowserContext;
let page: Page;
let errors: string[];
let id: number;
let token: string;

const chromium = useChromium();

beforeEach(async () => {
  dataDir = mkdtempSync(`${tmpdir()}/tp-unsubscribe-`);
  api = createUnsubscribeApi({ dataDir });
  id = api.subscriber();
  token = api.mint(id);
  // The page sends its telemetry to the local collector, as under `npm start`.
  collector = createCollector({ out: `${dataDir}/events.ndjson` });
  server = await serveStatic(repoRoot, { routes: { ...api.routes, '/collect': collector } });
  context = await chromium.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.addInitScript(() => {
    const seen: { name: string; props: Record<string, unknown> }[] = ((window as unknown as { events: unknown[] }).events = []);
    document.addEventListener('tp-telemetry', (e) => seen.push((e as CustomEvent).detail));
  });
});

afterEach(async () => {
  await context?.close();
  await server?.close();
  await collector?.close();
  api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What reached the local collector: each event's name and props. */
function collected(): [string, Record<string, unknown>][] {
  try {
    return readFileSync(`${dataDir}/events.ndjson`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .map((e: { name: string; props: Record<string, unknown> }) => [e.name, e.props]);
  } catch {
    return [];
  }
}

/** The row as SQLite has it on disk, read with a connection of its own. */
function stored() {
  const db = new sqlite.Database(`${dataDir}/unsubscribe.sqlite`);
  try {
    const row = db.get('SELECT subscribed, stopped_topics, frequency, paused_until, reason FROM subscribers WHERE id = ?', [id]) as Record<string, unknown>;
    return { ...row, stopped_topics: JSON.parse(row.stopped_topics as string) } as Record<string, unknown>;
  } finally {
    db.close();
  }
}

async function open(query = '') {
  await page.goto(`${server.url}/api/unsubscribe?token=${token}${query}`);
  await page.waitForFunction(() => customElements.get('tp-unsubscribe') && document.querySelector('tp-unsubscribe')?.shadowRoot?.querySelector('h2'));
}

const el = () => page.locator('tp-unsubscribe');
const state = () => page.evaluate(() => document.querySelector('tp-unsubscribe')!.state);
const waitForState = (s: string) => page.waitForFunction((s) => document.querySelector('tp-unsubscribe')!.state === s, s);
const heading = () => el().locator('h2').innerText();
const events = () => page.evaluate(() => (window as unknown as { events: { name: string; props: Record<string, unknown> }[] }).events.map((e) => [e.name, e.props]));
/** The choices kept in this browser (the outbox keeps one localStorage entry per request). */
const outbox = () =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tp-outbox-unsubscribe:')).map((k) => localStorage.getItem(k)!));
const pageErrors = () => errors.filter((e) => !/^http (4|5)\d\d: .*\/api\/unsubscribe$/.test(e));

/** What has focus, through shadow roots. */
const focused = () =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    // A form control is known by its label.
    const named = (el as HTMLInputElement | null)?.labels?.[0] ?? (el as HTMLElement | null);
    return { tag: el?.localName, part: el?.getAttribute('part'), text: named?.innerText?.trim() ?? '' };
  });

/** Presses Tab until `text` has focus (the keyboard is the only way in). */
async function tabTo(text: string) {
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    if ((await focused()).text === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

const axe = () => pageAxeViolations(page);
const announced = () => announcedIn(page);

const UNSUBSCRIBED = 'You’re unsubscribed';
const EFFECT = 'You won’t get any more emails from us. Emails already on their way may still arrive for up to 48 hours.';
const SUBSCRIBED = { subscribed: 1, stopped_topics: [], frequency: 'daily', paused_until: null, reason: null };

describe('the unsubscribe example', () => {
  it('one click unsubscribes and the database changes; resubscribe restores it; all by keyboard', async () => {
    await open();
    expect(await heading()).toBe('Unsubscribe from our emails');
    expect(stored()).toEqual(SUBSCRIBED);
    // Nothing is sent just by opening the page (mail scanners open links too).
    expect(api.state.requests).toBe(0);
    expect(await axe()).toEqual([]);

    await tabTo('Unsubscribe');
    await page.keyboard.press('Enter');
    await waitForState('done');
    expect(stored()).toMatchObject({ subscribed: 0 });
    expect(api.state).toMatchObject({ requests: 1, applied: 1 });
    // The context changed: focus is on the confirmation heading, in the DOM and in the accessibility tree.
    expect(await focused()).toEqual({ tag: 'h2', part: 'heading', text: UNSUBSCRIBED });
    const tree = await axTree(page);
    const confirmed = tree.find((n) => n.role === 'heading' && n.name === UNSUBSCRIBED);
    expect(confirmed?.properties).toMatchObject({ focused: true, level: 2 });
    expect(await el().locator('[part=confirmation]').innerText()).toContain(EFFECT);
    await expect.poll(announced).toEqual({ live: 'polite', text: `${UNSUBSCRIBED}. ${EFFECT}` });

    // Fewer emails instead, by keyboard.
    await tabTo('At most one email a month');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Your choice is saved');
    expect(stored()).toMatchObject({ subscribed: 1, frequency: 'monthly' });
    expect(await focused()).toMatchObject({ part: 'heading', text: 'Your choice is saved' });

    // Only some topics: nothing is pre-checked; the person checks "Tips and guides" with Space.
    expect(await el().locator('input[type=checkbox]:checked').count()).toBe(0);
    await tabTo('Tips and guides');
    await page.keyboard.press('Space');
    await tabTo('Save');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Your topics are saved');
    expect(stored()).toMatchObject({ subscribed: 1, stopped_topics: ['news', 'offers'] });
    expect(await el().locator('[part=confirmation]').innerText()).toContain('From now on you’ll only get emails about Tips and guides.');

    // A reason, typed and sent by keyboard; it reaches the site, not telemetry.
    await tabTo('Why did you unsubscribe? (optional)');
    expect((await focused()).tag).toBe('textarea');
    await page.keyboard.type('Too many emails');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => el().locator('[part=thanks]').count()).toBe(1);
    expect(await focused()).toMatchObject({ part: 'thanks', text: 'Thank you for telling us.' });
    expect(stored()).toMatchObject({ reason: 'Too many emails' });

    // Resubscribe: one click, and exactly what this visit changed is undone.
    await tabTo('Resubscribe');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('You’re subscribed again');
    expect(await focused()).toMatchObject({ part: 'heading', text: 'You’re subscribed again' });
    expect(stored()).toEqual({ ...SUBSCRIBED, reason: 'Too many emails' });
    expect(await axe()).toEqual([]);

    expect(await events()).toEqual([
      ['tp.unsubscribe.completed', { scope: 'all' }],
      ['tp.unsubscribe.changed', { setting: 'frequency' }],
      ['tp.unsubscribe.completed', { scope: 'topics' }],
      ['tp.unsubscribe.reason', {}],
      ['tp.unsubscribe.resubscribed', {}],
    ]);
    expect(JSON.stringify(await events())).not.toContain('Too many');
    expect(await outbox()).toEqual([]);
    // The same events reached the collector (the page was left, so the last batch went too).
    const sent = (await events()).map(([name]) => name);
    await page.goto('about:blank');
    await expect.poll(() => collected().map(([name]) => name)).toEqual(sent);
    expect(JSON.stringify(collected())).not.toContain('Too many');
    expect(pageErrors()).toEqual([]);
  });

  it('with `auto`, zero clicks: unsubscribed as the page opens, announced, focus left alone', async () => {
    await open('&auto');
    await waitForState('done');
    expect(await heading()).toBe(UNSUBSCRIBED);
    expect(stored()).toMatchObject({ subscribed: 0 });
    expect(api.state).toMatchObject({ requests: 1, applied: 1 });
    // Nobody acted on the page: nothing steals focus, but the news is said.
    expect((await focused()).tag).toBe('body');
    await expect.poll(async () => (await announced()).text).toBe(`${UNSUBSCRIBED}. ${EFFECT}`);
    expect(await axe()).toEqual([]);
    expect(pageErrors()).toEqual([]);
  });

  it('a double click sends one request', async () => {
    await open();
    api.state.fault = 'slow';
    const button = el().getByRole('button', { name: 'Unsubscribe' });
    await button.dblclick();
    // While it is on its way the button says it is disabled (so Playwright would wait): forced.
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    await button.click({ force: true });
    await waitForState('slow');
    expect(await el().locator('[part=status]').innerText()).toBe('Saving your choice…');
    expect(await axe()).toEqual([]);
    await waitForState('done');
    expect(api.state).toMatchObject({ requests: 1, applied: 1 });
  });

  it('a click while offline says so and is sent after reconnecting', async () => {
    await open();
    await context.setOffline(true);
    await el().getByRole('button', { name: 'Unsubscribe' }).click();
    await waitForState('offline');
    expect(await el().locator('[part=status]').innerText()).toContain('You’re offline.');
    await expect.poll(async () => (await announced()).text).toContain('You’re offline.');
    expect((await outbox()).join()).toContain('unsubscribe_all');
    expect(await axe()).toEqual([]);
    expect(api.state.requests).toBe(0);

    await context.setOffline(false);
    await waitForState('done');
    expect(stored()).toMatchObject({ subscribed: 0 });
    expect(api.state).toMatchObject({ requests: 1, applied: 1 });
    expect(await outbox()).toEqual([]);
  });

  it('a choice the server never got is sent once on the next load', async () => {
    await open();
    // The network drops every request: the sender retries, then says the choice is kept.
    await page.route('**/api/unsubscribe', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
    await el().getByRole('button', { name: 'Unsubscribe' }).click();
    await waitForState('failed');
    expect(await el().locator('[part=status]').innerText()).toContain('It is kept in this browser');
    // Only "Try again" sends the kept choice: no second Unsubscribe beside it to queue another.
    expect(await el().getByRole('button', { name: 'Unsubscribe' }).count()).toBe(0);
    expect(await el().getByRole('button', { name: 'Try again' }).count()).toBe(1);
    expect(await focused()).toMatchObject({ part: 'status' });
    expect(await axe()).toEqual([]);
    expect(api.state.requests).toBe(0);
    const kept = await outbox();
    expect(kept).toHaveLength(1);

    await page.unroute('**/api/unsubscribe');
    await open();
    await waitForState('done');
    expect(await heading()).toBe(UNSUBSCRIBED);
    expect(stored()).toMatchObject({ subscribed: 0 });
    expect(api.state).toMatchObject({ requests: 1, applied: 1 });
    expect(await outbox()).toEqual([]);
    // Reloading again sends nothing more.
    await open();
    expect(await state()).toBe('ready');
    expect(api.state.requests).toBe(1);
  });

  it('a reload while the server is still answering resends with the same key: applied once', async () => {
    await open();
    api.state.fault = 'hang';
    await el().getByRole('button', { name: 'Unsubscribe' }).click();
    await expect.poll(() => api.state.requests).toBe(1);
    api.state.fault = 'none';
    await open();
    await waitForState('done');
    expect(api.state).toMatchObject({ requests: 2, applied: 1 });
    expect(stored()).toMatchObject({ subscribed: 0 });
  });

  it('5xx is retried with one Idempotency-Key, then "Try again" sends it', async () => {
    await open();
    api.state.fault = '503';
    await el().getByRole('button', { name: 'Unsubscribe' }).click();
    await waitForState('failed');
    expect(api.state).toMatchObject({ requests: 4, applied: 0 });
    api.state.fault = 'none';
    await el().getByRole('button', { name: 'Try again' }).click();
    await waitForState('done');
    expect(api.state).toMatchObject({ requests: 5, applied: 1 });
    expect((await events()).find(([name]) => name === 'tp.unsubscribe.failed')).toEqual(['tp.unsubscribe.failed', { reason: 'server', status: 503 }]);
  });

  it.each([
    ['forged', 403, () => `${token.slice(0, -2)}xx`],
    ['expired', 410, () => api.mint(id, -1)],
  ] as const)('the %s token is refused (%i): a clear message and the contact address, never a dead end', async (_kind, status, make) => {
    token = make();
    await open();
    await el().getByRole('button', { name: 'Unsubscribe' }).click();
    await waitForState('invalid');
    expect(await focused()).toMatchObject({ part: 'heading', text: 'This link has expired or isn’t valid' });
    const link = el().getByRole('link', { name: 'privacy@example.com' });
    expect(await link.getAttribute('href')).toBe('mailto:privacy@example.com');
    expect(await el().locator('[part=error]').innerText()).toContain('We can still unsubscribe you: write to privacy@example.com');
    await expect.poll(async () => (await announced()).text).toContain('This link has expired or isn’t valid.');
    expect(stored()).toEqual(SUBSCRIBED);
    expect(await events()).toContainEqual(['tp.unsubscribe.failed', { reason: 'token', status }]);
    expect(await axe()).toEqual([]);
  });

  it('axe finds nothing on the paused and resubscribed states either', async () => {
    await open('&auto');
    await waitForState('done');
    await el().getByRole('button', { name: 'Pause for 30 days' }).click();
    await expect.poll(heading).toBe('Your emails are paused');
    expect(stored().paused_until).toMatch(/^\d{4}-/);
    expect(await axe()).toEqual([]);
    await el().getByRole('button', { name: 'Resubscribe' }).click();
    await expect.poll(heading).toBe('You’re subscribed again');
    expect(stored()).toEqual(SUBSCRIBED);
    expect(await axe()).toEqual([]);
  });
});

describe('the unsubscribe example under a strict Content-Security-Policy with Trusted Types', () => {
  it('works with no inline script or style, and no violation', async () => {
    const strict = await serveStatic(repoRoot, {
      routes: { ...api.routes, '/collect': collector },
      headers: {
        'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html",
      },
    });
    try {
      const violations: string[] = [];
      page.on('console', (m) => /Content.Security.Policy|Refused to|TrustedHTML|Trusted Type/i.test(m.text()) && violations.push(m.text()));
      await page.goto(`${strict.url}/api/unsubscribe/demo`);
      await page.waitForFunction(() => document.querySelector('tp-unsubscribe')?.shadowRoot?.querySelector('button'));
      await el().getByRole('button', { name: 'Unsubscribe' }).click();
      await waitForState('done');
      await el().getByRole('button', { name: 'Pause for 90 days' }).click();
      await expect.poll(heading).toBe('Your emails are paused');
      await expect.poll(async () => (await announced()).text).toContain('Your emails are paused.');
      expect(violations).toEqual([]);
      expect(pageErrors()).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});

describe('RFC 8058 one-click (what mail providers POST)', () => {
  const post = (t: string, body = 'List-Unsubscribe=One-Click') =>
    fetch(`${server.url}/api/unsubscribe?token=${encodeURIComponent(t)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });

  it('returns 200 with no Location and no cookie, and is idempotent', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await post(token);
      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(stored()).toMatchObject({ subscribed: 0 });
    }
    expect(stored()).toEqual({ ...SUBSCRIBED, subscribed: 0 });
  });

  it('accepts the multipart/form-data body the RFC recommends', async () => {
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const response = await fetch(`${server.url}/api/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST', body: form, redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(stored()).toEqual({ ...SUBSCRIBED, subscribed: 0 });
  });

  it('refuses a forged or expired token and a body that is not the one-click field', async () => {
    expect((await post(`${token}x`)).status).toBe(403);
    expect((await post(api.mint(id + 1000))).status).toBe(404);
    expect((await post(api.mint(id, -1))).status).toBe(410);
    expect((await post(token, 'List-Unsubscribe=Maybe')).status).toBe(400);
    expect(stored()).toEqual(SUBSCRIBED);
  });

  it('the same URL’s GET serves the page', async () => {
    const response = await fetch(`${server.url}/api/unsubscribe?token=${token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<tp-unsubscribe');
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('the JSON back end (examples/unsubscribe/api.mjs)', () => {
  const choose = (body: Record<string, unknown>, key?: string) =>
    fetch(`${server.url}/api/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });

  it('the same Idempotency-Key twice is applied once; another token with that key gets no replay', async () => {
    const key = 'k'.repeat(32);
    const first = await choose({ token, action: 'unsubscribe_all' }, key);
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(api.state.applied).toBe(1);
    const again = await choose({ token, action: 'unsubscribe_all' }, key);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);
    expect(api.state.applied).toBe(1);
    // A forged token with a known key is refused, not handed the first subscriber's preferences.
    const forged = await choose({ token: `${token.slice(0, -2)}xx`, action: 'unsubscribe_all' }, key);
    expect(forged.status).toBe(403);
    expect(JSON.stringify(await forged.json())).not.toContain('stopped_topics');
    // Another subscriber's valid token with the same key is a new request of its own.
    const other = api.subscriber('bob@example.com');
    const theirs = await choose({ token: api.mint(other), action: 'pause', pause_days: 30 }, key);
    expect(theirs.status).toBe(200);
    expect((await theirs.json()).preferences).toMatchObject({ subscribed: true, paused_until: expect.any(String) });
    expect(api.state.applied).toBe(2);
    expect(stored()).toMatchObject({ subscribed: 0, paused_until: null });
  });

  it('fewer emails keeps the topics the person stopped', async () => {
    expect((await choose({ token, action: 'unsubscribe_topics', topics: ['news'] })).status).toBe(200);
    expect((await choose({ token, action: 'set_frequency', frequency: 'weekly' })).status).toBe(200);
    expect(stored()).toMatchObject({ subscribed: 1, stopped_topics: ['news'], frequency: 'weekly' });
  });
});
