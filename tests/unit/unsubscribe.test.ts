import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/unsubscribe/define.js';
import { setMessages } from '../../src/core/i18n.js';
import { Outbox } from '../../src/core/outbox.js';
import { GUILT_PHRASES, guiltIn } from '../../src/unsubscribe/guilt.js';
import { unsubscribeMessages } from '../../src/unsubscribe/messages.js';
import type { TpUnsubscribe } from '../../src/unsubscribe/unsubscribe.js';
import { reachUnsubscribeState, unsubscribeMarkup, unsubscribeStates } from '../../stories/unsubscribe.states.js';

/** The element's outbox, read through the Outbox itself (it owns the storage layout). */
const outbox = () => new Outbox({ key: 'tp-outbox-unsubscribe' });

interface Call {
  url: string;
  init: RequestInit;
}
let calls: Call[];
/** A stand-in for the site's endpoint: every call answers `status` (or hangs). */
function endpoint(status: number | 'hang' = 200) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url: String(url), init });
      if (status === 'hang') return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      return Promise.resolve(new Response('{"ok":true}', { status }));
    }),
  );
}

const events: { name: string; props: Record<string, unknown> }[] = [];
const onTelemetry = (e: Event) => events.push((e as CustomEvent).detail);

async function mount(attributes = '', inner = ''): Promise<TpUnsubscribe> {
  document.body.innerHTML = `<tp-unsubscribe endpoint="/api/unsubscribe" token="t0k3n" contact="help@example.com" ${attributes}>${inner}</tp-unsubscribe>`;
  const el = document.querySelector('tp-unsubscribe')!;
  await el.updateComplete;
  return el;
}

