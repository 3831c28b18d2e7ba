import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/use-browser.js';

// touchpoint.min.js carries the Spanish, German and French packs: a script-tag page speaks the
// language of each element's closest lang (or the script tag's data-locale) with no extra request.
const web = useBrowser();

async function stepsSummaries(locale?: string): Promise<{ summaries: string[]; requests: string[]; errors: string[] }> {
  const requests: string[] = [];
  const { page, errors } = await web.open('/tests/e2e/fixtures/theme.html', {
    before: (page) => page.on('request', (r) => requests.push(new URL(r.url()).pathname)),
  });
  await page.evaluate(() => {
    for (const lang of ['en-GB', 'de-AT', 'es-MX', 'fr', 'ja']) {
      const section = document.createElement('section');
      section.lang = lang;
      const steps = document.createElement('tp-steps');
      const list = document.createElement('ol');
      for (const name of ['A', 'B', 'C']) list.append(Object.assign(document.createElement('li'), { textContent: name }));
      steps.append(list);
      section.append(steps);
      document.body.append(section);
    }
  });
  await page.evaluate(
    (locale) =>
      new Promise((resolve) => {
        const script = document.createElement('script');
        script.src = '/dist/touchpoint.min.js';
        if (locale) script.dataset.locale = locale;
        script.onload = resolve;
        document.head.append(script);
      }),
    locale,
  );
  await page.waitForFunction(() => [...document.querySelectorAll('tp-steps')].every((s) => s.shadowRoot?.querySelector('[part=summary]')));
  const summaries = await page.evaluate(() => [...document.querySelectorAll('tp-steps')].map((s) => s.shadowRoot!.querySelector('[part=summary]')!.textContent!));
  await page.close();
  return { summaries, requests, errors };
}

describe('languages with the script tag', () => {
  it('each element speaks its closest lang, with no request for a pack', async () => {
    const { summaries, requests, errors } = await stepsSummaries();
    expect(summaries).toEqual(['Step 1 of 3 — A', 'Schritt 1 von 3 — A', 'Paso 1 de 3 — A', 'Étape 1 sur 3 — A', 'Step 1 of 3 — A']);
    expect(requests.filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/touchpoint.min.js']);
    expect(errors).toEqual([]);
  });

  it('data-locale on the script tag wins over every lang', async () => {
    const { summaries } = await stepsSummaries('fr-CA');
    expect(new Set(summaries)).toEqual(new Set(['Étape 1 sur 3 — A']));
  });
});
