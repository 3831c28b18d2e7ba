import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/submit-confirmation/define.js';
import { renderReached } from './pending.js';
import { reachState, submitConfirmationMarkup, submitConfirmationStates } from './submit-confirmation.states.js';

const meta: Meta = {
  title: 'Components/Submit confirmation',
  component: 'tp-submit-confirmation',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** Each story submits its form to a pretend back end and shows the state the element reaches (stories/pending.ts). */
function story(name: keyof typeof submitConfirmationStates): Story {
  const state = submitConfirmationStates[name]!;
  return {
    name,
    // Only the first state in the docs page: the others submit on load, which a page of them all would do at once.
    tags: state.submit ? ['!autodocs'] : [],
    render: () => renderReached(submitConfirmationMarkup(state), (root) => reachState(root, state)),
  };
}

/** The form as first seen, with the reply promise above the button. Works without JavaScript too. */
export const Before = story('Before');
/** Just submitted: nothing changes for the first second, so a fast answer does not flash a notice. */
export const Sending = story('Sending');
/** After a second: "Sending your message…", announced once. A second click sends nothing more. */
export const Slow = story('Slow');
/** The form is replaced: heading (focused), reference number, what happens next, copy and print. */
export const Confirmed = story('Confirmed');
/** A server error, retried twice first: the summary takes focus; every field keeps its value. */
export const Failed = story('Failed');
export const FailedFormRejected = story('Failed: form rejected');
export const FailedNoConnection = story('Failed: no connection');
/** Offline at submit: nothing sent; it sends when back online if the person agrees. */
export const Offline = story('Offline');
