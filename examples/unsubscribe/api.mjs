// The unsubscribe example's back end, mounted by `npm start` (scripts/start.mjs) under /api/unsubscribe.
// One URL does everything an email's unsubscribe link needs:
//
//   GET  /api/unsubscribe?token=…   the page (examples/unsubscribe/index.html) with <tp-unsubscribe>
//   POST /api/unsubscribe?token=…   RFC 8058 one-click, `List-Unsubscribe=One-Click` (multipart or URL-encoded), as
//                                   mail providers send it: 200, no redirect, no cookies; idempotent
//   POST /api/unsubscribe           JSON from <tp-unsubscribe>: { token, action, topics?, frequency?,
//                                   pause_days?, reason? }; idempotent on (subscriber, Idempotency-Key)
//   GET  /api/unsubscribe/demo      mints a fresh token for the demo subscriber and redirects to the
//                                   page (?expired=1: an expired one, to see what a refused link shows;
//                                   ?auto: the page with `auto`, unsubscribed as it opens)
//   GET  /api/unsubscribe/prefs?token=…   the stored preferences, as JSON (for the demo and tests)
//   POST /api/unsubscribe/fault     mode=none|503|slow|hang: how the next JSON requests fail (demos, tests)
//
// Tokens are opaque to the page: base64url(`<subscriber id>.<expiry, epoch seconds>`) + "." + an
// HMAC-SHA256 of it with a server secret. A forged token gets 403, an expired one 410. No email
// address is in the link. Preferences live in a real SQLite database (node-sqlite3-wasm, a
// WebAssembly build: no native addon) in examples/unsubscribe/.data/ (git-ignored).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite from 'node-sqlite3-wasm';
import { playFault, readBody } from '../api-helpers.mjs';

const { Database } = sqlite;

const ACTIONS = ['unsubscribe_all', 'unsubscribe_topics', 'set_frequency', 'pause', 'resubscribe'];
const FREQUENCIES = ['daily', 'weekly', 'monthly'];
export const TOPICS = [
  { id: 'news', label: 'Product news' },
  { id: 'tips', label: 'Tips and guides' },
  { id: 'offers', label: 'Offers' },
];
const FAULTS = ['none', '503', 'slow', 'hang'];
const MAX_BODY = 16 * 1024;
const DAY = 24 * 60 * 60;
/** How long a link in an email stays valid. Mail providers may use it days after sending. */
const TOKEN_DAYS = 60;

const b64 = (text) => Buffer.from(text).toString('base64url');

const readText = (req) => readBody(req, MAX_BODY).then((body) => body.toString('utf8'));

