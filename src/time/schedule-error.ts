/**
 * A schedule that cannot be trusted: malformed or overlapping hours, an unknown time zone, a bad holiday,
 * or no open time within the search horizon. The message names the problem and the offending text,
 * because the reader is usually a site owner fixing an attribute or a command-line flag.
 */
export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}
