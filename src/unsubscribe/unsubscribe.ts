import { html, nothing } from 'lit';
import { announce, ensureAnnouncer } from '../core/announcer.js';
import { TpElement } from '../core/element.js';
import { message } from '../core/i18n.js';
import { randomId } from '../core/id.js';
import { Outbox, type StorableRequest } from '../core/outbox.js';
import { send, type SendError, type SendRequest } from '../core/send.js';
import { warn, warnAttribute } from '../core/warn.js';
import { guiltIn } from './guilt.js';
import { unsubscribeMessages } from './messages.js';
import { styles } from './unsubscribe.styles.js';

export type UnsubscribeAction = 'unsubscribe_all' | 'unsubscribe_topics' | 'set_frequency' | 'pause' | 'resubscribe';

/** What is sent to `endpoint` as JSON (with an `Idempotency-Key` header). */
export interface UnsubscribeBody {
  token: string;
  action: UnsubscribeAction;
  /** With `unsubscribe_topics`: the topic ids to stop. */
  topics?: string[];
  /** With `set_frequency`. */
  frequency?: 'daily' | 'weekly' | 'monthly';
  /** With `pause`. */
  pause_days?: number;
  /** What the person chose to tell the site, sent with the choice it explains. */
  reason?: string;
}

/**
 * `ready` (nothing done yet) → `sending` (→ `slow` after a second) → `done`; `offline` while the
 * browser is offline (sent when it is back); `failed` when the server could not be reached
 * (kept, sent on the next load or on "Try again"), or when it refused a later choice (the earlier
 * confirmation stays); `invalid` when the server refused the token before anything was confirmed.
 */
export type UnsubscribeState = 'ready' | 'sending' | 'slow' | 'offline' | 'done' | 'failed' | 'invalid';

export interface UnsubscribeTopic {
  id: string;
  label: string;
}

declare global {
  interface HTMLElementEventMap {
    'tp-unsubscribe-saved': CustomEvent<UnsubscribeBody>;
  }
}

type Choice = Omit<UnsubscribeBody, 'token'>;

const FREQUENCIES = ['daily', 'weekly', 'monthly'];
/** Retries within the person's wait; what is still not sent stays in the outbox for next time. */
const POLICY = { maxAttempts: 4, maxDelayMs: 4_000, budgetMs: 20_000 };
const TIMEOUT = 30_000;
const offline = () => navigator.onLine === false;

/** A list attribute: words from `allowed`; anything else is dropped with one dev warning. */
const words =
  (attribute: string, allowed: (word: string) => boolean, accepted: string) =>
  (el: Element, value: string): string[] =>
    (value ?? '').split(/[\s,]+/).filter((word) => {
      if (!word || allowed(word)) return !!word;
      __TP_DEV__ && warnAttribute(el, attribute, word, accepted, 'the other values');
      return false;
    });
const frequencyList = words('frequencies', (w) => FREQUENCIES.includes(w), 'daily, weekly or monthly');
const dayList = words('pause-days', (w) => /^[1-9]\d{0,2}$/.test(w), 'whole numbers of days from 1 to 999');

/** Dev builds: warns when a label or slotted text reads as guilt. */
function guiltCheck(el: TpUnsubscribe): void {
  const labels = [...el.renderRoot.querySelectorAll('button,label,legend'), ...el.children].map((node) => node.textContent ?? '');
  for (const label of labels) {
    const phrase = guiltIn(label);
    if (phrase) warn(el, `"${label.trim()}" reads as guilt ("${phrase}"): word choices plainly, with equal weight.`);
  }
}

