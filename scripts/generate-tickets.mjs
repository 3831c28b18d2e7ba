// Writes examples/data/tickets.csv: a deterministic, realistic ticket history for a Europe/London
// business open "Mon-Fri 09:00-12:30, 13:30-17:30", closed 2026-12-25 and 2026-12-28, from
// 2026-10-01 to 2026-12-30 (it crosses the end of British Summer Time on 2026-10-25).
//
//   node scripts/generate-tickets.mjs
//
// examples/data/reply-stats.json is then made from it with the CLI, bundled with esbuild:
//
//   npx esbuild src/cli/main.ts --bundle --platform=node --format=esm --outfile=/tmp/tp-cli.mjs
//   node -e "import('/tmp/tp-cli.mjs').then(async (m) => { process.exitCode = await m.main(['reply-stats',
//     'examples/data/tickets.csv', '--hours', 'Mon-Fri 09:00-12:30, 13:30-17:30', '--time-zone', 'Europe/London',
//     '--holidays', '2026-12-25 2026-12-28', '--since', '91d', '--now', '2026-12-31T00:00:00Z',
//     '--out', 'examples/data/reply-stats.json']) })"
//
// Seeded PRNG, no Math.random and no clock: the same input gives the same file, byte for byte.

import { mkdirSync, writeFileSync } from 'node:fs';

const OUT = new URL('../examples/data/tickets.csv', import.meta.url);
const SEED = 20_261_001;
const FIRST_DAY = '2026-10-01';
const LAST_DAY = '2026-12-30';
/** The export was taken at this instant: replies after it had not happened yet. */
const EXPORTED_AT = Date.parse('2026-12-31T00:00:00Z');
const OPEN_MINUTES = [
  [9 * 60, 12 * 60 + 30],
  [13 * 60 + 30, 17 * 60 + 30],
];
const HOLIDAYS = new Set(['2026-12-25', '2026-12-28']);
const MINUTES_PER_DAY = 1440;

/** mulberry32: tiny, fast and good enough for sample data. */
function prng(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng(SEED);
const between = (low, high) => low + (high - low) * random();
const pick = (weighted) => {
  let r = random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1][0];
};

// Local wall-clock time is kept as minutes since 1970-01-01 00:00 local, converted to UTC at the end.
const dayNumber = (isoDate) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
const isoDate = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const isWeekend = (day) => (day + 3) % 7 >= 5; // 1970-01-01 was a Thursday
const isWorkday = (day) => !isWeekend(day) && !HOLIDAYS.has(isoDate(day));

/** Agents answer only while open, so a reply lands `minutes` of opening hours after `wallMinute`. */
function afterBusinessMinutes(wallMinute, minutes) {
  let remaining = minutes;
  for (let day = Math.floor(wallMinute / MINUTES_PER_DAY); ; day++) {
    if (!isWorkday(day)) continue;
    for (const [open, close] of OPEN_MINUTES) {
      const start = Math.max(wallMinute, day * MINUTES_PER_DAY + open);
      const end = day * MINUTES_PER_DAY + close;
      if (start >= end) continue;
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
    }
  }
}

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
/** Minutes ahead of UTC in London at a UTC instant: "GMT" or "GMT+1". */
const londonOffset = (utcMs) => 60 * Number(london.format(utcMs).split('GMT')[1] || 0);
/** Times are generated between 06:00 and 23:00, away from the 01:00–02:00 changes, so one correction is exact. */
function wallToUtc(wallMinute) {
  const guess = wallMinute * 60_000 - londonOffset(wallMinute * 60_000) * 60_000;
  return wallMinute * 60_000 - londonOffset(guess) * 60_000;
}
const stamp = (utcMs) => new Date(utcMs).toISOString().replace('.000Z', 'Z');

function receivedMinuteOfDay(day) {
  if (!isWorkday(day)) return between(8 * 60, 22 * 60);
  // Most messages arrive during the working day, some in the evening or early morning.
  if (random() < 0.85) return between(8 * 60 + 30, 17 * 60 + 45);
  return random() < 1 / 3 ? between(6 * 60, 8 * 60 + 30) : between(17 * 60 + 45, 23 * 60);
}

/** Opening-hours minutes to the first reply: mostly within hours, some the next day, a few slow. */
function replyDelay() {
  const kind = random();
  if (kind < 0.5) return 5 + 115 * random() ** 2;
  if (kind < 0.8) return between(120, 420);
  if (kind < 0.95) return between(420, 1_000);
  return between(1_000, 3_000);
}

const tickets = [];
for (let day = dayNumber(FIRST_DAY); day <= dayNumber(LAST_DAY); day++) {
  const count = isWorkday(day) ? 3 + Math.floor(random() * 5) : Math.floor(random() * 2);
  for (let i = 0; i < count; i++) {
    const wallReceived = day * MINUTES_PER_DAY + receivedMinuteOfDay(day);
    const received = wallToUtc(Math.floor(wallReceived)) + Math.floor(random() * 60) * 1000;
    const replied = wallToUtc(Math.floor(afterBusinessMinutes(wallReceived, replyDelay()))) + Math.floor(random() * 60) * 1000;
    const channel = pick([['email', 5], ['contact_form', 3], ['chat', 2]]);
    tickets.push({ received, replied, channel });
  }
}
tickets.sort((a, b) => a.received - b.received);

const lines = ['ticket_id,channel,received_at,first_reply_at'];
tickets.forEach(({ received, replied, channel }, index) => {
  lines.push(`T-${10_001 + index},${channel},${stamp(received)},${replied <= EXPORTED_AT ? stamp(replied) : ''}`);
});
mkdirSync(new URL('.', OUT), { recursive: true });
writeFileSync(OUT, `${lines.join('\n')}\n`);
console.log(`Wrote ${tickets.length} tickets to ${OUT.pathname}`);
