import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/steps/define.js';
import { stepsStates, type StepsArgs, type StepsState } from './steps.states.js';

const meta: Meta<StepsArgs> = {
  title: 'Components/Steps',
  component: 'tp-steps',
  tags: ['autodocs'],
  argTypes: {
    current: { control: 'text', description: 'The current step, 1-based; bad values fall back to 1 and never past a known total' },
    total: { control: 'text', description: 'Steps in the flow (at least the listed ones), or "unknown"; default: the listed count' },
    compact: { control: 'boolean', description: 'One line; the list stays for screen readers' },
  },
};
export default meta;

type Story = StoryObj<StepsArgs>;

/** The page's own list, as it would be written without JavaScript (links on the steps one may go back to). */
function list(state: StepsState, current: number) {
  return html`<ol>
    ${state.steps.map(
      ({ name, href }, i) =>
        html`<li aria-current=${i + 1 === current ? 'step' : nothing}>${href ? html`<a href=${href}>${name}</a>` : name}</li>`,
    )}
  </ol>`;
}

function renderState(state: StepsState) {
  return (args: StepsArgs) => {
    const steps = html`<tp-steps current=${ifDefined(args.current)} total=${ifDefined(args.total)} ?compact=${args.compact}
      >${list(state, Number(args.current))}</tp-steps
    >`;
    return state.dir || state.lang ? html`<div dir=${state.dir ?? 'ltr'} lang=${state.lang ?? 'en'}>${steps}</div>` : steps;
  };
}

function story(name: keyof typeof stepsStates): Story {
  const state = stepsStates[name]!;
  return { name, args: state.args, render: renderState(state) };
}

export const Checkout = story('Checkout');
export const CheckoutLastStep = story('Checkout, last step');
export const Onboarding = story('Onboarding');
export const UnknownTotal = story('Unknown total');
export const Compact = story('Compact');
export const NoGoingBack = story('No going back');
export const RightToLeft = story('Right to left');
export const BadInputFallsBack = story('Bad input falls back');

/** A checkout that moves in place: Continue and Back change `current`; each move is reported as telemetry. */
export const CheckoutInteractive: Story = {
  name: 'Checkout (interactive)',
  args: { current: '1' },
  render: (args) => {
    const state = stepsStates.Checkout!;
    const move = (by: number) => (event: Event) => {
      const steps = (event.target as HTMLElement).closest('div')!.querySelector('tp-steps')!;
      steps.current = Math.min(4, Math.max(1, (steps.current ?? 1) + by));
    };
    return html`<div>
      ${renderState(state)(args)}
      <p>
        <button type="button" @click=${move(-1)}>Back</button>
        <button type="button" @click=${move(1)}>Continue</button>
      </p>
    </div>`;
  },
};

/** The page's colour scheme decides: a dark page gets the dark palette. */
export const Dark: Story = {
  args: { current: '3' },
  render: (args) =>
    html`<div style="color-scheme: dark; background: #15181d; color: #e8edf5; padding: 1rem">
      ${renderState(stepsStates.Checkout!)(args)}
    </div>`,
};
