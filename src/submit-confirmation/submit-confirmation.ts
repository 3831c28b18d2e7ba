import { html, nothing } from 'lit';
import { announce, ensureAnnouncer } from '../core/announcer.js';
import { TpElement } from '../core/element.js';
import { message } from '../core/i18n.js';
import { randomId } from '../core/id.js';
import { send, type SendError } from '../core/send.js';
import { warnAttribute } from '../core/warn.js';
import type { ReplyPromise, TpReplyPromise } from '../reply-promise/reply-promise.js';
import { submitConfirmationMessages } from './messages.js';
import { styles } from './submit-confirmation.styles.js';

/**
 * `idle` → `sending` (→ `slow` after a second) → `confirmed`, or `failed`; `offline` when the
 * browser is offline at submit, `waiting` once the person asked to send when back online.
 */
export type SubmitState = 'idle' | 'sending' | 'slow' | 'confirmed' | 'failed' | 'offline' | 'waiting';

/** Why a submission failed, as `tp.submit_confirmation.failed` reports it. */
export type FailReason = 'network' | 'client' | 'server' | 'timeout' | 'offline';

export interface SubmittedDetail {
  reference: string;
  response: Response;
  promise: ReplyPromise | null;
}

declare global {
  interface HTMLElementEventMap {
    'tp-submitted': CustomEvent<SubmittedDetail>;
  }
}

type Field = HTMLInputElement & HTMLSelectElement;

const DEFAULT_TIMEOUT = 20_000;
const BUSY_AFTER_MS = 1_000;
/** Retries happen within the person's wait: few, short, and all inside `timeout`. */
const POLICY = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 3_000, maxRetryAfterMs: 5_000 };

/**
 * Fields worth keeping across a reload. Never: passwords, card details, one-time codes, files,
 * hidden fields (often tokens), buttons, and anything inside `data-tp-no-store`.
 */
const offline = () => navigator.onLine === false;

const keptFields = (form: HTMLFormElement) =>
  ([...form.elements] as Field[]).filter(
    (f) =>
      f.name &&
      !/^(password|hidden|file|submit|button|reset|image|fieldset|output)$/.test(f.type) &&
      !/\bcc-|(new|current)-password|one-time-code/.test(f.getAttribute('autocomplete') ?? '') &&
      !f.closest('[data-tp-no-store]'),
  );

/**
 * @summary Wraps a native `<form>` (which still posts without JavaScript) and confirms a submission
 * honestly: sent once, even on a double click; a busy notice when it takes a while; on success the
 * form is replaced by a confirmation with a reference number, what happens next (the reply promise
 * of a `<tp-reply-promise>` inside) and a way to keep a record; on failure every field keeps its
 * value and an error summary says what went wrong and how to retry.
 *
 * The form is sent with `fetch` to its own action and method (and encoding) through Touchpoint's
 * reliable sender: retried on 5xx, 408, 429 and network errors with one `Idempotency-Key`, so the
 * back end can keep exactly one. A reply promise travels as field `tp_promise_id` (with
 * `tp_promise_deadline`, ISO 8601) and header `Tp-Promise-Id`. The reference number is the
 * response's JSON `reference`, else the first 8 characters of the Idempotency-Key.
 *
 * Until the form is sent, what was typed is kept in sessionStorage (this tab only) so a reload
 * does not lose it — except passwords, `autocomplete="cc-*"`, `new-password`, `current-password`,
 * `one-time-code`, hidden and file fields, and fields inside `data-tp-no-store`.
 *
 * @tag tp-submit-confirmation
 *
 * @slot - The `<form>` (and anything around it, such as a `<tp-reply-promise>`).
 * @slot confirmation - Extra content for the confirmation, e.g. links; shown only once sent.
 *
 * @csspart error - The error summary (focused when shown).
 * @csspart busy - The "Sending your message…" notice.
 * @csspart confirmation - The confirmation that replaces the form.
 * @csspart heading - The confirmation's heading (focused when shown).
 * @csspart reference - The reference number.
 * @csspart button - The buttons: try again, send when online, copy, print.
 *
 * @cssprop --tp-font - Font of the notices and the confirmation.
 * @cssprop --tp-space - Padding and gaps.
 * @cssprop --tp-radius - Corner radius of the boxes and buttons.
 * @cssprop --tp-color-danger - Border of the error summary.
 * @cssprop --tp-color-success - Border of the confirmation.
 *
 * @fires tp-submitted - The back end accepted the form: `detail` has `reference`, `response` and `promise`.
 * @fires tp-telemetry - `tp.submit_confirmation.submitted` (`attempt`), `.confirmed` (`duration_ms`),
 * `.failed` (`reason`: network|client|server|timeout|offline, `status`); and, from the reply
 * promise, `tp.reply_promise.made` when a submission carrying its promise was accepted.
 */
export class TpSubmitConfirmation extends TpElement {
  static override styles = styles;

  static override properties = {
    timeout: { type: Number },
    noStore: { type: Boolean, attribute: 'no-store' },
  };

