// <tp-progress-bar estimate> from the ESM build (tests/e2e/fixtures/progress-bar-esm.html), where
// the estimate is a chunk the bar imports on demand: what a screen reader user gets on the bar while
// an estimate is shown, and what happens when that chunk cannot load.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uploadScripts } from '../../stories/progress-bar-estimate.states.js';
import { axTree } from '../support/ax-tree.js';
import { useBrowser } from '../support/use-browser.js';

const web = useBrowser();
const FIXTURE = '/tests/e2e/fixtures/progress-bar-esm.html';

interface Bar extends HTMLElement {
  value?: number | null;
  estimate?: boolean;
  updateComplete: Promise<unknown>;
}

/**
 * The value text of the element with `id` as Chromium's accessibility tree has it. CDP's own
 * `valuetext` property is empty in this Chromium (even for a plain `aria-valuetext` attribute), so it
 * is read the way the accessible-name computation reads a range control it embeds: a probe labelled
 * by the bar is named with the bar's aria-valuetext (its aria-valuenow when it has none, its name
 * when it has neither).
 */
async function valueText(page: Page, id: string): Promise<string> {
  await page.evaluate((id) => {
    const probe = document.getElementById('value-probe') ?? document.body.appendChild(Object.assign(document.createElement('span'), { id: 'value-probe' }));
    probe.setAttribute('role', 'img');
    probe.setAttribute('aria-labelledby', id);
  }, id);
  const probes = (await axTree(page)).filter((n) => n.role === 'image');
  expect(probes).toHaveLength(1);
  return probes[0]!.name;
}

/** The shown value and estimate of the bar with `id` (shadow DOM text). */
function shown(page: Page, id: string): Promise<{ value: string; estimate: string | null }> {
  return page.evaluate((id) => {
    const root = document.getElementById(id)!.shadowRoot!;
    return { value: root.querySelector('[part=value]')!.textContent!, estimate: root.querySelector('[part=estimate]')?.textContent ?? null };
  }, id);
}

describe('<tp-progress-bar estimate> in the accessibility tree', () => {
  it('while an estimate is shown it is part of the bar’s value text, in the bar’s language; off, only the value', async () => {
    const { page, errors } = await web.open(`${FIXTURE}?locale=de`, { before: (page) => page.clock.install() });
    await page.evaluate(async () => {
      await (window as unknown as { tpReady: Promise<void> }).tpReady;
      document.body.innerHTML = `
        <tp-progress-bar id="en" label="Uploading scan.pdf" show-value estimate value="0"></tp-progress-bar>
        <div lang="de"><tp-progress-bar id="de" label="scan.pdf wird hochgeladen" show-value estimate value="0"></tp-progress-bar></div>`;
    });
    // The estimate chunk has loaded and attached (its controller creates the live region).
    await expect.poll(() => page.evaluate(() => !!document.getElementById('tp-announcer'))).toBe(true);

    const stalled = uploadScripts['Stalled upload']!;
    const seen: { estimate: string; value: string; valueText: string }[] = [];
    for (let s = 0; s <= 90; s++) {
      await page.evaluate((value) => document.querySelectorAll<Bar>('tp-progress-bar').forEach((bar) => (bar.value = value)), stalled(s));
      await page.clock.runFor(1000);
      const now = await shown(page, 'en');
      if (now.estimate && now.estimate !== seen.at(-1)?.estimate) seen.push({ ...now, estimate: now.estimate, valueText: await valueText(page, 'en') });
    }
    // A number first, then "taking longer": each time, what is shown is what the bar's value says.
    expect(seen[0]!.estimate).toMatch(/^About \d+ minutes? left$/);
    expect(seen.at(-1)!.estimate).toBe('Taking longer than usual');
    for (const { estimate, value, valueText } of seen) expect(valueText).toBe(`${value} — ${estimate}`);
    expect(await valueText(page, 'en')).toBe('42% — Taking longer than usual');
    // In German, from the German catalogue and number format.
    const de = await shown(page, 'de');
    expect(de.estimate).toBe('Dauert länger als üblich');
    expect(await valueText(page, 'de')).toBe(`${de.value} — Dauert länger als üblich`);
    expect(de.value).toMatch(/^42\s%$/);

    // The bar itself is unchanged: its role, name and number.
    const bar = (await axTree(page)).find((n) => n.role === 'progressbar' && n.name === 'Uploading scan.pdf');
    expect(bar?.value).toBe(42);

    // Turned off, the estimate leaves the value text too.
    await page.evaluate(async () => {
      const bar = document.getElementById('en') as Bar;
      bar.estimate = false;
      await bar.updateComplete;
    });
    expect(await valueText(page, 'en')).toBe('42%');
    // Indeterminate: no value text at all, estimate or not (with no value, the probe gets the bar's name).
    await page.evaluate(async () => {
      const bar = document.getElementById('de') as Bar;
      bar.value = null;
      await bar.updateComplete;
    });
    expect(await valueText(page, 'de')).toBe('scan.pdf wird hochgeladen');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('<tp-progress-bar estimate> when its chunk cannot load', () => {
  it('no page error, the bar works without an estimate and says why in a dev warning; turning `estimate` off and on tries again', async () => {
    let requests = 0;
    let offline = true;
    const warnings: string[] = [];
    const { page, errors } = await web.open(`${FIXTURE}?build=dev`, {
      before: async (page) => {
        page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
        await page.route(/\/progress-bar\/estimate-bar\.js$/, (route) => {
          requests++;
          return offline ? route.abort('internetdisconnected') : route.continue();
        });
      },
    });
    await page.evaluate(async () => {
      await (window as unknown as { tpReady: Promise<void> }).tpReady;
      document.body.innerHTML = '<tp-progress-bar id="upload" label="Uploading scan.pdf" show-value estimate value="10"></tp-progress-bar>';
    });
    await expect.poll(() => warnings.filter((w) => w.includes('estimate'))).toHaveLength(1);
    expect(warnings.find((w) => w.includes('estimate'))).toMatch(
      /^\[touchpoint\] <tp-progress-bar#upload>: could not load its estimate \(estimate-bar\.js\), so it shows none: TypeError: .*estimate-bar\.js/,
    );

    // The bar goes on: it renders and reports its value; no estimate, no live region, no retries.
    for (const value of [30, 55]) {
      await page.evaluate(async (value) => {
        const bar = document.getElementById('upload') as Bar;
        bar.value = value;
        await bar.updateComplete;
      }, value);
    }
    const bar = (await axTree(page)).find((n) => n.role === 'progressbar');
    expect(bar).toMatchObject({ name: 'Uploading scan.pdf', value: 55 });
    expect(await valueText(page, 'upload')).toBe('55%');
    expect(await shown(page, 'upload')).toEqual({ value: '55%', estimate: null });
    expect(await page.evaluate(() => document.getElementById('tp-announcer'))).toBeNull();
    expect(requests).toBe(1);
    // No unhandled rejection (a `pageerror`), no console error.
    expect(errors).toEqual([]);

    // Back online: the next time `estimate` turns on, the chunk is requested again, and attaches.
    offline = false;
    await page.evaluate(async () => {
      const bar = document.getElementById('upload') as Bar;
      bar.estimate = false;
      await bar.updateComplete;
      bar.estimate = true;
      await bar.updateComplete;
    });
    await expect.poll(() => page.evaluate(() => !!document.getElementById('tp-announcer'))).toBe(true);
    expect(requests).toBe(2);
    expect(warnings.filter((w) => w.includes('estimate'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