/** Nothing here sets a cookie, and nothing is cached: every answer says so. */
function answer(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end(body);
}
const json = (res, status, value) => answer(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
const text = (res, status, value) => answer(res, status, 'text/plain; charset=utf-8', value);

/**
 * One back end with its own database and secret. `state.requests` counts the JSON requests that
 * reached it, `state.applied` the changes it made, and `state.oneClick` the RFC 8058 POSTs (tests
 * count double clicks and resends with them).
 */
export function createUnsubscribeApi({
  dataDir = fileURLToPath(new URL('./.data/', import.meta.url)),
  secret = process.env.UNSUBSCRIBE_SECRET ?? randomBytes(32).toString('hex'),
  now = () => Date.now(),
} = {}) {
  const state = { requests: 0, applied: 0, oneClick: 0, fault: 'none' };
  let db;

  function database() {
    if (db) return db;
    mkdirSync(dataDir, { recursive: true });
    db = new Database(`${dataDir}/unsubscribe.sqlite`);
    db.exec(`
      CREATE TABLE IF NOT EXISTS subscribers (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        subscribed INTEGER NOT NULL DEFAULT 1,
        stopped_topics TEXT NOT NULL DEFAULT '[]',
        frequency TEXT NOT NULL DEFAULT 'daily',
        paused_until TEXT,
        before TEXT,
        reason TEXT,
        updated_at TEXT
      );
      CREATE TABLE IF NOT EXISTS requests (
        idempotency_key TEXT PRIMARY KEY, -- "<subscriber id>:<Idempotency-Key header>"
        subscriber_id INTEGER NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL
      );`);
    return db;
  }

  const sign = (payload) => createHmac('sha256', secret).update(payload).digest('base64url');

  /** A token for subscriber `id`, valid for `days` (negative: already expired). */
  function mint(id, days = TOKEN_DAYS) {
    const payload = b64(`${id}.${Math.floor(now() / 1000) + Math.round(days * DAY)}`);
    return `${payload}.${sign(payload)}`;
  }

  /** `{ id }`, or `{ status, error }` for a forged (403) or expired (410) token. */
  function verify(token) {
    const [payload = '', signature = ''] = String(token ?? '').split('.');
    const expected = Buffer.from(sign(payload));
    const given = Buffer.from(signature);
    if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 403, error: 'invalid token' };
    const [id, expires] = Buffer.from(payload, 'base64url').toString().split('.').map(Number);
    if (!(expires * 1000 > now())) return { status: 410, error: 'expired token' };
    const row = database().get('SELECT id FROM subscribers WHERE id = ?', [id]);
    return row ? { id } : { status: 404, error: 'unknown subscriber' };
  }

  const snapshot = (row) => JSON.stringify({ subscribed: row.subscribed, stopped_topics: row.stopped_topics, frequency: row.frequency, paused_until: row.paused_until });

  /** Applies one valid choice. The same choice twice leaves the same row: idempotent by meaning too. */
  function apply(id, body) {
    const d = database();
    const row = d.get('SELECT * FROM subscribers WHERE id = ?', [id]);
    const at = new Date(now()).toISOString();
    const set = (fields) => {
      const names = Object.keys(fields);
      d.run(`UPDATE subscribers SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [...Object.values(fields), at, id]);
    };
    if (body.reason) set({ reason: body.reason.slice(0, 1000) });
    // "Resubscribe" undoes every change since the last resubscribe: the row as it was before the first of them.
    if (body.action === 'resubscribe') {
      if (row.before) set({ ...JSON.parse(row.before), before: null });
      else set({ subscribed: 1, stopped_topics: '[]', paused_until: null });
    } else {
      const before = row.before ?? snapshot(row);
      if (body.action === 'unsubscribe_all') set({ subscribed: 0, before });
      if (body.action === 'unsubscribe_topics') {
        const stopped = body.topics.filter((t) => TOPICS.some((known) => known.id === t));
        set({ subscribed: stopped.length < TOPICS.length ? 1 : 0, stopped_topics: JSON.stringify(stopped), before });
      }
      // Topics the person stopped stay stopped: fewer emails is not "all topics again".
      if (body.action === 'set_frequency') set({ subscribed: 1, frequency: body.frequency, paused_until: null, before });
      if (body.action === 'pause') set({ subscribed: 1, paused_until: new Date(now() + body.pause_days * DAY * 1000).toISOString(), before });
    }
    state.applied++;
  }

  /** The body's problems, or '' when it is a choice this back end understands. */
  function invalid(body) {
    if (!ACTIONS.includes(body?.action)) return `action should be one of ${ACTIONS.join(', ')}`;
    if (body.action === 'unsubscribe_topics' && !(Array.isArray(body.topics) && body.topics.every((t) => typeof t === 'string'))) return 'topics should be a list of ids';
    if (body.action === 'set_frequency' && !FREQUENCIES.includes(body.frequency)) return `frequency should be one of ${FREQUENCIES.join(', ')}`;
    if (body.action === 'pause' && !(Number.isInteger(body.pause_days) && body.pause_days > 0 && body.pause_days < 1000)) return 'pause_days should be 1 to 999';
    if (body.reason !== undefined && typeof body.reason !== 'string') return 'reason should be text';
    return '';
  }

  async function choice(req, res) {
    state.requests++;
    const fault = state.fault;
    if (await playFault(fault, req)) return;
    if (fault === '503') return json(res, 503, { error: 'unavailable (demo fault)' });
    let body;
    try {
      body = JSON.parse(await readText(req));
    } catch {
      return json(res, 400, { error: 'unreadable JSON' });
    }
    // The token first: a replay is only ever given to the subscriber it belongs to.
    const who = verify(body?.token);
    if (who.error) return json(res, who.status, { error: who.error });
    const header = req.headers['idempotency-key'];
    // Replays are keyed by (subscriber, key): another subscriber's key is just a new key.
    const key = typeof header === 'string' && header ? `${who.id}:${header}` : '';
    const d = database();
    if (key) {
      // The same key again (a retry, a resend after a reload, a second tab) gets the first answer.
      const seen = d.get('SELECT status, body FROM requests WHERE idempotency_key = ?', [key]);
      if (seen) return json(res, seen.status, JSON.parse(seen.body));
    }
    const problem = invalid(body);
    if (problem) return json(res, 422, { error: problem });
    apply(who.id, body);
    const result = { ok: true, preferences: preferences(who.id) };
    if (key) {
      d.run('INSERT INTO requests VALUES (?, ?, ?, ?, ?)', [key, who.id, 200, JSON.stringify(result), new Date(now()).toISOString()]);
    }
    json(res, 200, result);
  }

  /**
   * RFC 8058: the mail provider POSTs `List-Unsubscribe=One-Click` to the link, as multipart/form-data
   * (which the RFC recommends) or URL-encoded (which it allows). 200, nothing else.
   */
  async function oneClick(req, res, token) {
    state.oneClick++;
    const type = String(req.headers['content-type'] ?? '');
    const body = await readBody(req, MAX_BODY).catch(() => Buffer.alloc(0));
    // Node's Fetch API parses both encodings; anything else is not a one-click request.
    const fields = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)
      ? await new Response(body, { headers: { 'content-type': type } }).formData().catch(() => undefined)
      : undefined;
    if (fields?.get('List-Unsubscribe') !== 'One-Click') return text(res, 400, 'Expected List-Unsubscribe=One-Click');
    const who = verify(token);
    if (who.error) return text(res, who.status, who.error);
    apply(who.id, { action: 'unsubscribe_all' });
    text(res, 200, 'Unsubscribed');
  }

  function preferences(id) {
    const row = database().get('SELECT * FROM subscribers WHERE id = ?', [id]);
    return {
      subscribed: row.subscribed === 1,
      stopped_topics: JSON.parse(row.stopped_topics),
      frequency: row.frequency,
      paused_until: row.paused_until,
      reason: row.reason,
    };
  }

  /** The demo's one subscriber (created on first use) and a fresh link for it. */
  function demo(req, res, url) {
    const d = database();
    d.run("INSERT OR IGNORE INTO subscribers (email) VALUES ('ada@example.com')");
    const { id } = d.get("SELECT id FROM subscribers WHERE email = 'ada@example.com'");
    const token = mint(id, url.searchParams.has('expired') ? -1 : TOKEN_DAYS);
    res.writeHead(303, { location: `/api/unsubscribe?token=${token}${url.searchParams.has('auto') ? '&auto' : ''}`, 'cache-control': 'no-store' });
    res.end();
  }

  async function fault(req, res) {
    const mode = new URLSearchParams(await readText(req).catch(() => '')).get('mode');
    if (!FAULTS.includes(mode)) return json(res, 400, { error: `mode should be one of ${FAULTS.join(', ')}` });
    state.fault = mode;
    json(res, 200, { mode });
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = `${req.method} ${url.pathname}`;
    const token = url.searchParams.get('token');
    if (route === 'GET /api/unsubscribe') {
      const page = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
      // ?auto: the same page with `auto`, which unsubscribes as it opens.
      return answer(res, 200, 'text/html; charset=utf-8', url.searchParams.has('auto') ? page.replace('<tp-unsubscribe', '<tp-unsubscribe auto') : page);
    }
    if (route === 'POST /api/unsubscribe') {
      return /application\/json/.test(req.headers['content-type'] ?? '') ? choice(req, res) : oneClick(req, res, token);
    }
    if (route === 'GET /api/unsubscribe/demo') return demo(req, res, url);
    if (route === 'GET /api/unsubscribe/prefs') {
      const who = verify(token);
      return who.error ? json(res, who.status, { error: who.error }) : json(res, 200, preferences(who.id));
    }
    if (route === 'POST /api/unsubscribe/fault') return fault(req, res);
    json(res, url.pathname === '/api/unsubscribe' ? 405 : 404, { error: 'not found' });
  }

  return {
    routes: { '/api/unsubscribe': handle },
    state,
    mint,
    /** The demo subscriber's id (created if needed). */
    subscriber(email = 'ada@example.com') {
      const d = database();
      d.run('INSERT OR IGNORE INTO subscribers (email) VALUES (?)', [email]);
      return d.get('SELECT id FROM subscribers WHERE email = ?', [email]).id;
    },
    preferences,
    close: () => db?.close(),
    describe: () =>
      `Unsubscribe back end: /api/unsubscribe (a fresh link: /api/unsubscribe/demo); preferences in ${relative(process.cwd(), dataDir) || '.'}/unsubscribe.sqlite.`,
  };
}

const api = createUnsubscribeApi();
export const routes = api.routes;
export const describe = api.describe;
