import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/use-browser.js';

// DESIGN.md: one telemetry hub per page even when two copies of the bundle load. Each copy's script
// tag names the same endpoint; every event must still be posted once — not once per copy (which the
// collector would hide by de-duplicating, but which doubles the traffic and any other pipeline's count).
const posted: { name: string; id: string }[] = [];

function count(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
    for (const event of JSON.parse(body) as { name: string; id: string }[]) posted.push({ name: event.name, id: event.id });
    res.writeHead(204).end();
  });
}

const web = useBrowser({ routes: { '/count': count } });

describe('two copies of the script bundle on one page', () => {
  it('have one hub: each event is posted once, and no page error', async () => {
    const { page, errors } = await web.open('/tests/e2e/fixtures/two-copies-telemetry.html', { before: (page) => page.clock.install() });
    await page.waitForFunction(() => customElements.get('tp-progress-bar'));
    await page.evaluate(() => {
      document.querySelector('tp-progress-bar')!.setAttribute('value', '100');
      window.touchpoint!.track('site.checkout_started', { step: 1 });
    });
    await page.clock.runFor(5_000);
    await page.evaluate(() => window.touchpoint!.flush());
    await expect.poll(() => posted.map((e) => e.name).sort()).toEqual(['site.checkout_started', 'tp.progress_bar.completed']);
    // Nothing more arrives later (a second hub or sink would post its own copy with a new batch).
    await page.clock.runFor(10_000);
    await page.evaluate(() => window.touchpoint!.flush());
    expect(posted.map((e) => e.name).sort()).toEqual(['site.checkout_started', 'tp.progress_bar.completed']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
