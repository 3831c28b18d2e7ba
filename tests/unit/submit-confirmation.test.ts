import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/submit-confirmation/define.js';
import type { TpSubmitConfirmation } from '../../src/submit-confirmation/submit-confirmation.js';
import { takePreHubEvents } from '../../src/core/telemetry-event.js';
import statsJSON from '../../examples/data/reply-stats.json' with { type: 'json' };

const FORM = `
  <form action="/api/contact" method="post">
    <label>Name <input name="name"></label>
    <label>Email <input name="email" type="email" autocomplete="email"></label>
    <label>Topic <select name="topic"><option>Billing</option><option>Other</option></select></label>
    <label><input type="checkbox" name="copy" value="yes"> Send me a copy</label>
    <label><input type="radio" name="reply" value="email" checked> Email</label>
    <label><input type="radio" name="reply" value="phone"> Phone</label>
    <label>Message <textarea name="message"></textarea></label>
    <label>Password <input name="password" type="password"></label>
    <label>Card <input name="card" autocomplete="cc-number"></label>
    <label>New password <input name="pin" autocomplete="new-password"></label>
    <label>Code <input name="code" autocomplete="one-time-code"></label>
    <label>Secret <input name="secret" data-tp-no-store></label>
    <input type="hidden" name="csrf" value="token-1">
    <button name="action" value="send">Send</button>
  </form>`;

const TYPED: Record<string, string> = {
  name: 'Ada <b>Lovelace</b>',
  email: 'ada@example.com',
  message: 'Hello\nthere',
  password: 'hunter2',
  card: '4111111111111111',
  pin: '9999',
  code: '123456',
  secret: 'do not keep',
};

interface Call {
  url: string;
  init: RequestInit;
}
let calls: Call[];
/** Each fetch takes the next answer: a status (with a JSON body), 'network', 'hang' or a Response. */
function server(...answers: (number | 'network' | 'hang' | Response)[]) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url: String(url), init });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'));
      if (answer === 'hang') {
        return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      }
      if (answer instanceof Response) return Promise.resolve(answer.clone());
      return Promise.resolve(new Response(JSON.stringify({ reference: 'CF-1042' }), { status: answer, headers: { 'content-type': 'application/json' } }));
    }),
  );
}

async function mount(inner = FORM, attributes = ''): Promise<TpSubmitConfirmation> {
  document.body.innerHTML = `<tp-submit-confirmation ${attributes}>${inner}</tp-submit-confirmation>`;
  const el = document.querySelector('tp-submit-confirmation')!;
  await el.updateComplete;
  return el;
}

const form = (el: Element) => el.querySelector('form')!;
const field = (el: Element, name: string) => form(el).elements.namedItem(name) as HTMLInputElement;
function type(el: Element, values: Record<string, string> = TYPED) {
  for (const [name, value] of Object.entries(values)) {
    const f = field(el, name);
    f.value = value;
    f.dispatchEvent(new Event('input', { bubbles: true }));
  }
  field(el, 'copy').checked = true;
  field(el, 'copy').dispatchEvent(new Event('change', { bubbles: true }));
  (form(el).elements.namedItem('topic') as HTMLSelectElement).value = 'Other';
  (form(el).querySelector('[value=phone]') as HTMLInputElement).checked = true;
  form(el).dispatchEvent(new Event('change', { bubbles: true }));
}
function submit(el: Element) {
  form(el).querySelector('button')!.click();
}
const settled = (el: TpSubmitConfirmation, ...states: string[]) => vi.waitFor(() => expect(states).toContain(el.state), { timeout: 3000 });
const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const body = (call: Call) => new URLSearchParams(call.init.body as URLSearchParams);
const headers = (call: Call) => call.init.headers as Record<string, string>;
const events = (name: string) => takePreHubEvents().filter((e) => e.name === name);
const stored = () => Object.keys(sessionStorage).filter((k) => k.startsWith('tp-submit-confirmation'));