  /** Milliseconds to wait for the back end, retries included, before saying it took too long. Default 20000. */
  timeout = DEFAULT_TIMEOUT;
  /** Keeps nothing in sessionStorage: for forms on shared computers. */
  noStore = false;
  /** The reference number, once sent. */
  reference = '';
  /** Why the last attempt failed. */
  reason?: FailReason;

  private current: SubmitState = 'idle';
  private next = '';
  private attempts = 0;
  private key = '';
  private fingerprint = '';
  private promiseId?: string;
  private submitter?: HTMLElement | null;
  private abort?: AbortController;
  private restored?: HTMLFormElement;

  constructor() {
    super();
    this.addEventListener('submit', (e) => this.submit(e as SubmitEvent));
    this.addEventListener('input', this.save);
    this.addEventListener('change', this.save);
    this.addEventListener('reset', () => this.store());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
  }

  /** The form may be parsed after the element connects: restored here, or on slotchange when it arrives. */
  override firstUpdated(): void {
    this.restore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    removeEventListener('online', this.online);
  }

  /** Where the submission is. */
  get state(): SubmitState {
    return this.current;
  }

  private to(state: SubmitState): void {
    this.current = state;
    this.requestUpdate();
  }

  private get form(): HTMLFormElement | null {
    return this.querySelector('form');
  }

  private text(key: string): string {
    return message(this, submitConfirmationMessages, `submit_confirmation.${key}`);
  }

  /** sessionStorage, per page and form. Writes `value`; with none, forgets. Storage may be off: never throws. */
  private store(value?: string): string | null | void {
    const form = this.form;
    try {
      const key = `tp-submit-confirmation ${location.pathname} ${form!.id || form!.action}`;
      return value === undefined ? sessionStorage.removeItem(key) : value ? sessionStorage.setItem(key, value) : sessionStorage.getItem(key);
    } catch {
      // No form, or storage blocked (private mode, sandboxed frame): nothing kept, nothing lost.
    }
  }

  private save = () => {
    const form = this.form;
    if (this.noStore || this.state === 'confirmed' || !form) return;
    const values = keptFields(form).map((f) => [
      f.name,
      /^(checkbox|radio)$/.test(f.type) ? f.checked : f.type === 'select-multiple' ? [...f.selectedOptions].map((o) => o.value) : f.value,
    ]);
    this.store(JSON.stringify(values));
  };

  /** Puts back what was typed before a reload, once per form. */
  private restore(): void {
    const form = this.form;
    if (!form || form === this.restored || this.noStore) return;
    this.restored = form;
    try {
      const values = JSON.parse((this.store('') as string | null) ?? '[]') as [string, unknown][];
      keptFields(form).forEach((f, i) => {
        const [name, v] = values[i] ?? [];
        if (name !== f.name) return;
        if (typeof v === 'boolean') f.checked = v;
        else if (Array.isArray(v)) for (const o of f.options) o.selected = v.includes(o.value);
        else f.value = String(v);
      });
    } catch {
      // Not ours or not JSON: start empty.
    }
  }

  private submit(e: SubmitEvent): void {
    const form = e.target as HTMLFormElement;
    const method = (e.submitter?.getAttribute('formmethod') || form.method).toLowerCase();
    if (form !== this.form || method === 'dialog') return;
    e.preventDefault();
    // One submission at a time: a double click or Enter twice sends nothing more.
    if (/sending|slow|confirmed/.test(this.state)) return;
    this.submitter = e.submitter;
    this.go(form, method);
  }

  private async go(form: HTMLFormElement, method: string): Promise<void> {
    const by = this.submitter;
    const data = new FormData(form, by);
    // The same fields sent again keep the same Idempotency-Key (and promise id): a retry after a
    // timeout cannot make the back end keep the message twice. Changed fields are a new submission.
    const fingerprint = JSON.stringify([...data].map(([k, v]) => [k, typeof v === 'string' ? v : [v.name, v.size]]));
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.key = randomId(16);
      this.promiseId = undefined;
    }
    const replyPromise = this.querySelector<TpReplyPromise>('tp-reply-promise');
    const promise = replyPromise?.promise?.(this.promiseId) ?? null;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (promise) {
      this.promiseId = headers['Tp-Promise-Id'] = promise.id;
      data.set('tp_promise_id', promise.id);
      data.set('tp_promise_deadline', new Date(promise.deadline).toISOString());
    }
    this.track('submitted', { attempt: ++this.attempts });
    if (offline()) return this.fail('offline');

