import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../src/toggletip/define.js';
import type { TpToggletip } from '../../src/toggletip/toggletip.js';
import { setMessages } from '../../src/core/i18n.js';
import { takePreHubEvents, type TelemetryDetail } from '../../src/core/telemetry-event.js';

let unique = 0;

async function mount(markup: string): Promise<TpToggletip> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.querySelector('tp-toggletip')!;
  await el.updateComplete;
  return el;
}

const button = (el: TpToggletip) => el.shadowRoot!.querySelector('button')!;
const body = (el: TpToggletip) => el.shadowRoot!.querySelector<HTMLElement>('[part=body]')!;
const escape = () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));

let warnings: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  warnings.mockClear();
  takePreHubEvents();
});

describe('<tp-toggletip>', () => {
  it('is a real button named by its label, collapsed until clicked', async () => {
    const el = await mount('<tp-toggletip label="About delivery">Ships in 2 days.</tp-toggletip>');
    const b = button(el);
    expect(b.type).toBe('button');
    expect(b.getAttribute('aria-label')).toBe('About delivery');
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(b.textContent!.trim()).toBe('i');
    expect(b.querySelector('[aria-hidden=true]')!.textContent).toBe('i');
    expect(warnings).not.toHaveBeenCalled();
  });

  it('without a label: a localised fallback name and a dev warning', async () => {
    const el = await mount(`<tp-toggletip id="nameless-${++unique}">Help</tp-toggletip>`);
    expect(button(el).getAttribute('aria-label')).toBe('More information');
    expect(warnings.mock.calls.flat().join('\n')).toContain(`<tp-toggletip#${el.id}>: has no label`);
    // The German words come from the language pack, as on a site that imports it.
    await import('../../src/locales/de.js');
    document.documentElement.lang = 'de';
    const de = await mount('<tp-toggletip>Hilfe</tp-toggletip>');
    expect(button(de).getAttribute('aria-label')).toBe('Weitere Informationen');
    setMessages('de', { 'toggletip.label': 'Hilfe zu diesem Feld' });
    const custom = await mount('<tp-toggletip>Hilfe</tp-toggletip>');
    expect(button(custom).getAttribute('aria-label')).toBe('Hilfe zu diesem Feld');
  });

  it('opens and closes on click, with aria-expanded, events and telemetry', async () => {
    const el = await mount('<tp-toggletip id="refunds" label="About refunds">Refunds take <b>5</b> days.</tp-toggletip>');
    const seen: string[] = [];
    for (const type of ['tp-show', 'tp-hide', 'tp-after-hide']) el.addEventListener(type, () => seen.push(type));
    const telemetry: TelemetryDetail[] = [];
    el.addEventListener('tp-telemetry', (e) => telemetry.push(e.detail));
    button(el).click();
    await el.updateComplete;
    expect(el.open).toBe(true);
    expect(el.hasAttribute('open')).toBe(true);
    expect(button(el).getAttribute('aria-expanded')).toBe('true');
    button(el).click();
    await el.updateComplete;
    expect(el.open).toBe(false);
    expect(button(el).getAttribute('aria-expanded')).toBe('false');
    expect(seen).toEqual(['tp-show', 'tp-hide', 'tp-after-hide']);
    expect(telemetry).toMatchObject([{ name: 'tp.toggletip.opened', component: { id: 'refunds' }, props: { name: 'About refunds' } }]);
  });

  it('announces its content politely when it opens, each time', async () => {
    vi.useFakeTimers();
    const el = await mount('<tp-toggletip label="About refunds">Refunds take   5 days. <a href="#p">Policy</a></tp-toggletip>');
    const region = document.getElementById('tp-announcer')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    el.show();
    await el.updateComplete;
    vi.advanceTimersByTime(200);
    expect(region.textContent).toBe('Refunds take 5 days. Policy');
    el.hide();
    await el.updateComplete;
    el.show();
    await el.updateComplete;
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(200);
    expect(region.textContent).toBe('Refunds take 5 days. Policy');
  });

  it('Escape closes it and brings focus back to the button when focus was inside', async () => {
    const el = await mount('<tp-toggletip label="Help"><a href="#x">A link</a></tp-toggletip><button id="elsewhere">Elsewhere</button>');
    el.show();
    await el.updateComplete;
    el.querySelector('a')!.focus();
    // false: the Escape was taken (default prevented).
    expect(escape()).toBe(false);
    await el.updateComplete;
    expect(el.open).toBe(false);
    expect(el.shadowRoot!.activeElement).toBe(button(el));
  });

  it('Escape leaves focus alone when it is elsewhere on the page', async () => {
    const el = await mount('<tp-toggletip label="Help">Text</tp-toggletip><button id="elsewhere">Elsewhere</button>');
    el.show();
    await el.updateComplete;
    const elsewhere = document.getElementById('elsewhere')!;
    elsewhere.focus();
    escape();
    await el.updateComplete;
    expect(el.open).toBe(false);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('closes on a click outside, not on one inside', async () => {
    const el = await mount('<tp-toggletip label="Help"><a href="#x">A link</a></tp-toggletip><p>Outside</p>');
    el.show();
    await el.updateComplete;
    el.querySelector('a')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    body(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(el.open).toBe(true);
    document.querySelector('p')!.click();
    expect(el.open).toBe(false);
  });

  it('closes when focus leaves it for the rest of the page, not when it moves inside', async () => {
    const el = await mount('<tp-toggletip label="Help"><a href="#x">A link</a></tp-toggletip><button id="next">Next</button>');
    el.show();
    await el.updateComplete;
    const link = el.querySelector('a')!;
    link.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: el }));
    expect(el.open).toBe(true);
    link.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: document.getElementById('next') }));
    expect(el.open).toBe(false);
  });

  it('a cancelled tp-show keeps it closed; hostile labels stay text; bad placement warns and falls back', async () => {
    const el = await mount(
      `<tp-toggletip id="hostile-${++unique}" placement="sideways" label="<img src=x onerror=&quot;window.hacked=1&quot;>">Text</tp-toggletip>`,
    );
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(button(el).getAttribute('aria-label')).toBe('<img src=x onerror="window.hacked=1">');
    el.addEventListener('tp-show', (e) => e.preventDefault(), { once: true });
    button(el).click();
    await el.updateComplete;
    expect(el.open).toBe(false);
    button(el).click();
    await el.updateComplete;
    expect(el.open).toBe(true);
    expect(warnings.mock.calls.flat().join('\n')).toContain('placement="sideways" is not accepted');
    for (const value of [undefined, null, {}, 7]) {
      Object.assign(el, { label: value, placement: value });
      await el.updateComplete;
    }
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('when removed while open, leaves the dismiss stack', async () => {
    const el = await mount('<tp-toggletip label="Help" open>Text</tp-toggletip>');
    el.remove();
    expect(el.open).toBe(false);
    // true: nobody took the Escape.
    expect(escape()).toBe(true);
  });
});
