import { afterEach, describe, expect, it } from 'vitest';
import { message, resolveLocale, setMessages } from '../../../src/core/i18n.js';
import { shared } from '../../../src/core/shared.js';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  delete shared().locale;
  shared().messages = {};
});

describe('resolveLocale', () => {
  it('takes the closest lang, walking out of shadow roots through their hosts', () => {
    const outer = document.createElement('section');
    outer.lang = 'de-AT';
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    outer.append(host);
    document.body.append(outer);
    expect(resolveLocale(inner)).toBe('de-AT');
  });

  it('prefers the site owner’s data-locale over any lang', () => {
    document.documentElement.lang = 'fr';
    shared().locale = 'es';
    const el = document.createElement('span');
    document.body.append(el);
    expect(resolveLocale(el)).toBe('es');
  });

  it('falls back to English for a tag Intl would reject, instead of throwing', () => {
    document.documentElement.lang = 'not a language!';
    const el = document.createElement('span');
    document.body.append(el);
    expect(resolveLocale(el)).toBe('en');
  });
});

describe('message', () => {
  const catalogue = { en: { 'x.hello': 'Hello {name}' }, de: { 'x.hello': 'Hallo {name}' } };

  it('uses the base language when the region has no strings, then English', () => {
    const el = document.createElement('span');
    el.lang = 'de-CH';
    expect(message(el, catalogue, 'x.hello', { name: 'Ana' })).toBe('Hallo Ana');
    el.lang = 'ja';
    expect(message(el, catalogue, 'x.hello', { name: 'Ana' })).toBe('Hello Ana');
  });

  it('lets the site owner override a string for every element', () => {
    setMessages('en', { 'x.hello': 'Hi {name}' });
    const el = document.createElement('span');
    el.lang = 'en-GB';
    expect(message(el, catalogue, 'x.hello', { name: '<b>Ana</b>' })).toBe('Hi <b>Ana</b>');
  });
});