    const url = new URL(by?.hasAttribute('formaction') ? (by as HTMLButtonElement).formAction : form.action);
    const multipart = (by?.getAttribute('formenctype') || form.enctype) === 'multipart/form-data';
    const fields = new URLSearchParams(data as unknown as Record<string, string>);
    if (method === 'get') url.search = String(fields);
    let timeout = this.timeout;
    // Timers overflow past 2^31 - 1 ms and would fire at once.
    if (!(timeout > 0 && timeout < 2 ** 31)) {
      __TP_DEV__ && warnAttribute(this, 'timeout', this.getAttribute('timeout') ?? timeout, 'milliseconds from 1 to 2147483647', String(DEFAULT_TIMEOUT));
      timeout = DEFAULT_TIMEOUT;
    }
    const abort = (this.abort = new AbortController());
    // Aborted with reason `true`: the time ran out (any other abort is the element leaving the page).
    const timer = setTimeout(() => abort.abort(true), timeout);
    const busy = setTimeout(() => {
      this.to('slow');
      announce(this.text('sending'));
    }, BUSY_AFTER_MS);
    const started = Date.now();
    this.to('sending');
    try {
      const response = await send(
        { url: String(url), method, headers, body: method === 'get' ? undefined : multipart ? data : fields, idempotencyKey: this.key },
        { policy: { ...POLICY, budgetMs: timeout }, signal: abort.signal },
      );
      const reference = await response
        .clone()
        .json()
        .then((json) => json.reference, () => 0);
      this.reference = typeof reference === 'string' && reference ? reference.slice(0, 64) : this.key.slice(0, 8).toUpperCase();
      this.next = replyPromise?.sentence?.(promise ?? undefined) ?? '';
      this.to('confirmed');
      this.store();
      this.track('confirmed', { duration_ms: Date.now() - started });
      if (promise) replyPromise!.made(promise);
      this.dispatchEvent(new CustomEvent('tp-submitted', { bubbles: true, composed: true, detail: { reference: this.reference, response, promise } }));
      await this.updateComplete;
      // The context changed (the form is gone): focus goes to the heading, and the news is said once.
      this.renderRoot.querySelector<HTMLElement>('[part=heading]')!.focus();
      announce(`${this.text('heading')}. ${this.text('reference')} ${this.reference}. ${this.next}`);
    } catch (error) {
      const timedOut = abort.signal.reason === true;
      // Taken off the page: nobody is waiting. Idle, so it can be sent again if it comes back.
      if (abort.signal.aborted && !timedOut) return this.to('idle');
      const status = (error as SendError).status ?? 0;
      this.fail(
        offline() ? 'offline' : timedOut || status === 408 ? 'timeout' : !status ? 'network' : status < 500 && status !== 429 ? 'client' : 'server',
        status || null,
      );
    } finally {
      clearTimeout(timer);
      clearTimeout(busy);
    }
  }

  private async fail(reason: FailReason, status: number | null = null): Promise<void> {
    this.reason = reason;
    this.to(reason === 'offline' ? 'offline' : 'failed');
    this.track('failed', { reason, status });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=error]')!.focus();
  }

  /** Sends again, as if the same button were pressed; focus goes back to that button, where the person left the form. */
  private retry = () => {
    const by = this.submitter?.isConnected ? this.submitter : null;
    by?.focus();
    this.form?.requestSubmit(by);
  };

  private online = () => {
    removeEventListener('online', this.online);
    if (this.state === 'waiting') this.retry();
  };

  private later = () => {
    this.to('waiting');
    announce(this.text('waiting'));
    addEventListener('online', this.online);
    if (!offline()) this.online();
  };

  private cancel = () => {
    removeEventListener('online', this.online);
    this.to('offline');
  };

  private copy = () => {
    const text = [this.text('heading'), `${this.text('reference')} ${this.reference}`, this.next].join('\n');
    navigator.clipboard.writeText(text).then(() => announce(this.text('copied')), () => {});
  };

  override render() {
    const { state } = this;
    const button = (key: string, click: () => void) => html`<button type="button" part="button" @click=${click}>${this.text(key)}</button>`;
    if (state === 'confirmed') {
      return html`<section part="confirmation" aria-labelledby="heading">
        <h2 id="heading" part="heading" tabindex="-1">${this.text('heading')}</h2>
        <p>${this.text('reference')} <strong part="reference">${this.reference}</strong></p>
        <h3>${this.text('next')}</h3>
        ${this.next ? html`<p>${this.next}</p>` : nothing}
        <p>${this.text('keep')}</p>
        <slot name="confirmation"></slot>
        <p>${navigator.clipboard ? button('copy', this.copy) : nothing}${button('print', () => print())}</p>
      </section>`;
    }
    const offline = state === 'offline' || state === 'waiting';
    return html`${offline || state === 'failed'
        ? html`<div part="error" tabindex="-1" role="group" aria-labelledby="error" aria-describedby="why">
            <h2 id="error">${this.text(offline ? 'offline_heading' : 'failed')}</h2>
            <p id="why">${this.text(state === 'waiting' ? 'waiting' : this.reason!)} ${this.text('kept')}</p>
            ${state === 'waiting'
              ? button('cancel', this.cancel)
              : offline
                ? button('later', this.later)
                : this.reason === 'client'
                  ? nothing
                  : button('retry', this.retry)}
          </div>`
        : nothing}<slot @slotchange=${this.restore}></slot>${state === 'slow' ? html`<p part="busy">${this.text('sending')}</p>` : nothing}`;
  }
}
