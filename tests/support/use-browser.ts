// For e2e (and Storybook) tests: the repo served on 127.0.0.1 (with a page's back ends as routes) and
// one Chromium, started in beforeAll and closed in afterAll of the file or describe block that calls
// useBrowser (useChromium: the browser alone). Hooks run in the order they are registered (afterAll
// in reverse), so a file that must prepare something first (a build, a collector) registers its own
// hooks before calling useBrowser.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium, repoRoot, watchErrors } from './browser.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface OpenOptions {
  /** The context to open the page in (its own storage, locale, time zone); the browser's default otherwise. */
  context?: BrowserContext;
  /** Runs on the new page before it navigates: listeners, `page.route`, `page.clock`, `emulateMedia`. */
  before?: (page: Page) => unknown;
}

export interface Opened {
  page: Page;
  /** Page errors, console errors and failed responses (watchErrors), from before the navigation on. */
  errors: string[];
  response: Response | null;
}

export interface BrowserSetup {
  /** The server's origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly browser: Browser;
  /** A new page, watched for errors, navigated to `path` (e.g. `/examples/tooltip/`) on the server. */
  open(path: string, options?: OpenOptions): Promise<Opened>;
}

/** One Chromium for the file (or describe block): launched in beforeAll, closed in afterAll. */
export function useChromium(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return started(browser);
    },
  };
}

/**
 * `root` (the repository unless given) served on 127.0.0.1 with `routes` and `headers` (see
 * scripts/static-server.mjs), and one Chromium: started in that order, closed in the other.
 */
export function useBrowser({ root = repoRoot, ...options }: { root?: string; routes?: Record<string, Route>; headers?: Record<string, string> } = {}): BrowserSetup {
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  beforeAll(async () => {
    server = await serveStatic(root, options);
  });
  afterAll(async () => {
    await server?.close();
  });
  // Registered after the server's hooks: launched after it starts, closed before it stops.
  const chromium = useChromium();
  const setup: BrowserSetup = {
    get url() {
      return started(server).url;
    },
    get browser() {
      return chromium.browser;
    },
    async open(path, { context, before } = {}) {
      const page = await (context ?? setup.browser).newPage();
      const errors = watchErrors(page);
      await before?.(page);
      const response = await page.goto(`${setup.url}${path}`);
      return { page, errors, response };
    },
  };
  return setup;
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('useBrowser: used before its beforeAll ran (or after it failed)');
  return value;
}