/**
 * @summary The page a person lands on from an email's unsubscribe link: one click (none with
 * `auto`) unsubscribes, with no login, no typed address and no "are you sure?". Afterwards, and
 * never in the way, it offers fewer emails, only some topics, a pause and an optional reason,
 * with equal weight and nothing pre-chosen; "Resubscribe" is always one click and undoes what was
 * done. Every change is confirmed on screen and announced, saying when it takes effect.
 *
 * Choices are sent as JSON to `endpoint` through Touchpoint's reliable sender (retries of network
 * errors and 5xx, one `Idempotency-Key`, waits while offline), and kept in localStorage until the
 * server answered, so a choice made just before the page closed is sent on the next load, once.
 * Body: `{ token, action, topics?, frequency?, pause_days?, reason? }`. A refused token (4xx)
 * gets a clear message and the site's `contact` address: never a dead end.
 *
 * @tag tp-unsubscribe
 *
 * @slot - Words under the first heading, e.g. which list this is.
 * @slot confirmation - Extra content under every confirmation.
 *
 * @csspart heading - The headings that change with the context (focused when a person's choice changed it).
 * @csspart confirmation - The confirmation of the last change.
 * @csspart options - The other options offered after unsubscribing.
 * @csspart button - Every button; all carry the same weight.
 * @csspart status - "Saving your choice…", offline and failure notices.
 * @csspart error - The refused-link message with the contact address.
 *
 * @cssprop --tp-font - Font.
 * @cssprop --tp-space - Padding and gaps.
 * @cssprop --tp-radius - Corner radius of boxes and buttons.
 * @cssprop --tp-color-success - Border of the confirmation.
 * @cssprop --tp-color-danger - Border of the refused-link message.
 *
 * @fires tp-unsubscribe-saved - The server accepted a choice; `detail` is the body sent.
 * @fires tp-telemetry - `tp.unsubscribe.completed` (`scope`: all|topics), `.changed` (`setting`:
 * frequency|pause), `.resubscribed`, `.reason` (the text only with `send-reason`), `.failed`
 * (`reason`: token|server|network, `status`).
 */
export class TpUnsubscribe extends TpElement {
  static override styles = styles;

  static override properties = {
    endpoint: {},
    token: {},
    contact: {},
    auto: { type: Boolean },
    sendReason: { type: Boolean, attribute: 'send-reason' },
    topics: {
      // A bad value becomes `null`, reported (with the element at hand) in `willUpdate`.
      converter: (value: string | null): UnsubscribeTopic[] | null => {
        try {
          const list = JSON.parse(value || '[]');
          if (Array.isArray(list) && list.every((t) => t?.id && t.label)) return list;
        } catch {
          // Not JSON.
        }
        return null;
      },
    },
    frequencies: {},
    pauseDays: { attribute: 'pause-days' },
  };

  /** Where choices are POSTed as JSON. */
  endpoint = '';
  /** The opaque token from the email link; defaults to the page URL's `?token=`. */
  token = '';
  /** An email address (or URL) people can write to when the link is refused. */
  contact = '';
  /**
   * Unsubscribes as soon as the page opens, with no click. Off by default, and a trade-off: RFC 8058
   * one-click is the mail provider's POST, not this page; a landing page should not unsubscribe by
   * itself, because link scanners open links, and those that run scripts would unsubscribe people.
   */
  auto = false;
  /** Lets the free-text reason into telemetry (`tp.unsubscribe.reason`); off by default. */
  sendReason = false;
  /** Topics offered under "Get only some topics", none chosen: `[{ "id", "label" }]`. */
  topics: UnsubscribeTopic[] = [];
  /** Fewer-emails options, from `daily weekly monthly`. Empty: not offered. */
  frequencies = 'weekly monthly';
  /** Pause options in days. Empty: not offered. */
  pauseDays = '30 90';

  private current: UnsubscribeState = 'ready';
  /** The last choice the server accepted. */
  private last?: Choice;
  private pending?: { request: StorableRequest; choice: Choice; person: boolean };
  private key = '';
  private timer?: ReturnType<typeof setTimeout>;
  private thanked?: boolean;
  private started?: boolean;
  private blocked?: boolean;
  /** Aborted when the element leaves the page: nobody is waiting, and the queue is free for others. */
  private stop = new AbortController();
  private outbox = new Outbox({ key: 'tp-outbox-unsubscribe', deliver: (r) => this.deliver(r) });

