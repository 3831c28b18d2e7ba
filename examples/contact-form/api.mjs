// The contact form's tiny back end, mounted by `npm start` (scripts/start.mjs) under /api/contact.
//
//   POST /api/contact          a submission: 201 JSON { reference, promise_id } for fetch (Accept:
//                              application/json), else 303 to a plain thank-you page (the form
//                              without JavaScript). Idempotent on the Idempotency-Key header: the same
//                              key gets the same answer and is recorded once.
//   GET  /api/contact/thanks   the thank-you page for the form without JavaScript
//   GET  /api/contact/inbox    the promises recorded so far, with a "Mark replied" button each
//   POST /api/contact/replies  promise_id=…: records the reply (replies.csv)
//   POST /api/contact/fault    mode=none|503|422|network|slow|hang: how the next submissions fail,
//                              for demos and tests (GET tells the current mode)
//
// What it records, in examples/contact-form/.data/ (git-ignored):
//   promises.csv  reference,promise_id,deadline,received_at — one row per accepted submission
//   replies.csv   promise_id,replied_at — the columns `touchpoint promises --replies` reads
// It never writes what people typed: no names, addresses or messages.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playFault, readBody } from '../api-helpers.mjs';

const FAULTS = ['none', '503', '422', 'network', 'slow', 'hang'];
const MAX_BODY = 1 << 20;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)}</title>
    <link rel="stylesheet" href="/examples/examples.css" />
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

