// Every state of <tp-unsubscribe>, shared by the stories and the tests. A state is reached the way a
// person reaches it: the element talks to a pretend back end (a `fetch` that answers by the
// endpoint's path, e.g. /story-api/unsubscribe/410) and the story clicks what a person would click.
import { Outbox } from '../src/core/outbox.js';
import type { TpUnsubscribe, UnsubscribeState } from '../src/unsubscribe/unsubscribe.js';
import { pretendFetch } from './pretend-fetch.js';

/** How the pretend back end answers. */
export type UnsubscribeAnswer = 'ok' | 'hang' | '410';

/** A button (by its text) or a topic checkbox (`topic:<label>`) the story uses, in order. */
export type Step = string;

export interface UnsubscribeStoryState {
  answer: UnsubscribeAnswer;
  /** The element's `auto` attribute: unsubscribed as the page opens. */
  auto?: boolean;
  /** What the person does, in order. */
  steps?: Step[];
  /** The browser goes offline at the last step and stays offline while the story shows. */
  offline?: boolean;
  /** The state the element shows at the end. */
  reach: UnsubscribeState;
}

export const unsubscribeStates: Record<string, UnsubscribeStoryState> = {
  'Landing with auto': { answer: 'ok', auto: true, reach: 'done' },
  Manual: { answer: 'ok', reach: 'ready' },
  Preferences: { answer: 'ok', auto: true, steps: ['topic:Tips and guides', 'Save'], reach: 'done' },
  'Fewer emails': { answer: 'ok', auto: true, steps: ['At most one email a month'], reach: 'done' },
  Paused: { answer: 'ok', auto: true, steps: ['Pause for 30 days'], reach: 'done' },
  Resubscribed: { answer: 'ok', auto: true, steps: ['Resubscribe'], reach: 'done' },
  'Expired token': { answer: '410', auto: true, reach: 'invalid' },
  Offline: { answer: 'hang', steps: ['Unsubscribe'], offline: true, reach: 'offline' },
  'Slow server': { answer: 'hang', steps: ['Unsubscribe'], reach: 'slow' },
};

const PREFIX = '/story-api/unsubscribe/';
export const STORY_TOPICS = [
  { id: 'news', label: 'Product news' },
  { id: 'tips', label: 'Tips and guides' },
  { id: 'offers', label: 'Offers' },
];

/** Answers `fetch` calls to /story-api/unsubscribe/<answer> (stories/pretend-fetch.ts). */
export function installPretendUnsubscribeBackEnd(): void {
  pretendFetch(PREFIX, (answer) => {
    const status = answer === 'ok' ? 200 : Number(answer);
    return Promise.resolve(new Response(JSON.stringify(status < 300 ? { ok: true } : { error: 'expired token' }), { status }));
  });
}

/**
 * The element as a site owner would write it. Call before the markup is connected: stories share
 * one browser profile, and a choice one story left pending must not be sent by the next.
 */
export function unsubscribeMarkup(state: UnsubscribeStoryState): string {
  installPretendUnsubscribeBackEnd();
  backOnline();
  new Outbox({ key: 'tp-outbox-unsubscribe' }).clear();
  return `<div lang="en-GB">
  <tp-unsubscribe endpoint="${PREFIX}${state.answer}" token="story-token" contact="privacy@example.com"${state.auto ? ' auto' : ''}
    topics='${JSON.stringify(STORY_TOPICS)}'>
    <p>You get the Example Shop newsletter at this address.</p>
  </tp-unsubscribe>
</div>`;
}

/** How `navigator.onLine` was before the Offline story took the browser offline (`null`: it did not). */
let online: PropertyDescriptor | undefined | null = null;

/**
 * The browser is offline from the Offline story's last click for as long as that story shows: what
 * it shows is the real offline state, not one that turns into a failure later. When the element
 * leaves the page (Storybook switching stories), or at the next story's markup (every story and
 * test starts with `unsubscribeMarkup`), `navigator.onLine` is given back, with no `online` event:
 * nothing left on the page is woken up to send.
 */
function goOffline(el: Element): void {
  if (online === null) online = Object.getOwnPropertyDescriptor(navigator, 'onLine');
  Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
  const watch = new MutationObserver(() => {
    if (!el.isConnected) {
      watch.disconnect();
      backOnline();
    }
  });
  watch.observe(document, { childList: true, subtree: true });
}

/** Undoes `goOffline`. */
export function backOnline(): void {
  if (online === null) return;
  if (online) Object.defineProperty(navigator, 'onLine', online);
  else delete (navigator as unknown as Record<string, unknown>).onLine;
  online = null;
}

const idle = (el: TpUnsubscribe) => !/sending|slow|offline/.test(el.state);
const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};

/** Takes the state's steps in `root` and resolves once the element shows the state. */
export async function reachUnsubscribeState(root: ParentNode, state: UnsubscribeStoryState): Promise<TpUnsubscribe> {
  const el = root.querySelector('tp-unsubscribe')!;
  await customElements.whenDefined('tp-unsubscribe');
  await el.updateComplete;
  const steps = state.steps ?? [];
  await until(() => idle(el));
  for (const [i, step] of steps.entries()) {
    await el.updateComplete;
    const last = i === steps.length - 1;
    if (last && state.offline) goOffline(el);
    const shadow = el.shadowRoot!;
    const target = step.startsWith('topic:')
      ? [...shadow.querySelectorAll('label')].find((l) => l.textContent!.trim() === step.slice(6))!.querySelector('input')!
      : [...shadow.querySelectorAll('button')].find((b) => b.textContent!.trim() === step)!;
    target.click();
    if (!last && !step.startsWith('topic:')) await until(() => idle(el));
  }
  await until(() => el.state === state.reach);
  await el.updateComplete;
  return el;
}
