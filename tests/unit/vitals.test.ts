import { afterEach, describe, expect, it, vi } from 'vitest';
import { TpElement } from '../../src/core/element.js';
import { takePreHubEvents, type TelemetryDetail } from '../../src/core/telemetry-event.js';
import { createBridge, propsOf, touchpointElementOf, type VitalsMetric } from '../../src/vitals/bridge.js';
import { startVitals } from '../../src/vitals/index.js';
import { loadVitals } from '../../src/vitals/script-tag.js';

/** A Touchpoint element whose own `track()` the test can call. */
class TpVitalsProbe extends TpElement {
  ping() {
    this.track('ping');
  }
}
customElements.define('tp-vitals-probe', TpVitalsProbe);

afterEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
  takePreHubEvents();
  vi.restoreAllMocks();
  delete (window as { trustedTypes?: unknown }).trustedTypes;
});

/** `<tp-toggletip>` (not upgraded: the bridge goes by the tag) with a button in its shadow root and one slotted. */
function toggletip(id = '') {
  const host = document.createElement('tp-toggletip');
  host.id = id;
  const own = document.createElement('button');
  const icon = document.createElement('span');
  own.append(icon);
  host.attachShadow({ mode: 'open' }).append(own);
  const slotted = document.createElement('button');
  slotted.append('Start a return');
  host.append(slotted);
  document.body.append(host);
  return { host, own, icon, slotted };
}

const metric = (over: Partial<VitalsMetric> = {}): VitalsMetric => ({
  name: 'INP',
  value: 320,
  rating: 'needs-improvement',
  id: 'v6-1-1',
  navigationType: 'navigate',
  attribution: {},
  ...over,
});

/** A bridge whose events are collected instead of dispatched. */
function bridge() {
  const sent: { source: EventTarget; detail: TelemetryDetail }[] = [];
  return { sent, ...createBridge((source, detail) => sent.push({ source, detail })) };
}

describe('touchpointElementOf: the Touchpoint element holding a node', () => {
  it('crosses shadow roots to the host, and finds the host of a slotted node through the light DOM', () => {
    const { host, own, icon, slotted } = toggletip('help');
    expect(touchpointElementOf(icon)).toBe(host);
    expect(touchpointElementOf(own)).toBe(host);
    expect(touchpointElementOf(slotted)).toBe(host);
    expect(touchpointElementOf(slotted.firstChild)).toBe(host);
    expect(touchpointElementOf(host)).toBe(host);
  });

  it('returns the innermost one, and crosses a page’s own shadow roots on the way', () => {
    const outer = document.createElement('tp-steps');
    const app = document.createElement('my-panel');
    const link = document.createElement('a');
    link.href = 'https://example.com/help';
    app.attachShadow({ mode: 'open' }).append(link);
    const inner = document.createElement('tp-tooltip');
    const tip = document.createElement('span');
    inner.attachShadow({ mode: 'open' }).append(tip);
    outer.attachShadow({ mode: 'open' }).append(app, inner);
    document.body.append(outer);
    // An <a> has a `host` property of its own (the URL's host): it is not a shadow root.
    expect(touchpointElementOf(link)).toBe(outer);
    expect(touchpointElementOf(tip)).toBe(inner);
  });

  it('is undefined outside any Touchpoint element, for detached nodes and for null', () => {
    const button = document.createElement('button');
    document.body.append(button);
    expect(touchpointElementOf(button)).toBeUndefined();
    expect(touchpointElementOf(document.createElement('span'))).toBeUndefined();
    expect(touchpointElementOf(document)).toBeUndefined();
    expect(touchpointElementOf(null)).toBeUndefined();
  });
});