let warnings: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
beforeEach(() => {
  // Backoff between retries is random × cap: 0 keeps retries instant here.
  vi.spyOn(Math, 'random').mockReturnValue(0);
  document.documentElement.lang = 'en-GB';
});
afterEach(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
  takePreHubEvents();
  warnings.mockClear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
});

describe('<tp-submit-confirmation> sending', () => {
  it('sends the form once to its action and method, with an Idempotency-Key', async () => {
    server(201);
    const el = await mount();
    type(el);
    submit(el);
    submit(el);
    form(el).requestSubmit();
    await settled(el, 'confirmed');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(new URL(call!.url).pathname).toBe('/api/contact');
    expect(call!.init.method).toBe('post');
    expect(headers(call!)['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers(call!).Accept).toBe('application/json');
    const sent = body(call!);
    expect(sent.get('name')).toBe('Ada <b>Lovelace</b>');
    expect(sent.get('message')).toBe('Hello\nthere');
    expect(sent.get('csrf')).toBe('token-1');
    expect(sent.get('action')).toBe('send');
    // Without a <tp-reply-promise> there is no promise to send.
    expect(sent.has('tp_promise_id')).toBe(false);
    expect(headers(call!)['Tp-Promise-Id']).toBeUndefined();
  });

  it('follows the submitter’s formaction, formmethod and a multipart form’s encoding', async () => {
    server(200);
    const el = await mount(`<form action="/a" method="post" enctype="multipart/form-data"><input name="q" value="x">
      <button formaction="/b" formmethod="get">Search</button></form>`);
    form(el).querySelector('button')!.click();
    await settled(el, 'confirmed');
    expect(calls[0]!.url).toMatch(/\/b\?q=x$/);
    expect(calls[0]!.init.method).toBe('get');
    expect(calls[0]!.init.body).toBeUndefined();

    const multi = await mount(`<form action="/a" method="post" enctype="multipart/form-data"><input name="q" value="x"><button>Go</button></form>`);
    submit(multi);
    await settled(multi, 'confirmed');
    expect(calls[1]!.init.body).toBeInstanceOf(FormData);
    expect((calls[1]!.init.body as FormData).get('q')).toBe('x');
  });

  it('leaves method="dialog" forms alone', async () => {
    server(200);
    const el = await mount(`<form method="dialog"><button>Close</button></form>`);
    const event = new Event('submit', { bubbles: true, cancelable: true });
    form(el).dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(calls).toHaveLength(0);
  });
});

describe('<tp-submit-confirmation> confirmed', () => {
  it('replaces the form with a confirmation, focuses its heading and announces it', async () => {
    server(201);
    const el = await mount();
    const submitted = vi.fn();
    el.addEventListener('tp-submitted', submitted);
    type(el);
    submit(el);
    await settled(el, 'confirmed');
    await el.updateComplete;
    expect(shadow(el, 'slot:not([name])')).toBeNull();
    const heading = shadow(el, '[part=heading]')!;
    expect(heading.localName).toBe('h2');
    expect(heading.textContent).toBe('Message sent');
    expect(el.shadowRoot!.activeElement).toBe(heading);
    expect(shadow(el, '[part=reference]')!.textContent).toBe('CF-1042');
    expect(el.reference).toBe('CF-1042');
    expect(shadow(el, '[part=confirmation]')!.textContent).toContain('What happens next');
    expect([...el.shadowRoot!.querySelectorAll('[part=button]')].map((b) => b.textContent)).toContain('Print');
    await vi.waitFor(() => expect(document.getElementById('tp-announcer')!.textContent).toBe('Message sent. Your reference number: CF-1042. '));
    expect(submitted).toHaveBeenCalledOnce();
    expect(submitted.mock.calls[0]![0].detail).toMatchObject({ reference: 'CF-1042', promise: null });
    // Sent: nothing typed is kept any more.
    expect(stored()).toEqual([]);
  });

  it('generates a reference when the response has none, and shows a server’s reference as text only', async () => {
    server(new Response('OK', { status: 200 }));
    const el = await mount();
    submit(el);
    await settled(el, 'confirmed');
    expect(el.reference).toBe(headers(calls[0]!)['Idempotency-Key']!.slice(0, 8).toUpperCase());

    server(new Response(JSON.stringify({ reference: `<img src=x onerror=alert(1)>${'9'.repeat(500)}` })));
    const hostile = await mount();
    submit(hostile);
    await settled(hostile, 'confirmed');
    await hostile.updateComplete;
    expect(hostile.reference).toHaveLength(64);
    expect(shadow(hostile, '[part=reference]')!.querySelector('img')).toBeNull();
  });

  it('sends the reply promise along and records it as made once accepted', async () => {
    server(201);
    const el = await mount(
      `<tp-reply-promise display-time-zone="Europe/London" stats='${JSON.stringify(statsJSON)}'></tp-reply-promise>${FORM}`,
    );
    const promise = el.querySelector('tp-reply-promise')!;
    promise.now = Date.parse('2026-11-24T10:00:00Z');
    await promise.updateComplete;
    takePreHubEvents();
    submit(el);
    await settled(el, 'confirmed');
    await el.updateComplete;
    const sent = body(calls[0]!);
    const id = sent.get('tp_promise_id')!;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(headers(calls[0]!)['Tp-Promise-Id']).toBe(id);
    expect(sent.get('tp_promise_deadline')).toBe('2026-11-25T17:30:00.000Z');
    const all = takePreHubEvents();
    expect(all.map((e) => e.name)).toEqual([
      'tp.submit_confirmation.submitted',
      'tp.submit_confirmation.confirmed',
      'tp.reply_promise.made',
    ]);
    expect(all[2]!.props).toEqual({ promise_id: id, deadline: '2026-11-25T17:30:00.000Z', percentile: 90, sample: 325 });
    expect(all[0]!.props).toEqual({ attempt: 1 });
    expect(all[1]!.props.duration_ms).toBeTypeOf('number');
    expect(shadow(el, '[part=confirmation]')!.textContent).toContain('We’ll reply by Wednesday 25 November, 17:30 (your time).');
  });
});

describe('<tp-submit-confirmation> failures keep every value', () => {
  const snapshot = (el: Element) =>
    [...form(el).elements].map((f) => {
      const x = f as HTMLInputElement & HTMLSelectElement;
      return /checkbox|radio/.test(x.type) ? x.checked : x.value;
    });

  it.each([
    ['server', [503], 'Something went wrong on our side', 503, true],
    ['client', [422], 'We could not accept the form', 422, false],
    ['client', [404], 'We could not accept the form', 404, false],
    ['server', [429], 'Something went wrong on our side', 429, true],
    ['timeout', [408], 'took too long', 408, true],
    ['network', ['network'], 'We could not reach our server', null, true],
  ] as const)('%s (%o): an error summary takes focus; nothing typed is lost', async (reason, answers, words, status, retry) => {
    server(...answers);
    const el = await mount();
    type(el);
    const before = snapshot(el);
    submit(el);
    await settled(el, 'failed');
    await el.updateComplete;
    expect(el.reason).toBe(reason);
    expect(snapshot(el)).toEqual(before);
    const summary = shadow(el, '[part=error]')!;
    expect(el.shadowRoot!.activeElement).toBe(summary);
    expect(summary.getAttribute('role')).toBe('group');
    expect(summary.textContent).toContain('Your message was not sent');
    expect(summary.textContent).toContain(words);
    expect(summary.textContent).toContain('Everything you typed is still here.');
    expect(Boolean(summary.querySelector('[part=button]'))).toBe(retry);
    expect(shadow(el, 'slot:not([name])')).not.toBeNull();
    expect(events('tp.submit_confirmation.failed').map((e) => e.props)).toEqual([{ reason, status }]);
    // Retried by the sender first where retrying can help (5xx, 408, 429, network): 3 attempts in all.
    expect(calls).toHaveLength(reason === 'client' ? 1 : 3);
    // Still kept for a reload.
    expect(stored()).toHaveLength(1);
  });

  it('times out after `timeout` ms and says the message may not have arrived', async () => {
    server('hang');
    const el = await mount(FORM, 'timeout="30"');
    submit(el);
    await settled(el, 'failed');
    expect(el.reason).toBe('timeout');
    await el.updateComplete;
    expect(shadow(el, '[part=error]')!.textContent).toContain('if nothing has changed, we will receive it only once');
  });

  it('tries again with the same Idempotency-Key and promise when nothing changed, a new one when it did', async () => {
    server(503, 503, 503, 201);
    const el = await mount(`<tp-reply-promise stats='${JSON.stringify(statsJSON)}'></tp-reply-promise>${FORM}`);
    submit(el);
    await settled(el, 'failed');
    await el.updateComplete;
    shadow(el, '[part=error] [part=button]')!.click();
    await settled(el, 'confirmed');
    const keys = calls.map((c) => headers(c)['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(calls.map((c) => body(c).get('tp_promise_id'))).size).toBe(1);
    expect(events('tp.submit_confirmation.submitted').map((e) => e.props.attempt)).toEqual([1, 2]);

    server(422, 201);
    const changed = await mount();
    submit(changed);
    await settled(changed, 'failed');
    field(changed, 'name').value = 'Grace';
    submit(changed);
    await settled(changed, 'confirmed');
    expect(headers(calls[0]!)['Idempotency-Key']).not.toBe(headers(calls[1]!)['Idempotency-Key']);
  });

  it('shows “Sending your message…” only when sending takes more than a second, and announces it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server('hang');
    const el = await mount();
    submit(el);
    expect(el.state).toBe('sending');
    await el.updateComplete;
    expect(shadow(el, '[part=busy]')).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(el.state).toBe('slow');
    await el.updateComplete;
    expect(shadow(el, '[part=busy]')!.textContent).toBe('Sending your message…');
    await vi.advanceTimersByTimeAsync(200);
    expect(document.getElementById('tp-announcer')!.textContent).toBe('Sending your message…');
    // Still one submission only.
    submit(el);
    expect(calls).toHaveLength(1);
  });

  it('offline: sends nothing, says so, and sends when back online once the person agrees', async () => {
    server(201);
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    const el = await mount();
    type(el);
    submit(el);
    await settled(el, 'offline');
    await el.updateComplete;
    expect(calls).toHaveLength(0);
    const summary = shadow(el, '[part=error]')!;
    expect(el.shadowRoot!.activeElement).toBe(summary);
    expect(summary.textContent).toContain('You are offline');
    expect(summary.textContent).toContain('Nothing was sent.');
    expect(events('tp.submit_confirmation.failed').map((e) => e.props)).toEqual([{ reason: 'offline', status: null }]);

    const later = shadow(el, '[part=error] [part=button]')!;
    expect(later.textContent).toBe('Send when I am back online');
    later.click();
    await el.updateComplete;
    expect(el.state).toBe('waiting');
    expect(shadow(el, '[part=error]')!.textContent).toContain('as soon as you are back online');
    // The same button, now to take it back: focus stays where it was.
    expect(shadow(el, '[part=error] [part=button]')).toBe(later);
    expect(later.textContent).toBe('Do not send');
    later.click();
    await el.updateComplete;
    expect(el.state).toBe('offline');
    later.click();

    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    window.dispatchEvent(new Event('online'));
    await settled(el, 'confirmed');
    expect(calls).toHaveLength(1);
    expect(body(calls[0]!).get('name')).toBe(TYPED.name);
  });

  it('does not send when back online unless the person agreed', async () => {
    server(201);
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    const el = await mount();
    submit(el);
    await settled(el, 'offline');
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(0);
    expect(el.state).toBe('offline');
  });

  it('stops quietly when removed while sending', async () => {
    server('hang');
    const el = await mount();
    submit(el);
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    expect(events('tp.submit_confirmation.failed')).toEqual([]);
    // Back on the page, it can be sent again.
    expect(el.state).toBe('idle');
    server(201);
    document.body.append(el);
    submit(el);
    await settled(el, 'confirmed');
  });
});

describe('<tp-submit-confirmation> keeps typed input across a reload', () => {
  it('stores what was typed in sessionStorage, never passwords, card numbers, codes or hidden fields', async () => {
    const el = await mount();
    type(el);
    const [key] = stored();
    expect(key).toBe('tp-submit-confirmation / http://localhost:3000/api/contact');
    const raw = sessionStorage.getItem(key!)!;
    for (const secret of ['hunter2', '4111111111111111', '9999', '123456', 'do not keep', 'token-1']) expect(raw).not.toContain(secret);
    expect(JSON.parse(raw).map(([name]: [string]) => name)).toEqual(['name', 'email', 'topic', 'copy', 'reply', 'reply', 'message']);

    // A reload: a fresh form on the same page gets it all back, except what was never stored.
    const again = await mount();
    expect(field(again, 'name').value).toBe(TYPED.name);
    expect(field(again, 'email').value).toBe(TYPED.email);
    expect(field(again, 'message').value).toBe(TYPED.message);
    expect((form(again).elements.namedItem('topic') as HTMLSelectElement).value).toBe('Other');
    expect(field(again, 'copy').checked).toBe(true);
    expect((form(again).querySelector('[value=phone]') as HTMLInputElement).checked).toBe(true);
    for (const name of ['password', 'card', 'pin', 'code', 'secret']) expect(field(again, name).value).toBe('');
    expect(field(again, 'csrf').value).toBe('token-1');
  });

  it('forgets on reset, keeps nothing with no-store, and ignores storage it cannot read', async () => {
    const el = await mount();
    type(el);
    form(el).reset();
    form(el).dispatchEvent(new Event('reset', { bubbles: true }));
    expect(stored()).toEqual([]);

    const off = await mount(FORM, 'no-store');
    type(off);
    expect(stored()).toEqual([]);

    sessionStorage.setItem('tp-submit-confirmation / http://localhost:3000/api/contact', '{oops');
    const broken = await mount();
    expect(field(broken, 'name').value).toBe('');
    sessionStorage.setItem('tp-submit-confirmation / http://localhost:3000/api/contact', JSON.stringify([['other', 'x'], 5]));
    const stale = await mount();
    expect(field(stale, 'name').value).toBe('');
  });

  it('keeps working when storage throws', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('QuotaExceededError');
    });
    server(201);
    const el = await mount();
    type(el);
    submit(el);
    await settled(el, 'confirmed');
    vi.mocked(Storage.prototype.setItem).mockRestore();
  });
});

describe('<tp-submit-confirmation> with hostile input', () => {
  it.each(['abc', '0', '-5', 'Infinity', '1e10', ''])('timeout="%s" falls back to 20000 with a dev warning', async (value) => {
    server(201);
    const el = await mount(FORM, `timeout="${value}"`);
    submit(el);
    await settled(el, 'confirmed');
    expect(warnings.mock.calls.flat().join('\n')).toContain(
      `timeout="${value}" is not accepted (expected milliseconds from 1 to 2147483647); using 20000`,
    );
  });

  it('does nothing without a form', async () => {
    const el = await mount('<p>No form here</p>');
    el.dispatchEvent(new Event('input', { bubbles: true }));
    expect(el.state).toBe('idle');
    expect(stored()).toEqual([]);
  });
});