  /** Where the flow is. */
  get state(): UnsubscribeState {
    return this.current;
  }

  /** The last choice the server accepted (`undefined` before any). */
  get saved(): Choice | undefined {
    return this.last;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
    addEventListener('online', this.online);
    if (this.stop.signal.aborted) this.stop = new AbortController();
    if (this.started) return;
    this.started = true;
    this.token ||= new URLSearchParams(location.search).get('token') ?? '';
    if (!this.token || !this.endpoint) {
      __TP_DEV__ && warn(this, 'needs `endpoint` and a token (the `token` attribute or `?token=` in the page URL).');
      return this.to('invalid');
    }
    // A choice kept from an earlier visit (the page closed before the server answered) is sent
    // now, and shown as this visit's choice: `auto` must not send a second one.
    const kept = this.outbox.items().filter((item) => item.url === this.url && JSON.parse(item.body!).token === this.token).pop();
    if (kept) {
      const { token: _token, ...choice } = JSON.parse(kept.body!) as UnsubscribeBody;
      this.start({ request: kept, choice, person: false });
    } else if (this.auto) this.act({ action: 'unsubscribe_all' }, false);
    else this.outbox.flush();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.online);
    this.stop.abort();
  }

  private get busy(): boolean {
    // sending, slow, offline (no other state starts with "s" or has "of").
    return /^s|of/.test(this.state);
  }

  private get url(): string {
    return new URL(this.endpoint, document.baseURI).href;
  }

  private to(state: UnsubscribeState): void {
    this.current = state;
    this.requestUpdate();
  }

  private text(key: string, vars?: Record<string, string>): string {
    return message(this, unsubscribeMessages, `unsubscribe.${key}`, vars);
  }

  /**
   * Sends one choice. One at a time: while one is on its way every button is `aria-disabled` and a
   * click (a double click too) sends nothing more.
   */
  private act(choice: Choice, person = true): void {
    if (this.busy) return;
    const request = {
      url: this.url,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: this.token, ...choice }),
      idempotencyKey: randomId(16),
      keepalive: true,
    };
    this.start({ request, choice, person });
  }

  private start(pending: NonNullable<typeof this.pending>): void {
    this.pending = pending;
    this.key = pending.request.idempotencyKey;
    clearTimeout(this.timer);
    if (offline()) {
      this.to('offline');
      announce(this.text('offline'));
    } else {
      this.to('sending');
      this.timer = setTimeout(() => {
        this.to('slow');
        announce(this.text('saving'));
      }, 1_000);
    }
    // Kept before it is sent: if the page closes now, the next load sends it (same key: once).
    if (this.outbox.keep(pending.request)) this.pump();
    else this.deliver(pending.request).catch(() => {});
  }

  /**
   * Drains the outbox until this choice was tried: a second pass sends a choice made while an
   * earlier drain was under way, and while another drain holds the queue (a second tab) it waits.
   */
  private async pump(): Promise<void> {
    for (let i = 0; this.key && i < 30; i++) {
      this.blocked = false;
      await this.outbox.flush();
      // An older kept request failed first: this one waits for the next load or "Try again".
      if (this.blocked) break;
      if (this.key) await new Promise((resolve) => setTimeout(resolve, i && 1_000));
    }
    // Not tried yet: `settle` shows it as offline (sent when back online) or failed.
    if (this.key) this.settle(this.key, new Error());
  }

  private deliver(request: SendRequest): Promise<Response> {
    const key = request.idempotencyKey!;
    return send(request, { policy: POLICY, signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(TIMEOUT)]) }).then(
      (response) => (this.settle(key), response),
      (error) => {
        this.blocked = key !== this.key;
        this.settle(key, error);
        throw error;
      },
    );
  }

  private async settle(key: string, error?: SendError | Error): Promise<void> {
    if (key !== this.key || !this.isConnected) return;
    this.key = '';
    clearTimeout(this.timer);
    const { choice, person } = this.pending!;
    const { reason, ...reached } = choice;
    const action = choice.action;
    if (error) {
      const status = (error as SendError).status || null;
      const rejected = (error as SendError).kind === 'rejected';
      if (!rejected && offline()) return this.to('offline'); // Sent when the browser is back online.
      // Refused before anything was confirmed: the link is the problem. After a confirmed choice,
      // that confirmation stays on screen and the refusal is said in the status line (`failed`
      // with no `pending`: there is nothing to try again).
      this.to('failed');
      if (rejected) this.last ? (this.pending = undefined) : this.to('invalid');
      this.track('failed', { reason: rejected ? 'token' : status ? 'server' : 'network', status });
    } else {
      this.to('done');
      // The state the person reached, also when the choice was a reason kept from an earlier visit;
      // updated before the event, so `saved` is current inside its handlers.
      this.last = reached;
      this.thanked = !!reason;
      this.dispatchEvent(new CustomEvent('tp-unsubscribe-saved', { bubbles: true, composed: true, detail: { token: this.token, ...choice } }));
      if (reason) this.track('reason', this.sendReason ? { reason } : {});
      else if (action === 'resubscribe') this.track('resubscribed');
      else if (/^unsub/.test(action)) this.track('completed', { scope: action.slice(12) });
      else this.track('changed', { setting: action === 'pause' ? action : 'frequency' });
    }
    await this.updateComplete;
    const { state } = this;
    // A new context (a confirmation, a refused link) focuses its heading, and it is said once.
    // Focus moves only when the person's own action changed the context.
    if (person) this.renderRoot.querySelector<HTMLElement>(state === 'failed' ? '[part=status]' : reason && !error ? '[part=thanks]' : '[part=heading]')?.focus();
    announce(
      state === 'invalid'
        ? `${this.text('invalid')}. ${this.renderRoot.querySelector('[part=error] p')!.textContent}`
        : state === 'failed'
          ? this.text(this.pending ? 'failed' : 'invalid')
          : reason
            ? this.text('thanks')
            : this.summary().join('. '),
    );
  }

  /** Back online: the kept choice goes now (the same request, so the same Idempotency-Key). */
  private online = () => {
    if (this.state === 'offline') this.start(this.pending!);
  };


  /** The confirmation of the last accepted choice: heading, and what happens when. */
  private summary(): [string, string] {
    const { action, frequency, pause_days: days = 0 } = this.last!;
    let key = action.replace(/.*_/, '');
    const kept = this.topics.filter((t) => !this.last!.topics?.includes(t.id)).map((t) => t.label);
    if (key === 'topics' && !kept.length) key = 'all';
    return [
      this.text(key),
      this.text(`${key}_text`, {
        list: new Intl.ListFormat(this.locale).format(kept),
        choice: this.text(frequency!),
        date: new Date(Date.now() + days * 864e5).toLocaleDateString(this.locale, { dateStyle: 'long' }),
      }),
    ];
  }

  private confirmation() {
    const [heading, text] = this.summary();
    return html`<section part="confirmation" aria-labelledby="done">
      <h2 id="done" part="heading" tabindex="-1">${heading}</h2>
      <p>${text}</p>
      <slot name="confirmation"></slot>
    </section>`;
  }

  private button(label: string, click: () => void) {
    return html`<button type="button" part="button" aria-disabled=${this.busy} @click=${click}>${label}</button>`;
  }

  private saveTopics = () => {
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('[name=topic]')];
    this.act({ action: 'unsubscribe_topics', topics: boxes.filter((b) => !b.checked).map((b) => b.value) });
  };

  private sendReasonText = () => {
    const reason = this.renderRoot.querySelector('textarea')!.value.trim();
    if (reason) this.act({ ...this.last!, reason });
  };

  override render() {
    const { state, last } = this;
    const contact = this.contact;
    const [before, after] = this.text(contact ? 'contact' : 'no_contact').split('{contact}');
    // Only mailto:, tel: and http(s): links (lower case); anything else is taken as an email address.
    const href = /^(mailto|tel|https?):/.test(contact) ? contact : `mailto:${contact}`;
    const way = html`${before}${contact ? html`<a href=${href}>${contact.replace(/^mailto:/, '')}</a>${after}` : nothing}`;
    if (state === 'invalid') {
      return html`<section part="error" aria-labelledby="invalid">
        <h2 id="invalid" part="heading" tabindex="-1">${this.text('invalid')}</h2>
        <p>${way}</p>
      </section>`;
    }
    const failed = state === 'failed';
    const status =
      state === 'slow' || state === 'offline'
        ? html`<p part="status">${this.text(state === 'slow' ? 'saving' : 'offline')}</p>`
        : failed
          ? html`<p part="status" tabindex="-1">${this.pending ? html`${this.text('failed')} ${this.button(this.text('retry'), () => this.start({ ...this.pending!, person: true }))}` : html`${this.text('invalid')}. ${way}`}</p>`
          : nothing;
    // While a choice waits for "Try again", a second "Unsubscribe" would only queue a second request
    // (and after a refusal it would only be refused again: the status line gives the way out).
    const unsubscribe = failed ? nothing : html`<p>${this.button(this.text('button'), () => this.act({ action: 'unsubscribe_all' }))}</p>`;
    if (!last || last.action === 'resubscribe') {
      return html`${last ? this.confirmation() : html`<h2 part="heading">${this.text('heading')}</h2><slot></slot>`}${status}${unsubscribe}`;
    }
    const frequencies = frequencyList(this, this.frequencies);
    const days = dayList(this, this.pauseDays);
    const group = (name: string, body: unknown) => html`<fieldset><legend>${this.text(`legend_${name}`)}</legend>${body}</fieldset>`;
    return html`${this.confirmation()}${status}
      <p>${this.button(this.text('undo'), () => this.act({ action: 'resubscribe' }))}</p>
      <section part="options" aria-labelledby="more">
        <h3 id="more">${this.text('more')}</h3>
        <p>${this.text('more_text')}</p>
        ${frequencies.length
          ? group(
              'frequency',
              frequencies.map((f) => this.button(this.text(f), () => this.act({ action: 'set_frequency', frequency: f as UnsubscribeBody['frequency'] }))),
            )
          : nothing}${this.topics.length
          ? group(
              'topics',
              html`${this.topics.map((t) => html`<label><input type="checkbox" name="topic" value=${t.id} />${t.label}</label>`)}
                <p>${this.button(this.text('save'), this.saveTopics)}</p>`,
            )
          : nothing}${days.length ? group('pause', days.map((n) => this.button(this.text('days', { n }), () => this.act({ action: 'pause', pause_days: +n })))) : nothing}${this.thanked
          ? html`<p part="thanks" tabindex="-1">${this.text('thanks')}</p>`
          : html`<p><label for="reason">${this.text('reason')}</label><textarea id="reason" rows="3" maxlength="1000"></textarea>${this.button(
              this.text('send'),
              this.sendReasonText,
            )}</p>`}
      </section>`;
  }

  override willUpdate(): void {
    if (!Array.isArray(this.topics)) {
      __TP_DEV__ && warnAttribute(this, 'topics', this.getAttribute('topics'), 'a JSON array of { "id", "label" }', 'no topics');
      this.topics = [];
    }
    // Dev builds only (no `updated` at all in production): once rendered, labels are checked for guilt.
    __TP_DEV__ && this.updateComplete.then(() => guiltCheck(this));
  }
}
