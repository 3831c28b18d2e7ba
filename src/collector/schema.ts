/// <reference types="node" />
/**
 * Checks events against schema/event.v1.json, read from the package itself so the collector and the
 * published schema cannot disagree (the checker is json-schema.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileSchema, type Check, type Schema } from './json-schema.js';

export { compileSchema };

/** The published schema (`touchpoint/schema/event.v1.json`), found through the package's own exports. */
export function eventSchema(): Schema {
  const file = createRequire(import.meta.url).resolve('touchpoint/schema/event.v1.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Schema;
}

let eventCheck: Check | undefined;

/** The problems of one telemetry event against schema v1 (empty when it is valid), each with its JSON path. */
export function checkEvent(value: unknown, path = '$'): string[] {
  const problems: string[] = [];
  (eventCheck ??= compileSchema(eventSchema()))(value, path, problems);
  return problems;
}
