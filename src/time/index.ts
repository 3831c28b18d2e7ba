/**
 * Business time you can trust: a DST-proof schedule engine (pure: no DOM, `Intl` only).
 * Instants are epoch milliseconds; durations are milliseconds. See DESIGN.md "Business time".
 */

export { add, between, isOpen, nextOpening } from './business-time.js';
export { parseHours } from './hours.js';
export type { OpeningInterval, Weekday, WeeklyHours } from './hours.js';
export { parseHolidays, parseSchedule, parseTimeZone } from './schedule.js';
export type { Schedule, ScheduleText } from './schedule.js';
export { scheduleFromJSON, scheduleToJSON } from './schedule-json.js';
export type { ScheduleJSON } from './schedule-json.js';
export { ScheduleError } from './schedule-error.js';
export { percentile } from './percentile.js';
