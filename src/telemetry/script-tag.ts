import type { TelemetryProps } from '../core/telemetry-event.js';
import { warn, warnAttribute } from '../core/warn.js';
import { flush, setConsent, startTelemetry, track } from './index.js';
import type { ConsentState, Sink } from './schema.js';
import { httpSink } from './sinks/http.js';
import { otlpSink } from './sinks/otlp.js';
import { segmentSink } from './sinks/segment.js';

/** `window.touchpoint`, for pages that load Touchpoint with a script tag. */
export interface TouchpointGlobal {
  /** Tells the hub the visitor's consent: `pending`, `granted` or `denied`. */
  consent(state: ConsentState): void;
  /** Records one of the site's own events. */
  track(name: string, props?: TelemetryProps): void;
  /** Sends what is waiting, if consent allows. */
  flush(): Promise<void>;
}

declare global {
  interface Window {
    touchpoint?: TouchpointGlobal;
  }
}

const CONSENT_STATES: readonly string[] = ['pending', 'granted', 'denied'] satisfies ConsentState[];
const ACCEPTED_CONSENT = '"pending", "granted" or "denied"';

const isConsent = (value: unknown): value is ConsentState => CONSENT_STATES.includes(value as string);

function readConsent(script: Element): ConsentState {
  const value = script.getAttribute('data-consent');
  if (value === null || isConsent(value)) return value ?? 'pending';
  __TP_DEV__ && warnAttribute(script, 'data-consent', value, ACCEPTED_CONSENT, '"pending"');
  return 'pending';
}

function readSampleRate(script: Element): number {
  const value = script.getAttribute('data-sample-rate');
  if (value === null) return 1;
  // Number('') is 0: an empty attribute is a mistake, not "sample nothing".
  const rate = value.trim() ? Number(value) : NaN;
  if (rate >= 0 && rate <= 1) return rate;
  __TP_DEV__ && warnAttribute(script, 'data-sample-rate', value, 'a number from 0 to 1', '1');
  return 1;
}

/** `data-format`: the body the endpoint reads. */
const FORMATS = { touchpoint: httpSink, segment: segmentSink, otlp: otlpSink };

/** Page-wide (shared by bundle copies): the endpoints a script tag has already given a sink. */
const STARTED = Symbol.for('touchpoint.script-sinks');

/** The endpoint as the browser will request it, so `/in` and `https://site/in` are one; as written if it is no URL. */
function absolute(endpoint: string): string {
  try {
    return new URL(endpoint, document.baseURI).href;
  } catch {
    return endpoint; // The sink's requests will fail and be counted; the page must not.
  }
}

/**
 * `data-endpoint`: a sink posting to that URL (relative to the page), or no sink at all; `data-format`
 * says which: `touchpoint` (default: the HTTP sink, for `touchpoint collect`), `segment` (a `/v1/batch`
 * endpoint) or `otlp` (a Collector's `/v1/logs`).
 */
function readSinks(script: Element): Sink[] {
  const endpoint = script.getAttribute('data-endpoint');
  const format = script.getAttribute('data-format') ?? 'touchpoint';
  const known = Object.hasOwn(FORMATS, format);
  if (__TP_DEV__ && !known) warnAttribute(script, 'data-format', format, '"touchpoint", "segment" or "otlp"', '"touchpoint"');
  if (endpoint?.trim()) {
    // A second copy of the bundle joins the page's one hub; the same endpoint in the same format
    // must not get a second sink, or every event would be posted twice.
    const started = ((globalThis as { [STARTED]?: Set<string> })[STARTED] ??= new Set());
    const key = `${known ? format : 'touchpoint'} ${absolute(endpoint.trim())}`;
    if (started.has(key)) return [];
    started.add(key);
    return [FORMATS[known ? (format as keyof typeof FORMATS) : 'touchpoint']({ endpoint: endpoint.trim() })];
  }
  if (__TP_DEV__ && endpoint !== null) warnAttribute(script, 'data-endpoint', endpoint, 'the URL of a collector', 'no endpoint: events stay on the page');
  return [];
}

/**
 * The telemetry half of the script tag (DESIGN.md "The script tag"): starts the hub with the tag's
 * `data-consent` (default `pending`), `data-sample-rate` (default 1) and, when `data-endpoint` names
 * a collector, the sink `data-format` picks (see `readSinks`); then installs `window.touchpoint`. Bad values fall back to the default
 * with a dev warning. Without `data-endpoint`, events wait in memory (bounded) and never leave the page.
 */
export function startFromScriptTag(script: HTMLOrSVGScriptElement | null): void {
  startTelemetry(script ? { consent: readConsent(script), sampleRate: readSampleRate(script), sinks: readSinks(script) } : {});
  window.touchpoint = {
    consent(state) {
      if (isConsent(state)) setConsent(state);
      else if (__TP_DEV__ && script) warn(script, `touchpoint.consent("${String(state)}") is not accepted (expected ${ACCEPTED_CONSENT}); consent is unchanged.`);
    },
    track,
    flush,
  };
}
