import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTelemetry } from '../../../src/telemetry/index.js';
import { startFromScriptTag } from '../../../src/telemetry/script-tag.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { resetAfterEach } from './helpers.js';

resetAfterEach();

const spyOnWarn = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
let warnings: ReturnType<typeof spyOnWarn>;
beforeEach(() => {
  warnings = spyOnWarn();
});
afterEach(() => {
  delete window.touchpoint;
  for (const script of scripts.splice(0)) script.remove();
});

const scripts: HTMLScriptElement[] = [];

/** A script tag like the page's; each test gives its own id, since each dev warning is printed once per page. */
function scriptTag(id: string, attributes: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.id = id;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.append(script);
  scripts.push(script);
  return script;
}

/** Starts from the tag, then attaches a memory sink to the hub it started, to see what would be sent. */
function start(script: HTMLScriptElement | null) {
  startFromScriptTag(script);
  const sink = memorySink();
  startTelemetry({ sinks: [sink] });
  return sink;
}

describe('the script-tag switch', () => {
  it('defaults to consent pending and sample rate 1, and installs window.touchpoint', async () => {
    const sink = start(scriptTag('defaults'));
    window.touchpoint!.track('site.loaded', { ok: true });
    await window.touchpoint!.flush();
    expect(sink.events).toEqual([]);
    window.touchpoint!.consent('granted');
    await window.touchpoint!.flush();
    expect(sink.events.map((e) => [e.name, e.props, e.sample_rate])).toEqual([['site.loaded', { ok: true }, 1]]);
    expect(warnings).not.toHaveBeenCalled();
  });

  it('reads data-consent and data-sample-rate', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.1);
    const sink = start(scriptTag('configured', { 'data-consent': 'granted', 'data-sample-rate': '0.25' }));
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(sink.events.map((e) => e.sample_rate)).toEqual([0.25]);
  });

  it('data-consent="denied" drops everything', async () => {
    const sink = start(scriptTag('denied', { 'data-consent': 'denied' }));
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(sink.events).toEqual([]);
  });

  it('falls back from bad values with a dev warning naming the element, attribute, value and what is accepted', async () => {
    const sink = start(scriptTag('bad', { 'data-consent': 'yes', 'data-sample-rate': '2' }));
    expect(warnings.mock.calls.map((c) => c[0])).toEqual([
      '[touchpoint] <script#bad>: data-consent="yes" is not accepted (expected "pending", "granted" or "denied"); using "pending".',
      '[touchpoint] <script#bad>: data-sample-rate="2" is not accepted (expected a number from 0 to 1); using 1.',
    ]);
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(sink.events).toEqual([]); // pending
    window.touchpoint!.consent('granted');
    await window.touchpoint!.flush();
    expect(sink.events[0]!.sample_rate).toBe(1);
  });

  it.each(['', ' ', 'half', '-0.1', 'NaN'])('rejects data-sample-rate="%s"', (value) => {
    start(scriptTag(`rate-${value.trim() || 'blank'}-${value.length}`, { 'data-sample-rate': value }));
    expect(warnings).toHaveBeenCalledOnce();
    expect(warnings.mock.calls[0]![0]).toContain(`data-sample-rate="${value}" is not accepted`);
  });

  it('data-endpoint starts the HTTP sink: batches are posted there as JSON', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 200 }));
    startFromScriptTag(scriptTag('endpoint', { 'data-endpoint': 'https://collector.example/t', 'data-consent': 'granted' }));
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://collector.example/t');
    expect(JSON.parse(String(init!.body)).map((e: { name: string }) => e.name)).toEqual(['site.loaded']);
    expect(warnings).not.toHaveBeenCalled();
  });

  it.each([
    ['otlp', (body: any) => body.resourceLogs[0].scopeLogs[0].logRecords.map((r: { eventName: string }) => r.eventName)],
    ['segment', (body: any) => body.batch.map((call: { event: string }) => call.event)],
    ['touchpoint', (body: any) => body.map((e: { name: string }) => e.name)],
  ])('data-format="%s" picks the body the endpoint reads', async (format, names) => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 200 }));
    startFromScriptTag(scriptTag(`format-${format}`, { 'data-endpoint': '/in', 'data-format': format, 'data-consent': 'granted' }));
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(fetch).toHaveBeenCalledOnce();
    expect(names(JSON.parse(String(fetch.mock.calls[0]![1]!.body)))).toEqual(['site.loaded']);
    expect(warnings).not.toHaveBeenCalled();
  });

  it('a data-endpoint that is no URL at all does not stop the script tag', () => {
    expect(() => startFromScriptTag(scriptTag('endpoint-broken', { 'data-endpoint': 'http://a b:99999/' }))).not.toThrow();
    expect(window.touchpoint).toBeDefined();
  });

  it('a second copy naming the same endpoint adds no second sink; another endpoint does', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 200 }));
    startFromScriptTag(scriptTag('copy-1', { 'data-endpoint': '/in', 'data-consent': 'granted' }));
    startFromScriptTag(scriptTag('copy-2', { 'data-endpoint': `${location.origin}/in`, 'data-consent': 'granted' }));
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/in']);
    startFromScriptTag(scriptTag('copy-3', { 'data-endpoint': '/elsewhere', 'data-consent': 'granted' }));
    window.touchpoint!.track('site.clicked');
    await window.touchpoint!.flush();
    expect(fetch.mock.calls.map(([url]) => url).slice(1).sort()).toEqual(['/elsewhere', '/in']);
  });

  it('a data-format it does not know falls back to "touchpoint", with a dev warning', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 200 }));
    startFromScriptTag(scriptTag('format-bad', { 'data-endpoint': '/in', 'data-format': 'constructor', 'data-consent': 'granted' }));
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body)).map((e: { name: string }) => e.name)).toEqual(['site.loaded']);
    expect(warnings.mock.calls.map(([message]) => message)).toEqual([
      '[touchpoint] <script#format-bad>: data-format="constructor" is not accepted (expected "touchpoint", "segment" or "otlp"); using "touchpoint".',
    ]);
  });

  it('an empty data-endpoint sends nothing, with a dev warning', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response());
    startFromScriptTag(scriptTag('endpoint-empty', { 'data-endpoint': ' ', 'data-consent': 'granted' }));
    expect(warnings.mock.calls[0]![0]).toBe(
      '[touchpoint] <script#endpoint-empty>: data-endpoint=" " is not accepted (expected the URL of a collector); using no endpoint: events stay on the page.',
    );
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('window.touchpoint.consent() ignores a state it does not know, with a dev warning', async () => {
    const sink = start(scriptTag('consent-typo', { 'data-consent': 'granted' }));
    window.touchpoint!.consent('revoked' as 'denied');
    expect(warnings.mock.calls[0]![0]).toBe(
      '[touchpoint] <script#consent-typo>: touchpoint.consent("revoked") is not accepted (expected "pending", "granted" or "denied"); consent is unchanged.',
    );
    window.touchpoint!.track('site.still_granted');
    await window.touchpoint!.flush();
    expect(sink.events.map((e) => e.name)).toEqual(['site.still_granted']);
  });

  it('works without its script element (document.currentScript is null in modules)', async () => {
    const sink = start(null);
    window.touchpoint!.consent('granted');
    window.touchpoint!.track('site.loaded');
    await window.touchpoint!.flush();
    expect(sink.events.map((e) => e.name)).toEqual(['site.loaded']);
  });
});