const until = async (done: () => boolean) => {
  for (let i = 0; !done(); i++) {
    if (i > 500) throw new Error('never happened');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const button = (el: TpUnsubscribe, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
const shown = (el: TpUnsubscribe) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

beforeEach(() => {
  localStorage.clear();
  events.length = 0;
  document.addEventListener('tp-telemetry', onTelemetry);
});
afterEach(() => {
  document.removeEventListener('tp-telemetry', onTelemetry);
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('<tp-unsubscribe>: no dark patterns in any story', () => {
  it.each(Object.keys(unsubscribeStates))('story "%s": nothing pre-checked toward staying, no guilt label', async (name) => {
    const state = unsubscribeStates[name]!;
    document.body.innerHTML = unsubscribeMarkup(state);
    const el = await reachUnsubscribeState(document.body, state);
    const root = el.shadowRoot!;
    // The story's own choices, before any step: what a person sees first is never pre-chosen.
    document.body.innerHTML = unsubscribeMarkup({ ...state, steps: [] });
    const fresh = document.querySelector('tp-unsubscribe')!;
    await fresh.updateComplete;
    for (const scope of [root, fresh.shadowRoot!, document.body]) {
      expect([...scope.querySelectorAll('input')].filter((i) => i.defaultChecked || (i.checked && scope === fresh.shadowRoot))).toEqual([]);
    }
    const labels = [...root.querySelectorAll('button, label, legend'), ...el.children].map((n) => n.textContent!.trim());
    expect(labels.filter((label) => guiltIn(label))).toEqual([]);
  });

  it('no built-in string is on the guilt list, and the list catches what it should', () => {
    expect(Object.values(unsubscribeMessages.en!).filter((text) => guiltIn(text))).toEqual([]);
    expect(guiltIn('No, I don’t want to save money')).toBe("no, i don't");
    expect(guiltIn('I’ll MISS OUT on deals')).toBe('miss out');
    expect(guiltIn('I don’t like saving')).toBe("i don't like sav");
    expect(GUILT_PHRASES.every((p) => p === p.toLowerCase() && !p.includes('’'))).toBe(true);
  });

  it('dev builds warn when a label or slotted text reads as guilt', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const original = unsubscribeMessages.en!['unsubscribe.button']!;
    setMessages('en', { 'unsubscribe.button': 'No, I don’t want the discounts' });
    try {
      endpoint();
      await mount('', '<p>Leave and miss out on our deals</p>');
      const said = warn.mock.calls.map(([text]) => String(text));
      expect(said.some((t) => t.includes('No, I don’t want the discounts') && t.includes('guilt'))).toBe(true);
      expect(said.some((t) => t.includes('miss out on our deals'))).toBe(true);
    } finally {
      setMessages('en', { 'unsubscribe.button': original });
    }
  });
});

describe('<tp-unsubscribe>: what it sends', () => {
  it('one click sends { token, action } as JSON with an Idempotency-Key; a double click sends once', async () => {
    endpoint();
    const el = await mount();
    expect(calls).toEqual([]);
    button(el, 'Unsubscribe').click();
    button(el, 'Unsubscribe').click();
    await until(() => el.state === 'done');
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [Call];
    expect(url).toBe(`${location.origin}/api/unsubscribe`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ token: 't0k3n', action: 'unsubscribe_all' });
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(el.saved).toEqual({ action: 'unsubscribe_all' });
    expect(outbox().items()).toEqual([]);
    expect(events.map((e) => [e.name, e.props])).toEqual([['tp.unsubscribe.completed', { scope: 'all' }]]);
  });

  it('the other choices carry topics, frequency and pause_days; resubscribe is one click', async () => {
    endpoint();
    const el = await mount('auto');
    await until(() => el.state === 'done');
    const sent = () => JSON.parse(calls.at(-1)!.init.body as string);
    button(el, 'At most one email a week').click();
    await until(() => calls.length === 2 && el.state === 'done');
    expect(sent()).toEqual({ token: 't0k3n', action: 'set_frequency', frequency: 'weekly' });
    button(el, 'Pause for 90 days').click();
    await until(() => calls.length === 3 && el.state === 'done');
    expect(sent()).toEqual({ token: 't0k3n', action: 'pause', pause_days: 90 });
    button(el, 'Resubscribe').click();
    await until(() => calls.length === 4 && el.state === 'done');
    expect(sent()).toEqual({ token: 't0k3n', action: 'resubscribe' });
    expect(shown(el)).toContain('You’re subscribed again');
    expect(button(el, 'Unsubscribe')).toBeTruthy();
    expect(events.map((e) => e.name)).toEqual([
      'tp.unsubscribe.completed',
      'tp.unsubscribe.changed',
      'tp.unsubscribe.changed',
      'tp.unsubscribe.resubscribed',
    ]);
    expect(events[2]!.props).toEqual({ setting: 'pause' });
  });

  it('topics: none pre-checked; the unchecked ones are stopped, and the confirmation names what stays', async () => {
    endpoint();
    const el = await mount(`auto topics='[{"id":"a","label":"Alpha"},{"id":"b","label":"Beta"}]'`);
    await until(() => el.state === 'done');
    const boxes = [...el.shadowRoot!.querySelectorAll('input')];
    expect(boxes.map((b) => b.checked)).toEqual([false, false]);
    boxes[1]!.click();
    button(el, 'Save').click();
    await until(() => calls.length === 2 && el.state === 'done');
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ token: 't0k3n', action: 'unsubscribe_topics', topics: ['a'] });
    expect(shown(el)).toContain('From now on you’ll only get emails about Beta.');
    expect(events.at(-1)).toMatchObject({ name: 'tp.unsubscribe.completed', props: { scope: 'topics' } });
  });

  it('the reason goes to the site; into telemetry only with send-reason', async () => {
    for (const optIn of [false, true]) {
      endpoint();
      events.length = 0;
      const el = await mount(`auto${optIn ? ' send-reason' : ''}`);
      await until(() => el.state === 'done');
      el.shadowRoot!.querySelector('textarea')!.value = 'Too many';
      button(el, 'Send').click();
      await until(() => calls.length === 2 && el.state === 'done');
      expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ token: 't0k3n', action: 'unsubscribe_all', reason: 'Too many' });
      expect(events.at(-1)).toMatchObject({ name: 'tp.unsubscribe.reason', props: optIn ? { reason: 'Too many' } : {} });
      expect(JSON.stringify(events.slice(0, -1))).not.toContain('Too many');
      expect(shown(el)).toContain('Thank you for telling us.');
    }
  });

  it('a choice kept from an earlier visit is sent on load with its own key, and `auto` sends nothing more', async () => {
    endpoint();
    const kept = {
      url: `${location.origin}/api/unsubscribe`,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: 't0k3n', action: 'pause', pause_days: 30 }),
      idempotencyKey: 'k'.repeat(32),
    };
    outbox().keep(kept);
    expect(outbox().items()).toHaveLength(1);
    const el = await mount('auto');
    await until(() => el.state === 'done');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(1);
    expect((calls[0]!.init.headers as Record<string, string>)['Idempotency-Key']).toBe(kept.idempotencyKey);
    expect(el.saved).toEqual({ action: 'pause', pause_days: 30 });
    expect(outbox().items()).toEqual([]);
  });

  it('a refused token (4xx) shows the contact address; never a dead end without one either', async () => {
    endpoint(410);
    let el = await mount('auto');
    await until(() => el.state === 'invalid');
    expect(shown(el)).toContain('This link has expired or isn’t valid');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('mailto:help@example.com');
    expect(events.at(-1)).toMatchObject({ name: 'tp.unsubscribe.failed', props: { reason: 'token', status: 410 } });
    // Dropped from storage: a refused choice is not sent again on the next load.
    expect(outbox().items()).toEqual([]);

    document.body.innerHTML = '<tp-unsubscribe endpoint="/api/unsubscribe" token="t0k3n" auto></tp-unsubscribe>';
    el = document.querySelector('tp-unsubscribe')!;
    await until(() => el.state === 'invalid');
    expect(shown(el)).toContain('reply to any email from us and ask');
  });
});

