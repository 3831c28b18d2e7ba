import { randomId } from '../core/id.js';
import { shared } from '../core/shared.js';
import { TELEMETRY_EVENT, takePreHubEvents, type TelemetryDetail, type TelemetryProps } from '../core/telemetry-event.js';
import { attempt } from './attempt.js';
import { deliver } from './deliver.js';
import { labelsOf } from './labels.js';
import { cleanProps } from './props.js';
import type { ConsentState, DropReason, Sink, TelemetryEvent } from './schema.js';
import { forgetSession, loadSession, type Session } from './session.js';

export interface TelemetryOptions {
  /** Where batches go. Without a sink, events wait in memory (bounded) and never leave the page. */
  sinks?: Sink[];
  /** Consent at start. Default `pending`: nothing is stored or sent until `setConsent('granted')`. */
  consent?: ConsentState;
  /** Share of sessions that send events, 0..1, decided once per session. Default 1. */
  sampleRate?: number;
  /** Last look at each event before it is sent: return it (changed or not), or `null` to drop it. */
  beforeSend?: (event: TelemetryEvent) => TelemetryEvent | null;
  /** Send free-text props (`reason`, `comment`, `message`, `feedback`, `text`, `*_text`). Default false. */
  allowFreeText?: boolean;
  /** Global Privacy Control (`navigator.globalPrivacyControl`) counts as `denied`. Default true. */
  respectGlobalPrivacyControl?: boolean;
  /** Most events kept waiting; beyond it the oldest is dropped. Default 100. */
  maxQueue?: number;
  /** Events per batch; a full batch is sent at once. Default 10. */
  batchSize?: number;
  /** Milliseconds an incomplete batch waits before it is sent. Default 2000. */
  flushInterval?: number;
}

/** The page's one telemetry hub (see `startTelemetry`). */
export interface TelemetryHub {
  /** Records one of the site's own events (no `component`). */
  track(name: string, props?: TelemetryProps): void;
  /** The visitor's consent; with Global Privacy Control respected, always `denied`. */
  setConsent(state: ConsentState): void;
  /** Sends what is waiting (when consent allows); settles when every sink is done or timed out. */
  flush(): Promise<void>;
  /** Stops listening, sends what is waiting, and lets a new hub start. */
  shutdown(): Promise<void>;
  /** Adds sinks (each once); events waiting for a sink go to them. */
  addSinks(sinks: Sink[]): void;
}

const DROPPED = 'tp.telemetry.dropped';

/** What the hub is told: a `tp-telemetry` detail, or one of the site's own events (no component). */
interface Reported {
  name: string;
  props?: TelemetryProps;
  time: number;
  component?: TelemetryDetail['component'];
}

/** An event as captured: `session` and `sample_rate` are known only once consent is granted. */
type Captured = Omit<TelemetryEvent, 'session' | 'sample_rate'>;

/** Creates the page's hub (registered in the shared state) and starts listening. Use `startTelemetry`. */
export function createHub(options: TelemetryOptions): TelemetryHub {
  const { sampleRate = 1, beforeSend, allowFreeText, maxQueue = 100, batchSize = 10, flushInterval = 2000 } = options;
  const gpc =
    options.respectGlobalPrivacyControl !== false && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  const pageView = randomId();
  const sinks: Sink[] = [];
  // Applied (Global Privacy Control, sinks told) by addSinks below.
  let consent: ConsentState = options.consent ?? 'pending';
  // Read or created only once consent is granted: until then nothing touches storage.
  let session: Session | undefined;
  let queue: Captured[] = [];
  // Created by the first drop, so "anything to report?" is one check.
  let drops: Partial<Record<DropReason, number>> | undefined;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const count = (reason: DropReason, n = 1) => {
    if (n) (drops ??= {})[reason] = (drops[reason] ?? 0) + n;
  };

  /** One event, as cheap as it can be: no storage, no cookies, no serialization. */
  const make = ({ name, props, time, component }: Reported, source?: EventTarget | null): Captured => ({
    v: 1,
    id: randomId(),
    name,
    time,
    seq: ++seq,
    page_view: pageView,
    page: location.pathname,
    // Undefined for the site's own events: absent once encoded.
    component,
    props: cleanProps(props, allowFreeText),
    labels: labelsOf(source),
  });

  function capture(detail: Reported, source?: EventTarget | null) {
    if (consent == 'denied') return count('consent_denied');
    if (queue.push(make(detail, source)) > maxQueue) {
      queue.shift();
      count('overflow');
    }
    // A full batch goes at once; a partial one waits for more (one timer, however many events). Both
    // are no-ops until consent is granted.
    if (queue.length < batchSize) timer ??= setTimeout(flush, flushInterval);
    else flush();
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // No sink yet: events keep waiting (bounded) for one to be added.
    if (consent != 'granted' || !sinks.length) return;
    const { id, rate, sampled } = session!;
    // Completed below with the session and its sample rate.
    const events = queue.splice(0) as TelemetryEvent[];
    // A sampled-out session sends nothing, not even a drop report.
    if (!sampled) return;
    if (drops) {
      events.push(make({ name: DROPPED, props: drops, time: Date.now() }) as TelemetryEvent);
      drops = undefined;
    }
    const ready: TelemetryEvent[] = [];
    for (const captured of events) {
      captured.session = id;
      captured.sample_rate = rate;
      // beforeSend is often a scrubber: when it throws, sending unscrubbed would be worse than losing the event.
      const event = attempt(() => (beforeSend ? beforeSend(captured) : captured));
      event ? ready.push(event) : count('before_send');
    }
    const sent: Promise<unknown>[] = [];
    while (ready.length) {
      const batch = ready.splice(0, batchSize);
      for (const sink of sinks) sent.push(deliver(sink, batch).catch(() => count('sink_error', batch.length)));
    }
    await Promise.all(sent);
  }

  // Also told to sinks (each time, added ones too): a sink that stores may send or forget what it kept.
  function setConsent(state: ConsentState) {
    consent = gpc ? 'denied' : state;
    for (const sink of sinks) sink.consent?.(consent);
    if (consent == 'granted') {
      session ??= loadSession(sampleRate);
      flush();
    } else if (consent == 'denied') {
      count('consent_denied', queue.length);
      queue = [];
      forgetSession();
      session = undefined;
    }
  }

  function addSinks(more: Sink[]) {
    for (const sink of more) if (!sinks.includes(sink)) sinks.push(sink);
    // Tells every sink the consent, then sends what waits (when it may).
    setConsent(consent);
  }

  // composedPath()[0] is the component itself, even when it sits inside another shadow root.
  const onEvent = (event: Event) => capture((event as CustomEvent<TelemetryDetail>).detail, event.composedPath()[0]);

  addSinks(options.sinks ?? []);
  for (const detail of takePreHubEvents()) capture(detail);
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    document[method](TELEMETRY_EVENT, onEvent);
    // Hidden is the last moment a page can be relied on to run code: it may be closed or frozen next.
    document[method]('visibilitychange', flush);
  };
  listen('addEventListener');

  const hub: TelemetryHub = {
    track: (name, props) => capture({ name, props, time: Date.now() }),
    setConsent,
    flush,
    addSinks,
    shutdown() {
      listen('removeEventListener');
      if (shared().hub == hub) shared().hub = undefined;
      return flush();
    },
  };
  // Also stops the core from buffering events for a hub to come.
  return (shared().hub = hub);
}