describe('the bridge', () => {
  it('fills component with the toggletip holding the INP target, and sends from it', () => {
    const b = bridge();
    const { host, own } = toggletip('help');
    const target = b.generateTarget(own);
    b.report(metric({ attribution: { interactionTarget: target, interactionType: 'pointer', loadState: 'complete' } }));
    b.hidden();
    expect(b.sent).toHaveLength(1);
    expect(b.sent[0]!.source).toBe(host);
    expect(b.sent[0]!.detail).toMatchObject({
      name: 'tp.vitals.inp',
      component: { tag: 'tp-toggletip', id: 'help' },
      props: { value: 320, rating: 'needs-improvement', metric_id: 'v6-1-1', interaction_type: 'pointer', load_state: 'complete' },
    });
  });

  it('ties CLS to the largest shift source and LCP to the LCP element', () => {
    const b = bridge();
    const { host, slotted } = toggletip('returns');
    const banner = toggletip('banner');
    b.report(metric({ name: 'CLS', id: 'v6-2', value: 0.12, attribution: { largestShiftTarget: b.generateTarget(slotted), largestShiftValue: 0.1 } }));
    b.report(metric({ name: 'LCP', id: 'v6-3', value: 900, attribution: { target: b.generateTarget(banner.icon), timeToFirstByte: 20 } }));
    b.hidden();
    expect(b.sent.map((s) => [s.detail.name, s.detail.component, s.source])).toEqual([
      ['tp.vitals.cls', { tag: 'tp-toggletip', id: 'returns' }, host],
      ['tp.vitals.lcp', { tag: 'tp-toggletip', id: 'banner' }, banner.host],
    ]);
    expect(b.sent[0]!.detail.props).toMatchObject({ value: 0.12, largest_shift_value: 0.1 });
    expect(b.sent[1]!.detail.props).toMatchObject({ value: 900, time_to_first_byte: 20 });
  });

  it('leaves component out, and sends from the document, when no Touchpoint element holds the target', () => {
    const b = bridge();
    const button = document.createElement('button');
    document.body.append(button);
    expect(b.generateTarget(button)).toBeUndefined();
    // What web-vitals puts there when generateTarget returns undefined: its own selector.
    b.report(metric({ attribution: { interactionTarget: 'html>body>button' } }));
    b.hidden();
    expect(b.sent[0]!.source).toBe(document);
    expect(b.sent[0]!.detail.component).toBeUndefined();
  });

  it('still names the element once it has left the page, sending from the document', () => {
    const b = bridge();
    const { host, own } = toggletip('gone');
    const target = b.generateTarget(own);
    host.remove();
    b.report(metric({ attribution: { interactionTarget: target } }));
    b.hidden();
    expect(b.sent[0]!.source).toBe(document);
    expect(b.sent[0]!.detail.component).toEqual({ tag: 'tp-toggletip', id: 'gone' });
  });

  it('sends each metric id at the first hide, with its latest value, and nothing before', () => {
    const b = bridge();
    b.report(metric({ value: 48, rating: 'good' }));
    b.report(metric({ value: 320 }));
    b.report(metric({ name: 'CLS', id: 'v6-cls', value: 0 }));
    expect(b.sent).toEqual([]);
    b.hidden();
    expect(b.sent.map((s) => [s.detail.name, s.detail.props.value])).toEqual([
      ['tp.vitals.inp', 320],
      ['tp.vitals.cls', 0],
    ]);
  });

  it('sends a metric id again at a later hide when its value changed, once, with the same metric_id', () => {
    const b = bridge();
    const { host, own } = toggletip('help');
    const steps = toggletip('steps');
    b.report(metric({ value: 80, rating: 'good', attribution: { interactionTarget: b.generateTarget(own) } }));
    b.report(metric({ name: 'CLS', id: 'v6-cls', value: 0.01, rating: 'good' }));
    b.hidden();
    // Back on the tab, a slower interaction, in another element: the page's INP is now 600 ms.
    b.report(metric({ value: 600, rating: 'poor', attribution: { interactionTarget: b.generateTarget(steps.own) } }));
    b.hidden();
    // Hidden again with nothing new: nothing more.
    b.hidden();
    expect(b.sent.map((s) => [s.detail.name, s.detail.props.metric_id, s.detail.props.value, s.detail.props.rating])).toEqual([
      ['tp.vitals.inp', 'v6-1-1', 80, 'good'],
      ['tp.vitals.cls', 'v6-cls', 0.01, 'good'],
      ['tp.vitals.inp', 'v6-1-1', 600, 'poor'],
    ]);
    expect(b.sent.map((s) => s.source)).toEqual([host, document, steps.host]);
    expect(b.sent[2]!.detail.component).toEqual({ tag: 'tp-toggletip', id: 'steps' });
    // A new event, not the first one changed: what was already handed on stays as it was.
    expect(b.sent[2]!.detail).not.toBe(b.sent[0]!.detail);
    expect(b.sent[0]!.detail.props.value).toBe(80);
  });

  it('does not send a metric id again when its value is the one last sent', () => {
    const b = bridge();
    b.report(metric({ value: 320 }));
    b.hidden();
    // Reported again with the same value, or changed and changed back before the next hide.
    b.report(metric({ value: 320 }));
    b.hidden();
    b.report(metric({ value: 400 }));
    b.report(metric({ value: 320 }));
    b.hidden();
    expect(b.sent.map((s) => s.detail.props.value)).toEqual([320]);
  });

  it('sends the new ids of a page restored from the back/forward cache, and their later changes', () => {
    const b = bridge();
    b.report(metric({ value: 320 }));
    b.hidden();
    b.report(metric({ id: 'v6-bfcache', value: 64, rating: 'good', navigationType: 'back-forward-cache' }));
    b.hidden();
    b.report(metric({ id: 'v6-bfcache', value: 240, rating: 'needs-improvement', navigationType: 'back-forward-cache' }));
    b.hidden();
    expect(b.sent.map((s) => [s.detail.props.metric_id, s.detail.props.value, s.detail.props.navigation_type])).toEqual([
      ['v6-1-1', 320, 'navigate'],
      ['v6-bfcache', 64, 'back-forward-cache'],
      ['v6-bfcache', 240, 'back-forward-cache'],
    ]);
  });

  it('names an element without an id exactly as its own track() does, whichever comes first', async () => {
    const b = bridge();
    const heard: TelemetryDetail[] = [];
    document.addEventListener('tp-telemetry', (e) => heard.push((e as CustomEvent<TelemetryDetail>).detail));
    const first = document.createElement('tp-vitals-probe') as TpVitalsProbe;
    const second = document.createElement('tp-vitals-probe') as TpVitalsProbe;
    document.body.append(first, second);
    first.ping();
    b.report(metric({ id: 'a', attribution: { interactionTarget: b.generateTarget(first) } }));
    b.report(metric({ id: 'b', name: 'LCP', attribution: { target: b.generateTarget(second) } }));
    second.ping();
    b.hidden();
    expect(heard[0]!.component.id).toMatch(/^tp-vitals-probe-\d+$/);
    expect(b.sent[0]!.detail.component).toEqual(heard[0]!.component);
    expect(b.sent[1]!.detail.component).toEqual(heard[1]!.component);
    expect(heard[1]!.component.id).not.toBe(heard[0]!.component.id);
  });

  it('emits through the tp-telemetry event when given no emitter of its own', () => {
    const { own } = toggletip('help');
    const b = createBridge();
    b.report(metric({ attribution: { interactionTarget: b.generateTarget(own) } }));
    b.hidden();
    expect(takePreHubEvents()).toMatchObject([{ name: 'tp.vitals.inp', component: { tag: 'tp-toggletip', id: 'help' } }]);
  });
});

