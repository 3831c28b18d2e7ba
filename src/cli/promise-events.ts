/// <reference types="node" />
/** The reply promises recorded in a telemetry export: `tp.reply_promise.made` events, one JSON per line. */

import { parseIsoInstant } from './iso-instant.js';
import { RowProblems } from './row-problems.js';

export const MADE_EVENT = 'tp.reply_promise.made';

export interface MadePromise {
  readonly eventId: string;
  /** When the promise was made (epoch ms); the week it is reported under. */
  readonly madeAt: number;
  readonly deadline: number;
}

export interface PromiseLedger {
  /** By promise id. */
  readonly promises: ReadonlyMap<string, MadePromise>;
  readonly problems: RowProblems;
  /** Non-blank lines read. */
  readonly lines: number;
  readonly duplicateEvents: number;
  readonly repeatedPromises: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The promise a made event records, or the reason it cannot be read. */
function promiseOf(event: Record<string, unknown>): { promiseId: string; promise: MadePromise } | string {
  const props = isRecord(event.props) ? event.props : {};
  if (event.v !== 1) return 'event is not schema version 1';
  if (typeof event.id !== 'string' || event.id === '') return 'event has no "id"';
  if (typeof event.time !== 'number' || !Number.isFinite(event.time)) return 'event has no numeric "time"';
  if (typeof props.promise_id !== 'string' || props.promise_id === '') return 'event has no props.promise_id';
  const deadline = typeof props.deadline === 'string' ? parseIsoInstant(props.deadline) : undefined;
  if (deadline === undefined) return 'props.deadline is not an ISO 8601 time with a UTC offset';
  return { promiseId: props.promise_id, promise: { eventId: event.id, madeAt: event.time, deadline } };
}

/**
 * Reads every made event; other events are skipped, unreadable lines counted by reason. Delivery retries
 * can send one event twice, so an event id counts once; a promise id made again keeps its earliest event.
 */
export function readPromiseEvents(text: string): PromiseLedger {
  const promises = new Map<string, MadePromise>();
  const problems = new RowProblems();
  const seenEvents = new Set<string>();
  let lines = 0;
  let duplicateEvents = 0;
  let repeatedPromises = 0;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    lines++;
    let event: unknown;
    try {
      event = JSON.parse(raw);
    } catch {
      problems.add('not JSON', line);
      continue;
    }
    if (!isRecord(event) || typeof event.name !== 'string') {
      problems.add('not an event (no "name")', line);
      continue;
    }
    if (event.name !== MADE_EVENT) continue;
    const made = promiseOf(event);
    if (typeof made === 'string') {
      problems.add(`${MADE_EVENT} ${made}`, line);
      continue;
    }
    if (seenEvents.has(made.promise.eventId)) {
      duplicateEvents++;
      continue;
    }
    seenEvents.add(made.promise.eventId);
    const earlier = promises.get(made.promiseId);
    if (earlier) repeatedPromises++;
    if (!earlier || made.promise.madeAt < earlier.madeAt) promises.set(made.promiseId, made.promise);
  }
  return { promises, problems, lines, duplicateEvents, repeatedPromises };
}
