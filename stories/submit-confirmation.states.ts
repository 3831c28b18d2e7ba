// Every state of <tp-submit-confirmation>, shared by the stories and the browser tests. A state is
// reached the way a person reaches it: the form is submitted to a pretend back end (a `fetch` that
// answers by the form's action, e.g. /story-api/503) and the element does the rest.
import type { SubmitState, TpSubmitConfirmation } from '../src/submit-confirmation/submit-confirmation.js';
import { pretendFetch } from './pretend-fetch.js';
import { replyPromiseAttributes, replyPromiseStates } from './reply-promise.states.js';

/** How the pretend back end answers. */
export type Answer = 'ok' | 'hang' | '503' | '422' | 'network';

export interface SubmitConfirmationState {
  answer: Answer;
  /** Submitted on load (else the form as first seen). */
  submit: boolean;
  /** The browser is offline when the form is submitted. */
  offline?: boolean;
  /** The state the element shows. */
  reach: SubmitState;
}

export const submitConfirmationStates: Record<string, SubmitConfirmationState> = {
  Before: { answer: 'ok', submit: false, reach: 'idle' },
  Sending: { answer: 'hang', submit: true, reach: 'sending' },
  Slow: { answer: 'hang', submit: true, reach: 'slow' },
  Confirmed: { answer: 'ok', submit: true, reach: 'confirmed' },
  Failed: { answer: '503', submit: true, reach: 'failed' },
  'Failed: form rejected': { answer: '422', submit: true, reach: 'failed' },
  'Failed: no connection': { answer: 'network', submit: true, reach: 'failed' },
  Offline: { answer: 'ok', submit: true, offline: true, reach: 'offline' },
};

const PREFIX = '/story-api/';

/** Answers `fetch` calls to /story-api/<answer> (stories/pretend-fetch.ts). */
export function installPretendBackEnd(): void {
  pretendFetch(PREFIX, (answer) => {
    if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    const status = answer === 'ok' ? 201 : Number(answer);
    return Promise.resolve(
      new Response(JSON.stringify(status < 300 ? { reference: 'CF-1042' } : { error: 'demo' }), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
}

/**
 * The form a site owner would write, with a reply promise inside, already filled in. `no-store`:
 * stories share one page, so nothing typed in one should come back in another.
 */
export function submitConfirmationMarkup(state: SubmitConfirmationState): string {
  const promise = replyPromiseStates['Promise (p90)']!;
  return `<div lang="en-GB">
  <tp-submit-confirmation no-store>
    <form action="${PREFIX}${state.answer}" method="post">
      <p><label for="sc-name">Your name</label><br><input id="sc-name" name="name" autocomplete="name" value="Ada Lovelace" required></p>
      <p><label for="sc-email">Email address</label><br><input id="sc-email" name="email" type="email" autocomplete="email" value="ada@example.com" required></p>
      <p><label for="sc-message">Your message</label><br><textarea id="sc-message" name="message" required>My order has not arrived.</textarea></p>
      <p><label for="sc-password">Choose a password (optional)</label><br><input id="sc-password" name="password" type="password" autocomplete="new-password"></p>
      <tp-reply-promise ${replyPromiseAttributes(promise.args)}></tp-reply-promise>
      <p><button>Send message</button></p>
    </form>
  </tp-submit-confirmation>
</div>`;
}

/** Submits the form in `root` (when the state says so) and resolves once the element shows the state. */
export async function reachState(root: ParentNode, state: SubmitConfirmationState): Promise<TpSubmitConfirmation> {
  installPretendBackEnd();
  const el = root.querySelector('tp-submit-confirmation')!;
  await customElements.whenDefined('tp-submit-confirmation');
  await el.updateComplete;
  await el.querySelector('tp-reply-promise')!.updateComplete;
  if (state.submit) {
    // Offline only for the moment of submitting: the element checks at once, and nothing else on
    // the page is left thinking it is offline.
    const own = Object.getOwnPropertyDescriptor(navigator, 'onLine');
    if (state.offline) Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      el.querySelector('form')!.requestSubmit();
    } finally {
      if (state.offline) {
        if (own) Object.defineProperty(navigator, 'onLine', own);
        else delete (navigator as unknown as Record<string, unknown>).onLine;
      }
    }
  }
  while (el.state !== state.reach) await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
  return el;
}