describe('<tp-unsubscribe>: attributes', () => {
  it('takes the token from the page URL when it has no `token` attribute', async () => {
    endpoint();
    history.replaceState(null, '', '?token=from-url');
    try {
      document.body.innerHTML = '<tp-unsubscribe endpoint="/api/unsubscribe" auto></tp-unsubscribe>';
      const el = document.querySelector('tp-unsubscribe')!;
      await until(() => el.state === 'done');
      expect(JSON.parse(calls[0]!.init.body as string).token).toBe('from-url');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('without a token or endpoint it warns and offers the way out', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.body.innerHTML = '<tp-unsubscribe contact="https://example.com/help"></tp-unsubscribe>';
    const el = document.querySelector('tp-unsubscribe')!;
    await el.updateComplete;
    expect(el.state).toBe('invalid');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('https://example.com/help');
    expect(warn.mock.calls.some(([t]) => String(t).includes('needs `endpoint` and a token'))).toBe(true);
  });

  it('bad values fall back with one warning each and never throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    endpoint();
    const el = await mount(`auto topics="not json" frequencies="weekly hourly" pause-days="30 0 abc"`);
    await until(() => el.state === 'done');
    expect(el.topics).toEqual([]);
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).toContain('At most one email a week');
    expect(buttons.filter((b) => /hourly|abc|Pause for 0/.test(b))).toEqual([]);
    expect(buttons).toContain('Pause for 30 days');
    const said = warn.mock.calls.map(([t]) => String(t)).join('\n');
    expect(said).toContain('topics="not json" is not accepted');
    expect(said).toContain('frequencies="hourly" is not accepted');
    expect(said).toContain('pause-days="abc" is not accepted');
    expect(el.shadowRoot!.querySelector('fieldset legend')!.textContent).toBe('Get fewer emails');
  });

  it('empty lists offer nothing of that kind', async () => {
    endpoint();
    const el = await mount('auto frequencies="" pause-days=""');
    await until(() => el.state === 'done');
    expect(el.shadowRoot!.querySelectorAll('fieldset')).toHaveLength(0);
    expect(button(el, 'Resubscribe')).toBeTruthy();
  });
});

