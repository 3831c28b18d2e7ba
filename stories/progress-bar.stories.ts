import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/progress-bar/define.js';
import { progressBarStates, type ProgressBarArgs, type ProgressBarState } from './progress-bar.states.js';

const meta: Meta<ProgressBarArgs> = {
  title: 'Components/Progress bar',
  component: 'tp-progress-bar',
  tags: ['autodocs'],
  argTypes: {
    label: { control: 'text', description: 'Visible label and accessible name' },
    value: { control: 'text', description: '0..max; empty or not a number → indeterminate' },
    max: { control: 'text', description: 'Above 0; default 100' },
    valueText: { control: 'text', description: 'Replaces the percentage, e.g. "3 of 10 files"' },
    showValue: { control: 'boolean', description: 'Shows the value text' },
  },
};
export default meta;

type Story = StoryObj<ProgressBarArgs>;

function renderState(state: ProgressBarState) {
  return (args: ProgressBarArgs) => {
    const bar = html`<tp-progress-bar
      label=${ifDefined(args.label)}
      value=${ifDefined(args.value)}
      max=${ifDefined(args.max)}
      value-text=${ifDefined(args.valueText)}
      ?show-value=${args.showValue}
      aria-labelledby=${ifDefined(state.labelledBy ? 'pb-heading' : undefined)}
      >${state.slotText ?? nothing}</tp-progress-bar
    >`;
    const named = state.labelledBy ? html`<h2 id="pb-heading">${state.labelledBy}</h2>${bar}` : bar;
    return state.dir || state.lang ? html`<div dir=${state.dir ?? 'ltr'} lang=${state.lang ?? 'en'}>${named}</div>` : named;
  };
}

function story(name: keyof typeof progressBarStates): Story {
  const state = progressBarStates[name]!;
  return { name, args: state.args, render: renderState(state) };
}

export const Determinate = story('Determinate');
export const WithValueShown = story('With value shown');
export const CustomValueText = story('Custom value text');
export const Indeterminate = story('Indeterminate');
export const Empty = story('Empty');
export const Complete = story('Complete');
export const SlottedLabel = story('Slotted label');
export const NamedByThePage = story('Named by the page');
export const RightToLeft = story('Right to left');
export const BadInputFallsBack = story('Bad input falls back');

/** The page's colour scheme decides: a dark page gets the dark palette. */
export const Dark: Story = {
  args: { label: 'Uploading 3 files', value: '60', showValue: true },
  render: (args) =>
    html`<div style="color-scheme: dark; background: #15181d; color: #e8edf5; padding: 1rem">
      ${renderState({ args, expected: { name: '', valueNow: null, valueMax: 100 } })(args)}
    </div>`,
};

/** Design tokens: every colour, size and timing is a `--tp-*` custom property. */
export const Themed: Story = {
  args: { label: 'Saving your changes', value: '35', showValue: true },
  render: (args) =>
    html`<div style="--tp-color-accent: #0b6e4f; --tp-color-track: #cfe8de; --tp-progress-height: 0.75rem; --tp-radius: 2px">
      ${renderState({ args, expected: { name: '', valueNow: null, valueMax: 100 } })(args)}
    </div>`,
};
