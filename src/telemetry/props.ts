import type { TelemetryProps } from '../core/telemetry-event.js';

/**
 * Keys that hold free text by convention: `reason`, `comment`, `message`, `feedback`, `text`, or
 * any key ending in `_text`. People type names, emails and order numbers into free text, so it only
 * leaves the page when the site owner opts in (`allowFreeText`). Enumerated values belong under
 * other keys (`reason_code`, `close_method`).
 */
export const FREE_TEXT_KEY = /^(reason|comment|message|feedback|text)$|_text$/;

/**
 * A copy of `props` without free-text keys (unless allowed) and without anything that is not a flat
 * primitive (`Object(value) !== value`: not an object, array or function, so every sink can encode it).
 */
export function cleanProps(props: TelemetryProps | undefined, allowFreeText?: boolean): TelemetryProps {
  const clean: TelemetryProps = {};
  for (const key in props) {
    const value = props[key];
    if (Object(value) !== value && (allowFreeText || !FREE_TEXT_KEY.test(key))) clean[key] = value;
  }
  return clean;
}