describe('startVitals', () => {
  it('starts one bridge per page, however often it is called (two copies of Touchpoint share it)', () => {
    const listen = vi.spyOn(document, 'addEventListener');
    startVitals();
    startVitals();
    expect(listen.mock.calls.filter(([type]) => type === 'visibilitychange')).toHaveLength(1);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('touchpoint.vitals')]).toBe(true);
  });
});

describe('propsOf: flat primitive props', () => {
  it('takes the attribution essentials of each metric and leaves out what is absent or not flat', () => {
    expect(
      propsOf(
        metric({
          attribution: {
            interactionType: 'keyboard',
            loadState: 'dom-interactive',
            inputDelay: 2,
            processingDuration: 300,
            presentationDelay: 18,
            longAnimationFrameEntries: [{}],
            interactionTarget: 'html>body>button',
          },
        }),
      ),
    ).toEqual({
      value: 320,
      rating: 'needs-improvement',
      metric_id: 'v6-1-1',
      navigation_type: 'navigate',
      interaction_type: 'keyboard',
      load_state: 'dom-interactive',
      input_delay: 2,
      processing_duration: 300,
      presentation_delay: 18,
    });
    expect(propsOf(metric({ name: 'CLS', value: 0, rating: 'good', navigationType: undefined, attribution: {} }))).toEqual({
      value: 0,
      rating: 'good',
      metric_id: 'v6-1-1',
      navigation_type: null,
    });
    expect(
      propsOf(metric({ name: 'LCP', attribution: { timeToFirstByte: 20, resourceLoadDelay: 5, resourceLoadDuration: 40, elementRenderDelay: 15, url: 'https://cdn.example/a.jpg?u=1' } })),
    ).toMatchObject({ time_to_first_byte: 20, resource_load_delay: 5, resource_load_duration: 40, element_render_delay: 15 });
    // The LCP image URL may carry personal data in its query string: never sent.
    expect(Object.values(propsOf(metric({ name: 'LCP', attribution: { url: 'https://cdn.example/a.jpg?u=1' } })))).not.toContain('https://cdn.example/a.jpg?u=1');
  });
});