/** The fields of a urlencoded or multipart body (Node's own Response does the parsing). */
async function formFields(req) {
  const body = await readBody(req, MAX_BODY);
  const type = req.headers['content-type'] ?? 'application/x-www-form-urlencoded';
  const data = await new Response(body, { headers: { 'content-type': type } }).formData();
  return Object.fromEntries([...data].map(([key, value]) => [key, typeof value === 'string' ? value : value.name]));
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

function html(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function redirect(res, location) {
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

/** A CSV row; quoted when a value holds a comma, quote or line break. */
const csvRow = (values) => `${values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\n`;

const isoOrEmpty = (text) => (typeof text === 'string' && !Number.isNaN(Date.parse(text)) ? new Date(text).toISOString() : '');

/**
 * One back end with its own data folder and state. `state.requests` counts every submission that
 * reached it (tests count double submits with it); `state.accepted` the ones recorded.
 */
export function createContactApi({ dataDir = fileURLToPath(new URL('./.data/', import.meta.url)) } = {}) {
  const promisesFile = `${dataDir}/promises.csv`;
  const repliesFile = `${dataDir}/replies.csv`;
  const state = { requests: 0, accepted: 0, fault: 'none', keys: new Map() };

  function append(file, header, row) {
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(file)) appendFileSync(file, header);
    appendFileSync(file, row);
  }

  function recorded() {
    if (!existsSync(promisesFile)) return [];
    const [, ...lines] = readFileSync(promisesFile, 'utf8').trim().split('\n');
    const replied = new Set(existsSync(repliesFile) ? readFileSync(repliesFile, 'utf8').split('\n').map((l) => l.split(',')[0]) : []);
    return lines.map((line) => {
      const [reference, promiseId, deadline, receivedAt] = line.split(',');
      return { reference, promiseId, deadline, receivedAt, replied: replied.has(promiseId) };
    });
  }

  /** Validates and records one submission; the answer is kept per Idempotency-Key. */
  async function accept(fields) {
    const problems = [];
    if (!fields.name?.trim()) problems.push('name');
    if (!/^[^@\s]+@[^@\s]+$/.test(fields.email ?? '')) problems.push('email');
    if (!fields.message?.trim()) problems.push('message');
    if (problems.length) return { status: 422, body: { error: 'invalid', fields: problems } };
    state.accepted++;
    const reference = `CF-${String(1000 + recorded().length + 1)}`;
    const promiseId = /^[0-9a-f]{8,64}$/.test(fields.tp_promise_id ?? '') ? fields.tp_promise_id : '';
    const deadline = isoOrEmpty(fields.tp_promise_deadline);
    append(promisesFile, 'reference,promise_id,deadline,received_at\n', csvRow([reference, promiseId, deadline, new Date().toISOString()]));
    return { status: 201, body: { reference, promise_id: promiseId || null } };
  }

  async function submission(req, res) {
    state.requests++;
    const fault = state.fault;
    if (await playFault(fault, req)) return;
    if (fault === '503') return json(res, 503, { error: 'unavailable (demo fault)' });
    let fields;
    try {
      fields = await formFields(req);
    } catch {
      return json(res, 400, { error: 'unreadable form' });
    }
    if (fault === '422') return json(res, 422, { error: 'rejected (demo fault)' });

    const key = req.headers['idempotency-key'];
    let answer;
    if (typeof key === 'string' && key) {
      // The same key again (a retry, or a second tab) gets the first answer; a failed answer is not kept.
      if (!state.keys.has(key)) state.keys.set(key, accept(fields));
      answer = await state.keys.get(key);
      if (answer.status >= 400) state.keys.delete(key);
    } else answer = await accept(fields);

    if (/application\/json/.test(req.headers.accept ?? '')) return json(res, answer.status, answer.body);
    if (answer.status >= 400) {
      return html(res, answer.status, page('Not sent', `<h1>Your message was not sent</h1>\n<p>Please fill in: ${escape(answer.body.fields.join(', '))}. <a href="/examples/contact-form/">Go back to the form</a>.</p>`));
    }
    redirect(res, `/api/contact/thanks?reference=${encodeURIComponent(answer.body.reference)}`);
  }

  function thanks(req, res) {
    const reference = new URL(req.url, 'http://x').searchParams.get('reference') ?? '';
    html(
      res,
      200,
      page(
        'Message sent',
        `<h1>Message sent</h1>\n<p>Your reference number: <strong>${escape(reference)}</strong></p>\n<p>We will reply by email. Keep the reference number in case you need to contact us about this message.</p>`,
      ),
    );
  }

  function inbox(_req, res) {
    const rows = recorded()
      .reverse()
      .map(
        (r) =>
          `<tr><td>${escape(r.reference)}</td><td>${escape(r.receivedAt)}</td><td>${escape(r.deadline || '—')}</td><td>${
            r.replied
              ? 'Replied'
              : r.promiseId
                ? `<form method="post" action="/api/contact/replies"><input type="hidden" name="promise_id" value="${escape(r.promiseId)}"><button>Mark replied</button></form>`
                : 'No promise made'
          }</td></tr>`,
      );
    html(
      res,
      200,
      page(
        'Contact form inbox',
        `<h1>Contact form inbox</h1>
<p>Each accepted message with its reply promise. “Mark replied” adds a row to <code>examples/contact-form/.data/replies.csv</code>, which <code>npx touchpoint promises --events examples/collector/.data/events.ndjson --replies examples/contact-form/.data/replies.csv</code> joins to the <code>tp.reply_promise.made</code> events the local collector received from the form.</p>
${rows.length ? `<table><thead><tr><th scope="col">Reference</th><th scope="col">Received</th><th scope="col">Promised by</th><th scope="col">Reply</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No messages yet.</p>'}
<p><a href="/examples/contact-form/">Back to the form</a></p>`,
      ),
    );
  }

  async function reply(req, res) {
    const { promise_id: promiseId = '' } = await formFields(req).catch(() => ({}));
    if (recorded().some((r) => r.promiseId === promiseId && !r.replied)) {
      append(repliesFile, 'promise_id,replied_at\n', csvRow([promiseId, new Date().toISOString()]));
    }
    redirect(res, '/api/contact/inbox');
  }

  async function fault(req, res) {
    const { mode } = await formFields(req).catch(() => ({}));
    if (!FAULTS.includes(mode)) return json(res, 400, { error: `mode should be one of ${FAULTS.join(', ')}` });
    state.fault = mode;
    json(res, 200, { mode });
  }

  async function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = `${req.method} ${path}`;
    if (route === 'POST /api/contact') return submission(req, res);
    if (route === 'GET /api/contact/thanks') return thanks(req, res);
    if (route === 'GET /api/contact/inbox') return inbox(req, res);
    if (route === 'POST /api/contact/replies') return reply(req, res);
    if (route === 'POST /api/contact/fault') return fault(req, res);
    if (route === 'GET /api/contact/fault') return json(res, 200, { mode: state.fault });
    json(res, path === '/api/contact' ? 405 : 404, { error: 'not found' });
  }

  return {
    routes: { '/api/contact': handle },
    state,
    describe: () =>
      `Contact form back end: /api/contact; promises and replies in ${relative(process.cwd(), dataDir) || '.'}/ (mark replies at /api/contact/inbox).`,
  };
}

const api = createContactApi();
export const routes = api.routes;
export const describe = api.describe;
