import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../src/reply-promise/define.js';
import type { TpReplyPromise } from '../../src/reply-promise/reply-promise.js';
import { estimate, parseTarget, pickPercentile, readStats, targetMinutes } from '../../src/reply-promise/estimate.js';
import { takePreHubEvents, type TelemetryDetail } from '../../src/core/telemetry-event.js';
import { parseSchedule } from '../../src/time/index.js';
import statsJSON from '../../examples/data/reply-stats.json' with { type: 'json' };
import { replyPromiseMarkup, replyPromiseStates } from '../../stories/reply-promise.states.js';

const HOURS = 'Mon-Fri 09:00-12:30, 13:30-17:30';
const ZONE = 'Europe/London';
/** Tuesday 24 November 2026, 10:00 in London (GMT). */
const TUESDAY_10 = Date.parse('2026-11-24T10:00:00Z');

async function promiseEl(attributes: Record<string, string> = {}, props: Partial<TpReplyPromise> = {}): Promise<TpReplyPromise> {
  const el = document.createElement('tp-reply-promise');
  el.setAttribute('display-time-zone', ZONE);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, { now: TUESDAY_10, ...props });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part=${name}]`);
const said = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('p')]
    .map((p) => p.textContent)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
const stats = (overrides: Record<string, unknown> = {}) => JSON.stringify({ ...statsJSON, ...overrides });

let warnings: ReturnType<typeof vi.spyOn>;
const warned = () => warnings.mock.calls.flat().join('\n');
beforeAll(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en-GB';
  warnings.mockClear();
  takePreHubEvents();
  vi.unstubAllGlobals();
});
document.documentElement.lang = 'en-GB';

describe('estimate(): what the data supports', () => {
  const data = readStats(statsJSON);
  const schedule = parseSchedule({ hours: HOURS, timeZone: ZONE });

  it('picks the nearest percentile at or above the confidence, never interpolating', () => {
    expect(pickPercentile(data, 0.5)).toEqual([50, 114]);
    expect(pickPercentile(data, 0.51)).toEqual([80, 419]);
    expect(pickPercentile(data, 0.8)).toEqual([80, 419]);
    expect(pickPercentile(data, 0.85)).toEqual([90, 821]);
    expect(pickPercentile(data, 0.9)).toEqual([90, 821]);
    expect(pickPercentile(data, 0.95)).toEqual([95, 963]);
    // Above the highest percentile the file carries: the highest, and the promise says which it used.
    expect(pickPercentile(data, 0.99)).toEqual([95, 963]);
    expect(pickPercentile(readStats({ ...statsJSON, p99: 2000 }), 0.99)).toEqual([99, 2000]);
  });

  it('adds the percentile in business time: p90 (821 min) from Tuesday 10:00 is Wednesday 17:11', () => {
    const e = estimate({ now: TUESDAY_10, schedule, stats: data, confidence: 0.9 });
    expect(e).toMatchObject({ kind: 'promise', percentile: 90, sample: 325 });
    expect(new Date(e.deadline!).toISOString()).toBe('2026-11-25T17:11:00.000Z');
    expect(e.reopens).toBeUndefined();
  });

  it('rounds up to the whole hour, or to closing time when that comes first — never earlier', () => {
    const minuteOf = (t: number) => new Date(t).getUTCMinutes();
    // 17:11 → 17:30 (closing), not 18:00.
    expect(new Date(estimate({ now: TUESDAY_10, schedule, stats: data, confidence: 0.9, minuteOf }).deadline!).toISOString()).toBe(
      '2026-11-25T17:30:00.000Z',
    );
    // p50 (114 min) from 10:00 is 11:54 → 12:00.
    expect(new Date(estimate({ now: TUESDAY_10, schedule, stats: data, confidence: 0.5, minuteOf }).deadline!).toISOString()).toBe(
      '2026-11-24T12:00:00.000Z',
    );
  });

  it('does not promise a target shorter than the data; promises a longer one', () => {
    const short = estimate({ now: TUESDAY_10, schedule, stats: data, confidence: 0.9, target: parseTarget('4 business hours') });
    expect(short.kind).toBe('promise');
    expect(new Date(short.deadline!).toISOString()).toBe('2026-11-25T17:11:00.000Z');
    expect(short.note).toContain('shorter than the replies support (p90: 821 business minutes)');
    const long = estimate({ now: TUESDAY_10, schedule, stats: data, confidence: 0.9, target: parseTarget('3 business days') });
    expect(long).toMatchObject({ kind: 'promise', percentile: 90 });
    expect(long.deadline!).toBeGreaterThan(short.deadline!);
    expect(long.note).toBeUndefined();
  });

  it('with fewer than 20 replies uses the target, as "usually"; without a target promises nothing', () => {
    const few = readStats({ ...statsJSON, sample: 19 });
    const usually = estimate({ now: TUESDAY_10, schedule, stats: few, confidence: 0.9, target: parseTarget('2 business days') });
    expect(usually).toMatchObject({ kind: 'usually', percentile: null, sample: 19 });
    // 2 business days = 2 × 450 min: Thursday 10:00.
    expect(new Date(usually.deadline!).toISOString()).toBe('2026-11-26T10:00:00.000Z');
    const none = estimate({ now: TUESDAY_10, schedule, stats: few, confidence: 0.9 });
    expect(none.kind).toBe('unknown');
    expect(none.deadline).toBeUndefined();
    expect(estimate({ now: TUESDAY_10, schedule, stats: readStats({ ...statsJSON, sample: 20 }), confidence: 0.9 }).kind).toBe('promise');
  });

  it('says when the team is back while closed', () => {
    const saturday = Date.parse('2026-11-28T12:00:00Z');
    expect(new Date(estimate({ now: saturday, schedule, confidence: 0.9 }).reopens!).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('reads targets in days, hours and minutes, with or without "business"', () => {
    expect(parseTarget('2 business days')).toEqual({ n: 2, unit: 'day' });
    expect(parseTarget(' 1 Business Day ')).toEqual({ n: 1, unit: 'day' });
    expect(parseTarget('4 hours')).toEqual({ n: 4, unit: 'hour' });
    expect(parseTarget('90 minutes')).toEqual({ n: 90, unit: 'minute' });
    expect(parseTarget('1.5 business days')).toEqual({ n: 1.5, unit: 'day' });
    for (const bad of ['', 'soon', '0 days', '-2 days', '2 weeks', '2 days!', '<b>2</b> days']) expect(parseTarget(bad)).toBeUndefined();
    expect(targetMinutes({ n: 2, unit: 'day' }, schedule)).toBe(900);
    expect(targetMinutes({ n: 1, unit: 'day' }, parseSchedule({ hours: 'Mon-Fri 09:00-17:00; Sat 10:00-14:00', timeZone: ZONE }))).toBe(
      Math.ceil((5 * 480 + 240) / 6),
    );
  });

  it.each([
    ['not an object', 42, 'not a JSON object'],
    ['no sample', { ...statsJSON, sample: undefined }, '"sample"'],
    ['fractional sample', { ...statsJSON, sample: 2.5 }, '"sample"'],
    ['other unit', { ...statsJSON, unit: 'minutes' }, '"unit"'],
    ['no p90', { ...statsJSON, p90: undefined }, '"p90"'],
    ['missing p90', Object.fromEntries(Object.entries(statsJSON).filter(([key]) => key !== 'p90')), 'p50, p80, p90 or p95 is missing'],
    ['text percentile', { ...statsJSON, p80: '419' }, '"p80"'],
    ['decreasing percentiles', { ...statsJSON, p95: 10 }, '"p95"'],
    ['negative', { ...statsJSON, p50: -1 }, '"p50"'],
    ['bad schedule', { ...statsJSON, schedule: { timeZone: 'Mars/Olympus', hours: {} } }, 'Mars/Olympus'],
  ])('rejects statistics with %s, saying why', (_name, json, why) => {
    expect(() => readStats(json)).toThrow(why);
  });
});

describe('<tp-reply-promise> wording', () => {
  it('promises p90 in the reader’s locale and zone, with the date in a <time> element', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats() });
    expect(said(el)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).');
    const time = part(el, 'deadline')!;
    expect(time.localName).toBe('time');
    expect(time.getAttribute('datetime')).toBe('2026-11-25T17:30:00.000Z');
    expect(part(el, 'closed')).toBeNull();
  });

  it('speaks 12-hour locales in their own way, in the reader’s zone', async () => {
    document.documentElement.lang = 'en-US';
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats(), 'display-time-zone': 'America/New_York' });
    // 17:30 in London is 12:30 in New York.
    expect(said(el)).toBe('We’ll reply by Wednesday, November 25, 12:30 PM (your time).');
    el.confidence = 0.8;
    el.now = Date.parse('2026-11-24T09:00:00Z');
    await el.updateComplete;
    // p80 (419 min) from Tuesday 09:00 London is 16:59 London, 11:59 in New York → noon.
    expect(said(el)).toBe('We’ll reply by Tuesday, November 24, 12 PM (your time).');
  });

  it('writes dates the reader’s regional way when the page names only a language', async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'fr']);
    document.documentElement.lang = 'en';
    const el = await promiseEl({ stats: stats() });
    expect(said(el)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).');
    // A page that names its region keeps it.
    document.documentElement.lang = 'en-US';
    el.requestUpdate();
    await el.updateComplete;
    expect(said(el)).toBe('We’ll reply by Wednesday, November 25, 5:30 PM (your time).');
    languages.mockRestore();
  });

  it('outside opening hours says when the team is back', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats() }, { now: Date.parse('2026-11-28T12:00:00Z') });
    expect(part(el, 'closed')!.textContent).toBe('We’re closed now — back Monday at 09:00.');
    expect(part(el, 'promise')!.textContent).toBe('We’ll reply by Tuesday 1 December, 17:00 (your time).');
    el.now = Date.parse('2026-11-24T12:45:00Z');
    await el.updateComplete;
    expect(part(el, 'closed')!.textContent).toBe('We’re closed now — back at 13:30.');
    el.holidays = '2026-12-24 2026-12-25 2026-12-28 2026-12-29 2026-12-30 2026-12-31 2027-01-01';
    el.now = Date.parse('2026-12-23T18:00:00Z');
    await el.updateComplete;
    expect(part(el, 'closed')!.textContent).toBe('We’re closed now — back Monday 4 January at 09:00.');
  });

  it('with few replies says the target as "usually", in the right number', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats({ sample: 12 }), target: '2 business days' });
    expect(said(el)).toBe('We usually reply within 2 business days.');
    el.target = '1 business day';
    await el.updateComplete;
    expect(said(el)).toBe('We usually reply within 1 business day.');
    el.target = '4 hours';
    await el.updateComplete;
    expect(said(el)).toBe('We usually reply within 4 business hours.');
  });

  it('with few replies and no target promises no time, and says so in dev builds', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats({ sample: 3 }) });
    expect(said(el)).toBe('We’ll reply as soon as we can.');
    expect(warned()).toContain('only 3 replies (fewer than 20) and no target: no promise made.');
    expect(el.promise()).toBeNull();
  });

  it('warns when a target is shorter than the data supports, and promises the data', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats(), target: '4 business hours' });
    expect(said(el)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).');
    expect(warned()).toContain('target "4 hour(s)" is shorter than the replies support (p90: 821 business minutes); promising p90.');
  });

  it('uses the schedule in the statistics when the page gives none', async () => {
    const el = await promiseEl({ stats: stats() });
    expect(said(el)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).');
  });

  it('lets the page’s hours win over the statistics’ schedule', async () => {
    const el = await promiseEl({ hours: 'Mon-Sun 00:00-24:00', 'time-zone': ZONE, stats: stats() });
    // 821 minutes round the clock from Tuesday 10:00: 23:41 → midnight.
    expect(said(el)).toBe('We’ll reply by Wednesday 25 November, 00:00 (your time).');
  });

  it('takes statistics set as an object property', async () => {
    const el = await promiseEl({}, { stats: statsJSON });
    expect(said(el)).toContain('We’ll reply by Wednesday 25 November');
  });
});

describe('<tp-reply-promise> statistics from a URL', () => {
  it('fetches stats-src and shows nothing until it arrives', async () => {
    let answer!: (r: Response) => void;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetch);
    const el = await promiseEl({ 'stats-src': '/reply-stats.json' });
    expect(fetch).toHaveBeenCalledWith('/reply-stats.json', expect.anything());
    expect(said(el)).toBe('');
    expect(el.promise()).toBeNull();
    answer(new Response(stats(), { headers: { 'content-type': 'application/json' } }));
    await vi.waitFor(() => expect(said(el)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).'));
    expect(el.promise()).toMatchObject({ kind: 'promise', percentile: 90, sample: 325 });
  });

  it.each([
    ['unreachable', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['a 404', () => Promise.resolve(new Response('Not found', { status: 404 }))],
    ['not JSON', () => Promise.resolve(new Response('<html>oops</html>'))],
    ['broken JSON', () => Promise.resolve(new Response(stats({ unit: 'hours' })))],
  ])('when %s, says a plain sentence (never blank, never Invalid Date)', async (_name, answer) => {
    vi.stubGlobal('fetch', vi.fn(answer));
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, 'stats-src': '/reply-stats.json' }, { now: Date.parse('2026-11-28T12:00:00Z') });
    await vi.waitFor(() => expect(said(el)).not.toBe(''));
    expect(said(el)).toBe('We’ll reply as soon as we can. We’re closed now — back Monday at 09:00.');
    expect(warned()).toContain('reply statistics');
  });

  it('with a target and no statistics, says the target as "usually"', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, 'stats-src': '/x.json', target: '2 business days' });
    await vi.waitFor(() => expect(said(el)).toBe('We usually reply within 2 business days.'));
  });
});

describe('<tp-reply-promise> with hostile input', () => {
  it.each([
    [{ confidence: '7' }, 'confidence="7" is not accepted (expected a number from 0.5 to 0.99); using 0.9'],
    [{ confidence: 'high' }, 'confidence="high"'],
    [{ confidence: '0.3' }, 'confidence="0.3"'],
    [{ confidence: '' }, 'confidence=""'],
    [{ now: 'yesterday' }, 'now="yesterday" is not accepted'],
    [{ 'display-time-zone': 'Mars/Olympus' }, 'display-time-zone="Mars/Olympus" is not accepted'],
    [{ target: '<img src=x onerror=alert(1)>' }, 'target="<img src=x onerror=alert(1)>" is not accepted'],
    [{ hours: 'whenever', 'time-zone': ZONE }, 'schedule not used: Cannot read opening hours "whenever"'],
    [{ hours: HOURS, 'time-zone': 'Nowhere/City' }, 'Unknown time zone "Nowhere/City"'],
    [{ hours: HOURS }, 'Time zone is missing'],
    [{ holidays: '2026-13-45', hours: HOURS, 'time-zone': ZONE }, 'Holiday "2026-13-45"'],
    [{ stats: '{not json' }, 'reply statistics not used'],
    [{ stats: '"><script>alert(1)</script>' }, 'reply statistics not used'],
    [{ stats: JSON.stringify({ ...statsJSON, p90: 1e400 }) }, '"p90"'],
  ] as [Record<string, string>, string][])('%o never throws, keeps a readable sentence and warns', async (attributes, warning) => {
    const el = await promiseEl({ stats: stats(), ...attributes }, attributes.now ? { now: undefined } : {});
    if (attributes.now) {
      el.setAttribute('now', attributes.now);
      await el.updateComplete;
    }
    expect(said(el)).toMatch(/^We/);
    expect(said(el)).not.toMatch(/Invalid|NaN|undefined|</);
    expect(warned()).toContain(warning);
  });

  it('accepts now as an ISO attribute', async () => {
    const el = await promiseEl({ stats: stats() }, { now: undefined });
    el.setAttribute('now', '2026-11-24T10:00:00Z');
    await el.updateComplete;
    expect(said(el)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).');
  });

  it('survives nonsense property values', async () => {
    const el = await promiseEl({ stats: stats() });
    for (const v of [null, {}, [], NaN, 'x', Infinity]) {
      Object.assign(el, { now: v, confidence: v, stats: v, target: v === null ? '' : String(v) });
      await el.updateComplete;
      expect(said(el)).toMatch(/^We/);
    }
  });
});

describe('<tp-reply-promise> telemetry and promises', () => {
  const events = (name: string) => takePreHubEvents().filter((e: TelemetryDetail) => e.name === name);

  it('reports tp.reply_promise.shown once per kind', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats() });
    el.now = TUESDAY_10 + 60_000;
    await el.updateComplete;
    el.stats = stats({ sample: 2 });
    await el.updateComplete;
    const shown = events('tp.reply_promise.shown');
    expect(shown.map((e) => e.props)).toEqual([
      { kind: 'promise', percentile: 90, sample: 325, closed: false },
      { kind: 'unknown', percentile: null, sample: 2, closed: false },
    ]);
    expect(shown[0]!.component.tag).toBe('tp-reply-promise');
  });

  it('makes a promise with an id, keeps an id it is given, and records it as made', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats() });
    const made = el.promise()!;
    expect(made.id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Date(made.deadline).toISOString()).toBe('2026-11-25T17:30:00.000Z');
    expect(el.promise('abc')!.id).toBe('abc');
    expect(el.sentence(made)).toBe('We’ll reply by Wednesday 25 November, 17:30 (your time).');
    takePreHubEvents();
    el.made(made);
    expect(events('tp.reply_promise.made').map((e) => e.props)).toEqual([
      { promise_id: made.id, deadline: '2026-11-25T17:30:00.000Z', percentile: 90, sample: 325 },
    ]);
  });

  it('records a target-based promise with no percentile', async () => {
    const el = await promiseEl({ hours: HOURS, 'time-zone': ZONE, stats: stats({ sample: 5 }), target: '2 business days' });
    const made = el.promise()!;
    expect(made).toMatchObject({ kind: 'usually', percentile: null, sample: 5 });
    expect(new Date(made.deadline).toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(el.sentence(made)).toBe('We usually reply within 2 business days.');
  });
});

describe('<tp-reply-promise> story states', () => {
  it.each(Object.entries(replyPromiseStates))('"%s" says what the story promises', async (_name, state) => {
    document.body.innerHTML = replyPromiseMarkup(state);
    const el = document.querySelector('tp-reply-promise')!;
    await el.updateComplete;
    expect(said(el)).toBe(state.expected);
  });
});
