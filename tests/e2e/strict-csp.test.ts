import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.mjs';
import { axTree } from '../support/ax-tree.js';
import { repoRoot, watchErrors } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

// The policy the README documents for site owners, sent as a real header. `lit-html` is the
// Trusted Types policy Lit creates for its templates; `touchpoint` is reserved for our own; and
// 'allow-duplicates' lets a second copy of Touchpoint (and its Lit) on the page create `lit-html`
// again instead of throwing.
export const STRICT_CSP =
  "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html touchpoint 'allow-duplicates'";

const PAGE = '/tests/e2e/fixtures/csp/';

/**
 * Each component's main interaction on the strict-CSP page. To add a component: a
 * `<section data-component="tp-…">` in fixtures/csp/index.html and an entry here.
 */
const INTERACTIONS: Record<string, (page: Page) => Promise<void>> = {
  'tp-tooltip': async (page) => {
    await page.focus('#archive');
    await page.waitForFunction(() => document.querySelector('tp-tooltip')!.shadowRoot!.querySelector('[part=body]')!.matches(':popover-open'));
    const button = (await axTree(page)).find((n) => n.role === 'button' && n.name === 'Archive');
    expect(button?.description).toBe('Moves the ticket out of your inbox');
    await page.keyboard.press('Escape');
  },
  'tp-toggletip': async (page) => {
    await page.getByRole('button', { name: 'About delivery' }).click();
    await page.waitForFunction(() => document.querySelector('tp-toggletip')!.shadowRoot!.querySelector('[part=body]')!.matches(':popover-open'));
    await page.keyboard.press('Escape');
  },
  'tp-progress-bar': async (page) => {
    const value = async () => (await axTree(page)).find((n) => n.role === 'progressbar' && n.name === 'Uploading 3 files')?.value;
    expect(await value()).toBe(20);
    await page.click('#upload-more');
    await expect.poll(value).toBe(50);
  },
  'tp-steps': async (page) => {
    const summary = () => page.evaluate(() => document.querySelector('tp-steps')!.shadowRoot!.querySelector('[part=summary]')!.textContent);
    expect(await summary()).toBe('Step 1 of 3 — Cart');
    await page.click('#next-step');
    await expect.poll(summary).toBe('Step 2 of 3 — Delivery');
  },
  'tp-busy': async (page) => {
    await page.click('#search');
    await expect.poll(async () => (await axTree(page)).find((n) => n.role === 'progressbar' && n.name === 'Loading results')?.role).toBe('progressbar');
    expect(await page.evaluate(() => document.querySelector('#results')!.shadowRoot!.querySelector('[part=region]')!.getAttribute('aria-busy'))).toBe('true');
  },
  'tp-reply-promise': async (page) => {
    await page.waitForFunction(() => document.querySelector('tp-reply-promise')!.shadowRoot!.querySelector('[part=promise]'));
    const text = await page.evaluate(() => document.querySelector('tp-reply-promise')!.shadowRoot!.textContent);
    expect(text).toMatch(/^We’ll reply by .+ \(your time\)\./);
  },
  'tp-submit-confirmation': async (page) => {
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.waitForFunction(() => (document.querySelector('tp-submit-confirmation') as unknown as { state: string }).state === 'confirmed');
    const text = await page.evaluate(() => document.querySelector('tp-submit-confirmation')!.shadowRoot!.textContent);
    expect(text).toContain('Message sent');
    expect(text).toContain('CSP-1');
  },
  'tp-unsubscribe': async (page) => {
    await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('tp-unsubscribe')!.shadowRoot!.textContent!.includes('You’re unsubscribed'));
    expect(unsubscribes).toEqual(['{"token":"csp-token","action":"unsubscribe_all"}']);
  },
};

/** Every element tag the source defines (src/<component>/define.ts). */
const definedTags = () => {
  const root = `${repoRoot}/src/`;
  return readdirSync(root)
    .filter((dir) => dir !== 'core' && existsSync(`${root}${dir}/define.ts`))
    .flatMap((dir) => [...readFileSync(`${root}${dir}/define.ts`, 'utf8').matchAll(/define\('(tp-[a-z-]+)'/g)].map((m) => m[1]!));
};

const submissions: string[] = [];
const unsubscribes: string[] = [];

// The form's back end: accepts the submission and answers with its reference number.
function submit(req: IncomingMessage, res: ServerResponse) {
  submissions.push(String(req.headers['idempotency-key']));
  req.resume().on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ reference: 'CSP-1' }));
  });
}

// The unsubscribe back end: records the body it was sent and says it is done.
function unsubscribe(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
    unsubscribes.push(body);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
}

const web = useBrowser({
  headers: { 'content-security-policy': STRICT_CSP },
  routes: { '/csp/submit': submit, '/csp/unsubscribe': unsubscribe },
});

describe('every component under a strict CSP with Trusted Types (Chromium, real header)', () => {
  it('the page has every component, and the test an interaction for each', () => {
    const onPage = [...readFileSync(`${repoRoot}${PAGE}index.html`, 'utf8').matchAll(/data-component="(tp-[a-z-]+)"/g)].map((m) => m[1]);
    expect(new Set(onPage)).toEqual(new Set(definedTags()));
    expect(new Set(Object.keys(INTERACTIONS))).toEqual(new Set(definedTags()));
  });

  it('each component’s main interaction works, with no violation reported', async () => {
    const refused: string[] = [];
    const { page, errors, response } = await web.open(PAGE, {
      before: (page) => page.on('console', (m) => /Content.Security.Policy|Trusted Type|Refused to/i.test(m.text()) && refused.push(m.text())),
    });
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await page.waitForFunction(() => document.querySelectorAll(':not(:defined)').length === 0);
    for (const [tag, interact] of Object.entries(INTERACTIONS)) {
      await expect(interact(page), tag).resolves.toBeUndefined();
    }
    expect(submissions).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('two copies of the bundle on one page: no error, no violation (this is what \'allow-duplicates\' is for)', async () => {
    const open = async (url: string) => {
      const page = await web.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(url);
      await page.waitForFunction(() => document.readyState === 'complete');
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      const summary = await page.evaluate(() => document.querySelector('tp-steps')?.shadowRoot?.querySelector('[part=summary]')?.textContent);
      await page.close();
      return { errors, violations, summary };
    };
    const both = await open(`${web.url}${PAGE}two-copies.html`);
    expect(both).toEqual({ errors: [], violations: [], summary: 'Step 2 of 2 — Delivery' });
    // Without 'allow-duplicates' the second copy's Lit cannot create its policy: the page breaks.
    const strictest = await serveStatic(repoRoot, {
      headers: { 'content-security-policy': STRICT_CSP.replace(" 'allow-duplicates'", '') },
    });
    try {
      const without = await open(`${strictest.url}${PAGE}two-copies.html`);
      expect(without.violations).toEqual([expect.stringMatching(/^trusted-types/)]);
      expect(without.errors.join()).toMatch(/lit-html/);
    } finally {
      await strictest.close();
    }
  });

  it('the policy is in force and a violation would be seen (control)', async () => {
    const { page } = await web.open(PAGE);
    await page.waitForFunction(() => customElements.get('tp-progress-bar'));
    // A string into innerHTML is what Trusted Types forbids; so is a style attribute under style-src.
    const threw = await page.evaluate(() => {
      try {
        document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>unsafe</p>');
        return false;
      } catch {
        return true;
      }
    });
    expect(threw).toBe(true);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))
      .toEqual([expect.stringMatching(/^require-trusted-types-for/)]);
    await page.close();
  });
});
