import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../src/steps/define.js';
import type { TpSteps } from '../../src/steps/steps.js';
import { setMessages } from '../../src/core/i18n.js';
import { takePreHubEvents, type TelemetryDetail } from '../../src/core/telemetry-event.js';

const CHECKOUT = '<ol><li><a href="/cart">Cart</a></li><li><a href="/delivery">Delivery</a></li><li>Payment</li><li>Review</li></ol>';

async function steps(attributes: Record<string, string> = {}, content = CHECKOUT): Promise<TpSteps> {
  const el = document.createElement('tp-steps');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = content;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = (el: TpSteps, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: TpSteps, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const summary = (el: TpSteps) => $(el, '[part=summary]')!.textContent!.trim();
/** Each step as a screen reader gets its words: "Cart, completed". */
const spoken = (el: TpSteps) =>
  $$(el, 'li').map((li) => [...li.children].filter((c) => c.getAttribute('aria-hidden') !== 'true').map((c) => c.textContent).join('').trim());

let warnings: ReturnType<typeof vi.spyOn>;
let events: TelemetryDetail[];
const record = (e: Event) => events.push((e as CustomEvent<TelemetryDetail>).detail);
beforeAll(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
  document.addEventListener('tp-telemetry', record);
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  warnings.mockClear();
  events = [];
  takePreHubEvents();
  vi.restoreAllMocks();
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
events = [];

describe('<tp-steps> rendering', () => {
  it('upgrades the page’s list: "Step 2 of 4 — Delivery", the current step marked, done steps said to be completed', async () => {
    const el = await steps({ current: '2' });
    expect(summary(el)).toBe('Step 2 of 4 — Delivery');
    const items = $$(el, 'li');
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual([null, 'step', null, null]);
    expect(items.map((li) => li.className)).toEqual(['done', 'current', 'upcoming', 'upcoming']);
    expect(items.map((li) => li.getAttribute('part'))).toEqual(['step done', 'step current', 'step upcoming', 'step upcoming']);
    expect(spoken(el)).toEqual(['Cart, completed', 'Delivery', 'Payment', 'Review']);
    // Visually: a tick for done, numbers otherwise (hidden from screen readers, which count list items).
    expect($$(el, '[part=marker]').map((m) => m.textContent)).toEqual(['✓', '2', '3', '4']);
    expect($$(el, '[part=marker]').every((m) => m.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it('keeps a link only on done steps: people can go back, not skip ahead or “go” where they are', async () => {
    const el = await steps({ current: '2' });
    const links = $$(el, 'a');
    expect(links.map((a) => a.hasAttribute('href'))).toEqual([true, false, false, false]);
    expect(links[0]!.getAttribute('href')).toBe(new URL('/cart', document.baseURI).href);
    const later = await steps({ current: '3' });
    expect($$(later, 'a').map((a) => a.hasAttribute('href'))).toEqual([true, true, false, false]);
  });

  it('takes the total from the list, from `total`, or says nothing about it when unknown', async () => {
    expect(summary(await steps({ current: '3' }))).toBe('Step 3 of 4 — Payment');
    expect(summary(await steps({ current: '2', total: '6' }))).toBe('Step 2 of 6 — Delivery');
    expect(summary(await steps({ current: '2', total: 'unknown' }))).toBe('Step 2 — Delivery');
    // A step past the listed ones with an unknown total: its number, no made-up total or name.
    expect(summary(await steps({ current: '7', total: 'unknown' }))).toBe('Step 7');
    expect(summary(await steps({ current: '3', total: '5' }, ''))).toBe('Step 3 of 5');
    expect(summary(await steps({ current: '3' }, ''))).toBe('Step 3');
  });

  it('formats numbers for the closest lang and takes the site owner’s words', async () => {
    document.documentElement.lang = 'ar-EG';
    expect(summary(await steps({ current: '2' }))).toBe('Step ٢ of ٤ — Delivery');
    document.documentElement.lang = 'de';
    setMessages('de', { 'steps.of': 'Schritt {current} von {total}', 'steps.done': 'erledigt' });
    const el = await steps({ current: '3' });
    expect(summary(el)).toBe('Schritt 3 von 4 — Payment');
    expect(spoken(el)[0]).toBe('Cart, erledigt');
  });

  it('compact: the one-line summary, with the list still there for screen readers', async () => {
    const el = await steps({ current: '2', compact: '' });
    expect(summary(el)).toBe('Step 2 of 4 — Delivery');
    expect($(el, 'ol')!.className).toBe('vh');
    expect($(el, '[aria-current=step]')!.textContent).toContain('Delivery');
  });

  it('renders markup in step names as text', async () => {
    const el = await steps({ current: '1' }, '<ol><li>&lt;img src=x onerror="window.hacked=1"&gt;<b>Cart</b></li><li>Pay</li></ol>');
    expect($(el, 'img')).toBeNull();
    expect(summary(el)).toBe('Step 1 of 2 — <img src=x onerror="window.hacked=1">Cart');
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('follows changes: `current` from script, and a list put in later', async () => {
    const el = await steps({ current: '1' }, '');
    expect(summary(el)).toBe('Step 1');
    el.innerHTML = CHECKOUT;
    el.current = 4;
    await el.updateComplete;
    expect(summary(el)).toBe('Step 4 of 4 — Review');
  });
});

describe('<tp-steps> with hostile input', () => {
  // [attributes, list, expected summary, a fragment the dev warning must contain]
  const cases: [Record<string, string>, string, string, string | null][] = [
    [{ current: 'abc' }, CHECKOUT, 'Step 1 of 4 — Cart', 'current="abc" is not accepted (expected a whole number from 1); using 1'],
    [{ current: '' }, CHECKOUT, 'Step 1 of 4 — Cart', 'current=""'],
    [{ current: '0' }, CHECKOUT, 'Step 1 of 4 — Cart', 'current="0"'],
    [{ current: '-2' }, CHECKOUT, 'Step 1 of 4 — Cart', 'current="-2"'],
    [{ current: '2.5' }, CHECKOUT, 'Step 1 of 4 — Cart', 'current="2.5"'],
    [{ current: 'NaN' }, CHECKOUT, 'Step 1 of 4 — Cart', 'current="NaN"'],
    [{ current: '1e309' }, CHECKOUT, 'Step 1 of 4 — Cart', 'current="1e309"'],
    [{ current: '9' }, CHECKOUT, 'Step 4 of 4 — Review', 'current="9" is not accepted (expected a step from 1 to 4); using 4'],
    [{ current: '9', total: '6' }, CHECKOUT, 'Step 6 of 6', 'expected a step from 1 to 6'],
    [{ current: '2', total: '0' }, CHECKOUT, 'Step 2 of 4 — Delivery', 'total="0" is not accepted (expected a whole number of steps, at least 4, or "unknown"); using 4'],
    [{ current: '2', total: '-3' }, CHECKOUT, 'Step 2 of 4 — Delivery', 'total="-3"'],
    [{ current: '2', total: '2' }, CHECKOUT, 'Step 2 of 4 — Delivery', 'total="2"'],
    [{ current: '2', total: 'lots' }, CHECKOUT, 'Step 2 of 4 — Delivery', 'total="lots"'],
    [{ current: '2', total: '1e309' }, CHECKOUT, 'Step 2 of 4 — Delivery', 'total="1e309"'],
    [{ current: '2', total: '0' }, '', 'Step 2', 'total="0" is not accepted (expected a whole number of steps, at least 1, or "unknown"); using unknown'],
    [{ current: '2', total: '<script>alert(1)</script>' }, '', 'Step 2', 'is not accepted'],
    [{ current: '2' }, '<ol></ol>', 'Step 2', 'has no steps to show'],
    [{ current: '1' }, '', 'Step 1', 'has no steps to show'],
    [{ current: '1' }, '<ul><li>Not an ordered list</li></ul>', 'Step 1', 'has no steps to show'],
    [{ current: '1', compact: '' }, '', 'Step 1', null],
  ];

  let n = 0;
  it.each(cases)('%o with %s never throws and falls back as documented', async (attributes, list, expected, warning) => {
    // A distinct id per case: each distinct warning is printed once per page.
    const el = await steps({ id: `hostile-${++n}`, ...attributes }, list);
    expect(summary(el)).toBe(expected);
    if (warning) expect(warnings.mock.calls.flat().join('\n')).toContain(warning);
    else expect(warnings).not.toHaveBeenCalled();
  });

  it('survives nonsense property values set from script', async () => {
    const el = await steps({ current: '2' });
    for (const v of [undefined, null, {}, 'x', [], true, -1, Infinity, NaN]) {
      (el as unknown as { current: unknown }).current = v;
      (el as unknown as { total: unknown }).total = v;
      await el.updateComplete;
      expect(summary(el)).toMatch(/^Step 1 of 4 — Cart$/);
    }
  });
});

describe('<tp-steps> telemetry', () => {
  let clock = 1000;
  const tick = (ms: number) => (clock += ms);
  const names = () => events.map((e) => e.name);

  it('reports each step viewed, and a step completed with its time when the flow moves past it', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const el = await steps({ id: 'checkout', current: '1' });
    tick(4000);
    el.current = 2;
    await el.updateComplete;
    tick(2500);
    el.current = 1; // back: no completion
    await el.updateComplete;
    tick(1000);
    el.current = 3; // forward past 1 (and 2, which was not on screen this time)
    await el.updateComplete;
    expect(events.map((e) => [e.name, e.props])).toEqual([
      ['tp.steps.step_viewed', { step: 1, total: 4 }],
      ['tp.steps.step_completed', { step: 1, total: 4, time_on_step_ms: 4000 }],
      ['tp.steps.step_viewed', { step: 2, total: 4 }],
      ['tp.steps.step_viewed', { step: 1, total: 4 }],
      ['tp.steps.step_completed', { step: 1, total: 4, time_on_step_ms: 1000 }],
      ['tp.steps.step_viewed', { step: 3, total: 4 }],
    ]);
    expect(events[0]!.component).toEqual({ tag: 'tp-steps', id: 'checkout' });
  });

  it('does not report a re-render of the same step again', async () => {
    const el = await steps({ current: '2' });
    el.compact = true;
    await el.updateComplete;
    el.innerHTML = CHECKOUT;
    await el.updateComplete;
    expect(names()).toEqual(['tp.steps.step_viewed']);
  });

  it('reports abandonment on pagehide mid-flow (step reached, time spent), once — and never on a tab switch', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    await steps({ current: '3', total: 'unknown' });
    tick(7000);
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('blur'));
    expect(names()).toEqual(['tp.steps.step_viewed']);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(events.slice(1).map((e) => [e.name, e.props])).toEqual([['tp.steps.abandoned', { step: 3, total: null, time_on_step_ms: 7000 }]]);
  });

  it('a form sent as the page is left completes the step instead (a multi-page flow’s “Continue”)', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const el = await steps({ current: '2' });
    const form = document.createElement('form');
    form.addEventListener('submit', (e) => e.preventDefault());
    el.before(form);
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    // A prevented submit (the page handles it in place) is not leaving: still abandoned.
    tick(3000);
    window.dispatchEvent(new Event('pagehide'));
    expect(names().at(-1)).toBe('tp.steps.abandoned');

    events.length = 0;
    const next = await steps({ current: '3' });
    const plain = document.createElement('form');
    next.before(plain);
    // Stop happy-dom from "sending" it, without marking the event prevented for tp-steps.
    plain.submit = () => {};
    plain.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    tick(1500);
    window.dispatchEvent(new Event('pagehide'));
    const last = events.at(-1)!;
    expect([last.name, last.props]).toEqual(['tp.steps.step_completed', { step: 3, total: 4, time_on_step_ms: 1500 }]);
  });

  it('going back through a step link is not abandoning; the page’s own link gets the click (a router may handle it)', async () => {
    const el = await steps({ current: '3' });
    const original = el.querySelector<HTMLAnchorElement>('a[href="/cart"]')!;
    const clicks: MouseEvent[] = [];
    original.addEventListener('click', (e) => {
      clicks.push(e);
      e.preventDefault(); // a router: stays on the page
    });
    $$(el, 'a')[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    expect(clicks).toHaveLength(1);
    // The router kept the page: leaving it later is abandoning.
    window.dispatchEvent(new Event('pagehide'));
    expect(names().at(-1)).toBe('tp.steps.abandoned');

    events.length = 0;
    const again = await steps({ current: '3' });
    again.querySelector('a[href="/cart"]')!.addEventListener('click', (e) => e.preventDefault(), { once: true });
    // Opening in a new tab is left to the browser: the page's link is not clicked.
    const modified = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
    $$(again, 'a')[0]!.dispatchEvent(modified);
    expect(modified.defaultPrevented).toBe(false);
  });

  it('stops listening when removed', async () => {
    const el = await steps({ current: '2' });
    el.remove();
    window.dispatchEvent(new Event('pagehide'));
    expect(names()).toEqual(['tp.steps.step_viewed']);
  });
});
