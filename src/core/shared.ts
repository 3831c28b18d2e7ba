import type { TelemetryDetail } from './telemetry-event.js';

/**
 * State that must be one per page even when two copies of Touchpoint load (an npm bundle and the
 * script tag, say): it lives on `globalThis` under a registry symbol, so every copy finds the same
 * object. Created lazily, so importing a module touches nothing.
 */
export interface TouchpointShared {
  /** The last events captured before any hub started (bounded; see `telemetry-event.ts`). */
  buffer: TelemetryDetail[];
  /** The running hub, set by `touchpoint/telemetry` when it starts. */
  hub?: unknown;
  /** The outbox keys of the HTTP sinks made on this page: only they expire what those keep (`touchpoint/telemetry/http`). */
  outboxes?: Set<string>;
  /** The site owner's message overrides: locale → key → text. */
  messages: Record<string, Record<string, string>>;
  /** A locale forced by the site owner (`data-locale`), ahead of the closest `lang`. */
  locale?: string;
  /** How many elements without an `id` have named themselves for telemetry (`component.id`). */
  instances: number;
}

export const SHARED_KEY = Symbol.for('touchpoint');

export const shared = (): TouchpointShared =>
  ((globalThis as unknown as Record<symbol, TouchpointShared | undefined>)[SHARED_KEY] ??= { buffer: [], messages: {}, instances: 0 });
