import { randomId } from '../core/id.js';
import { attempt } from './attempt.js';

/** The tab's session with its sampling decision: kept together so the decision sticks for the session. */
export interface Session {
  id: string;
  /** The sample rate the decision was made with (reported as `sample_rate`). */
  rate: number;
  sampled: boolean;
}

const KEY = 'touchpoint:session';

// Storage access throws when the browser blocks it (sandboxed frames, some privacy modes); then the
// session lasts as long as the page.

/**
 * The session of this tab, from sessionStorage or new (and then stored). Call only once consent is
 * granted: this and `forgetSession` are the only places telemetry touches storage.
 */
export function loadSession(sampleRate: number): Session {
  let session = attempt((): Session | null => JSON.parse(sessionStorage.getItem(KEY)!));
  if (!session?.id) {
    session = { id: randomId(), rate: sampleRate, sampled: Math.random() < sampleRate };
    attempt(() => sessionStorage.setItem(KEY, JSON.stringify(session)));
  }
  return session;
}

/**
 * When consent is denied: removes the stored session, and every telemetry batch an HTTP-type sink
 * kept in localStorage (`tp-outbox-telemetry`, `-otlp`, `-segment`: `TELEMETRY_OUTBOXES` in
 * sinks/http.ts), also on a page with no such sink. Never other keys: `tp-outbox-unsubscribe` holds a
 * person's own request. A sweep by name, so the hub does not load the outbox module.
 */
export function forgetSession(): void {
  attempt(() => sessionStorage.removeItem(KEY));
  attempt(() => {
    // `in`: the stored names (and Storage's own members, which never match).
    for (const name in localStorage) if (/^tp-outbox-(telemetry|otlp|segment):/.test(name)) localStorage.removeItem(name);
  });
}
