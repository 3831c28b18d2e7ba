import { afterEach, describe, expect, it } from 'vitest';
import '../../src/reply-promise/define.js';
import type { TpReplyPromise } from '../../src/reply-promise/reply-promise.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';
import { HOURS, replyPromiseMarkup, replyPromiseStates } from '../../stories/reply-promise.states.js';

async function mount(markup: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  await Promise.all([...host.querySelectorAll('tp-reply-promise')].map((el) => (el as TpReplyPromise).updateComplete));
  return host;
}

/** What the element shows, sentence by sentence, as Chromium lays it out. */
const shown = (el: Element) => el.shadowRoot!.querySelectorAll('p');
const words = (el: Element) =>
  [...shown(el)]
    .map((p) => p.innerText)
    .join(' ')
    .replace(/\s+/g, ' ');

afterEach(async () => {
  document.body.replaceChildren();
  await resetMedia();
});

describe('<tp-reply-promise> in Chromium', () => {
  it.each(Object.entries(replyPromiseStates))('state "%s": the words promised, and no axe violations', async (_name, state) => {
    const host = await mount(replyPromiseMarkup(state));
    expect(words(host.querySelector('tp-reply-promise')!)).toBe(state.expected);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('loads reply-stats.json from stats-src', async () => {
    const host = await mount(
      `<div lang="en-GB"><tp-reply-promise hours="${HOURS}" time-zone="Europe/London" display-time-zone="Europe/London" now="2026-11-24T10:00:00Z" stats-src="/examples/data/reply-stats.json"></tp-reply-promise></div>`,
    );
    const el = host.querySelector('tp-reply-promise')!;
    await expect.poll(() => words(el)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).');
    expect(el.shadowRoot!.querySelector('time')!.dateTime).toBe('2026-11-25T17:30:00.000Z');
  });

  it('shows an unreachable file as a plain sentence, never a blank', async () => {
    const host = await mount(
      `<div lang="en-GB"><tp-reply-promise hours="${HOURS}" time-zone="Europe/London" now="2026-11-24T10:00:00Z" stats-src="/nowhere/reply-stats.json"></tp-reply-promise></div>`,
    );
    const el = host.querySelector('tp-reply-promise')!;
    await expect.poll(() => words(el)).toBe('We’ll reply as soon as we can.');
    expect(await axeViolations(host)).toEqual([]);
  });

  it('shows the deadline in bold, also in forced colours, and lays out the two sentences in order', async () => {
    const host = await mount(replyPromiseMarkup(replyPromiseStates['After hours']!));
    const el = host.querySelector('tp-reply-promise')!;
    const [promise, closed] = shown(el);
    expect(Number(getComputedStyle(el.shadowRoot!.querySelector('time')!).fontWeight)).toBeGreaterThanOrEqual(600);
    expect(closed!.getBoundingClientRect().top).toBeGreaterThan(promise!.getBoundingClientRect().bottom - 1);
    await emulateMedia({ 'forced-colors': 'active' });
    expect(await axeViolations(host)).toEqual([]);
  });

  it('follows the page’s text colour in a dark colour scheme', async () => {
    const host = await mount(replyPromiseMarkup(replyPromiseStates['Promise (p90)']!));
    host.style.colorScheme = 'dark';
    host.style.background = '#15181d';
    host.style.color = '#e8edf5';
    const el = host.querySelector('tp-reply-promise')!;
    expect(getComputedStyle(shown(el)[0]!).color).toBe('rgb(232, 237, 245)');
    expect(await axeViolations(host)).toEqual([]);
  });
});
