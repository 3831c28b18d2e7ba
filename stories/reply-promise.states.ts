// Every state of <tp-reply-promise>, shared by the stories and the tests, so what designers see is
// what is checked with axe and in the accessibility tree. The clock (`now`), the reader's zone and
// the locale are fixed, so each state always says the same words.
import replyStats from '../examples/data/reply-stats.json' with { type: 'json' };

/** The element's attributes, as Storybook args (each is also an attribute for script-tag users). */
export interface ReplyPromiseArgs {
  hours?: string;
  timeZone?: string;
  holidays?: string;
  stats?: string;
  confidence?: string;
  target?: string;
  now?: string;
  displayTimeZone?: string;
}

export interface ReplyPromiseState {
  args: ReplyPromiseArgs;
  lang: string;
  /** The words shown, both sentences joined by a space. */
  expected: string;
}

export const HOURS = 'Mon-Fri 09:00-12:30, 13:30-17:30';
const stats = (overrides: Record<string, unknown> = {}) => JSON.stringify({ ...replyStats, ...overrides });
const base: ReplyPromiseArgs = {
  hours: HOURS,
  timeZone: 'Europe/London',
  holidays: '2026-12-25 2026-12-28',
  stats: stats(),
  displayTimeZone: 'Europe/London',
  // Tuesday 24 November 2026, 10:00 in London.
  now: '2026-11-24T10:00:00Z',
};

export const replyPromiseStates: Record<string, ReplyPromiseState> = {
  'Promise (p90)': {
    args: base,
    lang: 'en-GB',
    expected: 'We’ll reply by Wednesday 25 November, 17:30 (your time).',
  },
  'In the reader’s zone and locale': {
    args: { ...base, displayTimeZone: 'America/New_York' },
    lang: 'en-US',
    expected: 'We’ll reply by Wednesday, November 25, 12:30 PM (your time).',
  },
  'Higher confidence (p95)': {
    args: { ...base, confidence: '0.95' },
    lang: 'en-GB',
    expected: 'We’ll reply by Thursday 26 November, 12:00 (your time).',
  },
  'After hours': {
    args: { ...base, now: '2026-11-28T12:00:00Z' },
    lang: 'en-GB',
    expected: 'We’ll reply by Tuesday 1 December, 17:00 (your time). We’re closed now — back Monday at 09:00.',
  },
  'Over the holidays': {
    args: { ...base, now: '2026-12-24T18:00:00Z' },
    lang: 'en-GB',
    expected: 'We’ll reply by Wednesday 30 December, 17:00 (your time). We’re closed now — back Tuesday at 09:00.',
  },
  'Target shorter than the data': {
    args: { ...base, target: '4 business hours' },
    lang: 'en-GB',
    expected: 'We’ll reply by Wednesday 25 November, 17:30 (your time).',
  },
  'Few samples': {
    args: { ...base, stats: stats({ sample: 12 }), target: '2 business days' },
    lang: 'en-GB',
    expected: 'We usually reply within 2 business days.',
  },
  'Few samples, no target': {
    args: { ...base, stats: stats({ sample: 12 }) },
    lang: 'en-GB',
    expected: 'We’ll reply as soon as we can.',
  },
  'Broken stats': {
    args: { ...base, stats: '{"sample": "lots", "p90": "soon"}', now: '2026-11-28T12:00:00Z' },
    lang: 'en-GB',
    expected: 'We’ll reply as soon as we can. We’re closed now — back Monday at 09:00.',
  },
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The element's attributes as HTML, the way a site owner would write them. */
export function replyPromiseAttributes(args: ReplyPromiseArgs): string {
  const names: Record<keyof ReplyPromiseArgs, string> = {
    hours: 'hours',
    timeZone: 'time-zone',
    holidays: 'holidays',
    stats: 'stats',
    confidence: 'confidence',
    target: 'target',
    now: 'now',
    displayTimeZone: 'display-time-zone',
  };
  return Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${names[key as keyof ReplyPromiseArgs]}="${escape(value!)}"`)
    .join(' ');
}

/** The state as plain HTML. */
export function replyPromiseMarkup(state: ReplyPromiseState): string {
  return `<div lang="${state.lang}"><tp-reply-promise ${replyPromiseAttributes(state.args)}></tp-reply-promise></div>`;
}
