/**
 * A schedule that cannot be trusted: malformed or overlapping hours, an unknown time zone, a bad holiday,
 * or no open time within the search horizon. The message names the problem and the offending text,
 * because the reader is usually a site owner fixing an attribute or a command-line flag. It is written
 * only where someone reads it: dev builds, tests and the `touchpoint` command (built with `__TP_DEV__`);
 * production browser builds throw the same errors with an empty message (components never show it).
 */
export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}
