// Shared setup for the telemetry unit tests: a clean page, storage and hub between tests.
import { afterEach, vi } from 'vitest';
import type { SendEnvironment } from '../../../src/core/send.js';
import { shared } from '../../../src/core/shared.js';
import { emitTelemetry, takePreHubEvents, type TelemetryProps } from '../../../src/core/telemetry-event.js';
import { shutdown } from '../../../src/telemetry/index.js';

/** Registers the clean-up every telemetry test file needs. */
export function resetAfterEach(): void {
  afterEach(() => {
    // Not awaited: a test's never-settling sink would hold the hook for the sink timeout.
    void shutdown();
    takePreHubEvents();
    // Each test is a new page: no script tag has started a sink yet (src/telemetry/script-tag.ts).
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('touchpoint.script-sinks')];
    // … nor made an HTTP sink (src/telemetry/sinks/http.ts: the outboxes this page's sinks keep).
    delete shared().outboxes;
    sessionStorage.clear();
    document.body.replaceChildren();
    history.replaceState(null, '', '/');
    vi.restoreAllMocks();
    vi.useRealTimers();
  });
}

/** What `TpElement.track()` does: one `tp-telemetry` event from `source`. */
export function emitFrom(source: Element, action = 'happened', props: TelemetryProps = {}): void {
  emitTelemetry(source, {
    name: `tp.test.${action}`,
    component: { tag: 'tp-test', id: source.id || 'tp-test-1' },
    props,
    time: Date.now(),
  });
}

/** An element in the document to emit from. */
export function mountSource(id = 'source'): HTMLElement {
  const el = document.createElement('tp-test');
  el.id = id;
  document.body.append(el);
  return el;
}

/** A sink's send environment that never waits, with a fetch that records each request and answers 200. */
export function recordingEnv(): { env: SendEnvironment; posted: { url: string; type: string; body: string }[] } {
  const posted: { url: string; type: string; body: string }[] = [];
  const env = envWithFetch(async (url, init) => {
    posted.push({ url: String(url), type: (init!.headers as Record<string, string>)['Content-Type']!, body: String(init!.body) });
    return new Response(null, { status: 200 });
  });
  return { env, posted };
}

/** A send environment that never waits (no backoff, always online), around `fetch`. */
export function envWithFetch(fetch: SendEnvironment['fetch']): SendEnvironment {
  return { now: () => 0, random: () => 0.5, sleep: async () => {}, whenOnline: async () => {}, fetch };
}
