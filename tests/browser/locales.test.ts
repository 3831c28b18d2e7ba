import { afterEach, describe, expect, it } from 'vitest';
import '../../src/busy/define.js';
import '../../src/locales/de.js';
import '../../src/locales/es.js';
import '../../src/locales/fr.js';
import '../../src/progress-bar/define.js';
import '../../src/reply-promise/define.js';
import '../../src/steps/define.js';
import '../../src/toggletip/define.js';
import '../../src/tooltip/define.js';
import type { TpElement } from '../../src/core/element.js';
import { setMessages } from '../../src/core/i18n.js';
import { shared } from '../../src/core/shared.js';
import { axeViolations } from '../support/axe.js';
import { expectedWords, languagesMarkup } from '../../stories/languages.states.js';

async function mount(lang: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = languagesMarkup(lang);
  document.body.append(host);
  for (const el of host.querySelectorAll<TpElement>('tp-steps, tp-busy, tp-reply-promise')) await el.updateComplete;
  await (host.querySelector('tp-busy')!.shadowRoot!.querySelector('tp-progress-bar') as TpElement | null)?.updateComplete;
  return host;
}

function words(host: HTMLElement) {
  const inside = (tag: string, selector: string) => host.querySelector(tag)!.shadowRoot!.querySelector(selector);
  return {
    steps: inside('tp-steps', '[part=summary]')!.textContent,
    busy: inside('tp-busy', 'tp-progress-bar')!.getAttribute('label'),
    reply: inside('tp-reply-promise', '[part=promise]')!.textContent,
  };
}

afterEach(() => document.body.replaceChildren());

describe('every component in the language of its closest lang', () => {
  it.each([
    ['en-GB', 'en-GB'],
    ['es', 'es'],
    ['es-MX (a region falls back to its language)', 'es-MX'],
    ['de-AT', 'de-AT'],
    ['fr', 'fr'],
  ] as const)('%s', async (_name, lang) => {
    const host = await mount(lang);
    const base = lang.split('-')[0] as keyof typeof expectedWords;
    const expected = expectedWords[base];
    const shown = words(host);
    expect(shown.steps).toBe(expected.steps);
    expect(shown.busy).toBe(expected.busy);
    // es-MX and de-AT write dates their own way (Intl); the sentence around them is the pack's.
    if (lang === base || lang === 'en-GB') expect(shown.reply).toBe(expected.reply);
    else expect(shown.reply).toMatch(base === 'es' ? /^Te responderemos antes del .+ \(tu hora local\)\.$/ : /^Wir antworten bis .+ \(Ihre Ortszeit\)\.$/);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('a language without a pack reads English; the site owner’s strings win over a pack', async () => {
    const saved = structuredClone(shared().messages);
    try {
      expect(words(await mount('ja')).steps).toBe('Step 2 of 4 — Delivery');
      setMessages('es', { 'steps.of': 'Pantalla {current} de {total}' });
      expect(words(await mount('es')).steps).toBe('Pantalla 2 de 4 — Envío');
    } finally {
      shared().messages = saved;
    }
  });
});