describe('<tp-unsubscribe>: review fixes (issue #11)', () => {
  const keep = (body: object) =>
    outbox().keep({ url: `${location.origin}/api/unsubscribe`, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 't0k3n', ...body }), idempotencyKey: 'r'.repeat(32) });

  it('a reason kept from an earlier visit shows the state it explains, once sent', async () => {
    endpoint();
    keep({ action: 'unsubscribe_all', reason: 'Too many' });
    const el = await mount('auto');
    await until(() => el.state === 'done');
    await el.updateComplete;
    expect(calls).toHaveLength(1);
    expect(el.saved).toEqual({ action: 'unsubscribe_all' });
    expect(shown(el)).toContain('You’re unsubscribed');
    expect(shown(el)).toContain('Thank you for telling us.');
    expect(button(el, 'Unsubscribe')).toBeUndefined();
  });

  it('`saved` is already current inside a tp-unsubscribe-saved handler', async () => {
    endpoint();
    const el = await mount();
    const seen: unknown[] = [];
    el.addEventListener('tp-unsubscribe-saved', () => seen.push(el.saved));
    button(el, 'Unsubscribe').click();
    await until(() => el.state === 'done');
    expect(seen).toEqual([{ action: 'unsubscribe_all' }]);
  });

  it('a later choice refused (4xx) keeps the earlier confirmation and says so in the status line', async () => {
    endpoint();
    const el = await mount('auto');
    await until(() => el.state === 'done');
    endpoint(410);
    button(el, 'Pause for 30 days').click();
    await until(() => el.state === 'failed');
    await el.updateComplete;
    expect(el.saved).toEqual({ action: 'unsubscribe_all' });
    expect(shown(el)).toContain('You’re unsubscribed');
    const status = el.shadowRoot!.querySelector('[part~=status]')!;
    expect(status.textContent).toContain('This link has expired or isn’t valid');
    expect(status.querySelector('a')!.getAttribute('href')).toBe('mailto:help@example.com');
    expect(events.at(-1)).toMatchObject({ name: 'tp.unsubscribe.failed', props: { reason: 'token', status: 410 } });
  });

  it('while a choice is on its way the buttons say they are disabled, and clicks send nothing', async () => {
    endpoint('hang');
    const el = await mount();
    button(el, 'Unsubscribe').click();
    await el.updateComplete;
    expect(el.state).toBe('sending');
    expect(button(el, 'Unsubscribe').getAttribute('aria-disabled')).toBe('true');
    button(el, 'Unsubscribe').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(1);
  });

  it('the request is sent with keepalive (it may outlive the tab)', async () => {
    endpoint();
    const el = await mount('auto');
    await until(() => el.state === 'done');
    expect(calls[0]!.init.keepalive).toBe(true);
    expect(button(el, 'Resubscribe').getAttribute('aria-disabled')).not.toBe('true');
  });

  it.each([
    ['javascript:alert(1)', 'mailto:javascript:alert(1)'],
    ['data:text/html,x', 'mailto:data:text/html,x'],
    ['tel:+441234', 'tel:+441234'],
    ['mailto:a@example.com', 'mailto:a@example.com'],
    ['https://example.com/help', 'https://example.com/help'],
    ['a@example.com', 'mailto:a@example.com'],
  ])('contact %s links to %s', async (contact, href) => {
    document.body.innerHTML = `<tp-unsubscribe contact="${contact}"></tp-unsubscribe>`;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = document.querySelector('tp-unsubscribe')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe(href);
  });
});