describe('data-vitals on the script tag (loadVitals)', () => {
  /** The script tag, and the <script> elements loadVitals adds (kept out of the document: nothing is fetched). */
  function scriptTag(attributes: Record<string, string>) {
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    const added: HTMLScriptElement[] = [];
    vi.spyOn(document.head, 'append').mockImplementation((...nodes) => added.push(...(nodes as HTMLScriptElement[])));
    return { script, added };
  }

  it('adds nothing without the attribute', () => {
    const { script, added } = scriptTag({ src: 'https://cdn.example/touchpoint/0.1.0/touchpoint.min.js' });
    loadVitals(script);
    loadVitals(null);
    expect(added).toEqual([]);
  });

  it('loads touchpoint.vitals.min.js from the folder of touchpoint.min.js, with the tag’s nonce', () => {
    const { script, added } = scriptTag({ src: 'https://cdn.example/touchpoint/0.1.0/touchpoint.min.js', 'data-vitals': '' });
    script.nonce = 'r4nd0m';
    loadVitals(script);
    expect(added).toHaveLength(1);
    expect(added[0]!.src).toBe('https://cdn.example/touchpoint/0.1.0/touchpoint.vitals.min.js');
    expect(added[0]!.nonce).toBe('r4nd0m');
  });

  it('under Trusted Types, takes the URL from a policy named "touchpoint" that makes only that URL', () => {
    const policies: { name: string; createScriptURL(input: string): string }[] = [];
    (window as { trustedTypes?: unknown }).trustedTypes = {
      createPolicy(name: string, rules: { createScriptURL(input: string): string }) {
        const policy = { name, createScriptURL: (input: string) => rules.createScriptURL(input) };
        policies.push(policy);
        return policy;
      },
    };
    const { script, added } = scriptTag({ src: '/dist/touchpoint.min.js', 'data-vitals': '' });
    loadVitals(script);
    expect(policies.map((p) => p.name)).toEqual(['touchpoint']);
    expect(added[0]!.src).toBe(new URL('/dist/touchpoint.vitals.min.js', location.href).href);
    // Whatever it is asked for, the policy can only make this one URL.
    expect(policies[0]!.createScriptURL('https://evil.example/x.js')).toBe(added[0]!.src);
  });

  it('loads nothing, with one dev warning, when the policy is refused or the tag has no src', () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    (window as { trustedTypes?: unknown }).trustedTypes = {
      createPolicy() {
        throw new TypeError('Policy "touchpoint" disallowed.');
      },
    };
    const refused = scriptTag({ id: 'refused', src: '/dist/touchpoint.min.js', 'data-vitals': '' });
    loadVitals(refused.script);
    delete (window as { trustedTypes?: unknown }).trustedTypes;
    const inline = scriptTag({ id: 'inline', 'data-vitals': '' });
    loadVitals(inline.script);
    expect([...refused.added, ...inline.added]).toEqual([]);
    expect(warnings.mock.calls.map((c) => c[0])).toEqual([
      expect.stringMatching(/<script#refused>: data-vitals: could not load touchpoint\.vitals\.min\.js .*disallowed/),
      expect.stringMatching(/<script#inline>: data-vitals: could not load touchpoint\.vitals\.min\.js/),
    ]);
  });
});
