import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/unsubscribe/define.js';
import { renderReached } from './pending.js';
import { reachUnsubscribeState, unsubscribeMarkup, unsubscribeStates } from './unsubscribe.states.js';

const meta: Meta = {
  title: 'Components/Unsubscribe',
  component: 'tp-unsubscribe',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** Each story talks to a pretend back end and takes the steps a person would (stories/pending.ts). */
function story(name: keyof typeof unsubscribeStates): Story {
  const state = unsubscribeStates[name]!;
  return {
    name,
    // Only the manual page in the docs: the others send on load, which a page of them all would do at once.
    tags: name === 'Manual' ? [] : ['!autodocs'],
    render: () => renderReached(unsubscribeMarkup(state), (root) => reachUnsubscribeState(root, state)),
  };
}

/** From the email link with `auto`: unsubscribed as the page opens (zero clicks), then other options, none chosen. */
export const LandingWithAuto = story('Landing with auto');
/** Without `auto`: one clearly labelled button. No login, no typed address, no "are you sure?". */
export const Manual = story('Manual');
/** Only some topics: nothing was pre-checked; the person checked one and saved. */
export const Preferences = story('Preferences');
/** Fewer emails: at most one a month. */
export const FewerEmails = story('Fewer emails');
/** Paused for 30 days, with the date they start again. */
export const Paused = story('Paused');
/** "Resubscribe" undid every change since the last resubscribe; unsubscribing is one click again. */
export const Resubscribed = story('Resubscribed');
/** The server refused the token (410): a clear message and the site's contact address. */
export const ExpiredToken = story('Expired token');
/** Offline from the click on (for as long as the story shows): kept in this browser, sent when back online. */
export const Offline = story('Offline');
/** The server takes its time: "Saving your choice…" after a second; more clicks send nothing more. */
export const SlowServer = story('Slow server');
