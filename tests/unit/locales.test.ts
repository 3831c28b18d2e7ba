import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/core/i18n.js';
import { message, setMessages } from '../../src/core/i18n.js';
import { shared } from '../../src/core/shared.js';
import { addLocale } from '../../src/locales/add.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';

// Every built-in string must exist in Spanish, German and French with the same placeholders.
// The catalogues are found on disk (any src/<folder>/*messages.ts), so a new component's strings
// are checked without editing this test.
const root = `${process.cwd()}/src/`;
const files = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'locales')
  .flatMap((d) => readdirSync(`${root}${d.name}`).filter((f) => f.endsWith('messages.ts')).map((f) => `${d.name}/${f}`));

const catalogues: [string, Catalogue][] = [];
for (const file of files) {
  const module = (await import(/* @vite-ignore */ `${root}${file}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(module)) {
    if (value && typeof value === 'object' && 'en' in value) catalogues.push([`${file} ${name}`, value as Catalogue]);
  }
}
const english = catalogues.flatMap(([where, c]) => Object.entries(c.en!).map(([key, text]) => ({ where, key, text, catalogue: c })));
const packs = { es, de, fr };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => {
  document.body.replaceChildren();
  shared().messages = {};
});

describe('built-in strings in every language', () => {
  it('finds the catalogues of every component (busy, steps, toggletip, …)', () => {
    expect(files).toEqual(expect.arrayContaining(['busy/messages.ts', 'steps/messages.ts', 'progress-bar/estimate-messages.ts']));
    expect(english.length).toBeGreaterThan(40);
  });

  for (const [lang, pack] of Object.entries(packs)) {
    it(`${lang}: every English string has a translation with the same {placeholders}`, () => {
      const problems: string[] = [];
      for (const { where, key, text, catalogue } of english) {
        const translated = pack[key] ?? catalogue[lang]?.[key];
        if (!translated?.trim()) problems.push(`${where}: ${key} has no ${lang}`);
        else if (placeholders(translated).join() !== placeholders(text).join()) {
          problems.push(`${where}: ${key} (${lang}) has {${placeholders(translated).join('}, {')}}, English {${placeholders(text).join('}, {')}}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it(`${lang}: has no string that no component uses any more`, () => {
      const keys = new Set(english.map((e) => e.key));
      expect(Object.keys(pack).filter((key) => !keys.has(key))).toEqual([]);
    });
  }
});

describe('language packs', () => {
  const catalogue = { en: { 'steps.of': 'Step {current} of {total}' } };

  it('falls back from the region to the language: es-MX reads the Spanish pack, ja reads English', () => {
    addLocale('es', es);
    const el = document.createElement('span');
    el.lang = 'es-MX';
    expect(message(el, catalogue, 'steps.of', { current: '2', total: '3' })).toBe('Paso 2 de 3');
    el.lang = 'ja';
    expect(message(el, catalogue, 'steps.of', { current: '2', total: '3' })).toBe('Step 2 of 3');
  });

  it('keeps the site owner’s strings whether they were set before or after the pack loaded', () => {
    setMessages('de', { 'steps.of': 'Seite {current}/{total}' });
    addLocale('de', de);
    setMessages('de', { 'steps.at': 'Seite {current}' });
    addLocale('de', de);
    const el = document.createElement('span');
    el.lang = 'de-AT';
    expect(message(el, catalogue, 'steps.of', { current: '1', total: '4' })).toBe('Seite 1/4');
    expect(message(el, catalogue, 'steps.at', { current: '1' })).toBe('Seite 1');
    expect(message(el, catalogue, 'steps.done')).toBe('abgeschlossen');
  });

  it('registers itself on import (the pack entries are side-effect modules)', async () => {
    shared().messages = {};
    // A fresh copy of the module, as a second bundle on the page would be.
    await import(/* @vite-ignore */ `${root}locales/fr.ts?again`);
    expect(shared().messages.fr?.['busy.label']).toBe(fr['busy.label']);
  });
});
