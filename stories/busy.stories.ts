import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/busy/define.js';
import type { TpBusy } from '../src/busy/busy.js';
import { busyStates, type BusyArgs, type BusyState } from './busy.states.js';
import { play, uploadScripts } from './progress-bar-estimate.states.js';

const meta: Meta<BusyArgs> = {
  title: 'Components/Busy',
  component: 'tp-busy',
  tags: ['autodocs'],
  argTypes: {
    busy: { control: 'boolean', description: 'The region is loading (track() sets it too)' },
    label: { control: 'text', description: 'What is being waited for; default "Loading"' },
    value: { control: 'text', description: 'Work done, 0..max; absent while unknown' },
    max: { control: 'text', description: 'Above 0; default 100' },
    delay: { control: 'text', description: 'Milliseconds before anything shows; default 1000' },
    estimateAfter: { control: 'text', description: 'Milliseconds before known progress shows as a bar with an estimate; default 10000' },
    doneText: { control: 'text', description: 'Said when the wait ends; default "<label> — done."' },
  },
};
export default meta;

type Story = StoryObj<BusyArgs>;

const region = (markup: string) => {
  const template = document.createElement('template');
  template.innerHTML = markup; // the states' own fixed markup, not user input
  return template.content;
};

function renderState(state: BusyState) {
  return (args: BusyArgs) => {
    const busy = html`<tp-busy
      ?busy=${args.busy}
      label=${ifDefined(args.label)}
      value=${ifDefined(args.value)}
      max=${ifDefined(args.max)}
      delay=${ifDefined(args.delay)}
      estimate-after=${ifDefined(args.estimateAfter)}
      done-text=${ifDefined(args.doneText)}
      >${region(state.region)}</tp-busy
    >`;
    return state.dir || state.lang ? html`<div dir=${state.dir ?? 'ltr'} lang=${state.lang ?? 'en'}>${busy}</div>` : busy;
  };
}

function story(name: keyof typeof busyStates): Story {
  const state = busyStates[name]!;
  return { name, args: state.args, render: renderState(state) };
}

export const Waiting = story('Waiting (indeterminate)');
export const ProgressKnown = story('Progress known');
export const NotBusy = story('Not busy');
export const RightToLeft = story('Right to left');
export const BadInputFallsBack = story('Bad input falls back');

/** `busy.track(promise)`: a fast search shows nothing (under a second), a slow one shows the indicator, then says it is done. */
export const Search: Story = {
  name: 'Search (track a promise)',
  render: () => {
    const search = (ms: number) => (event: Event) => {
      const busy = (event.target as HTMLElement).closest('div')!.querySelector('tp-busy') as TpBusy;
      void busy.track(new Promise((resolve) => setTimeout(resolve, ms)));
    };
    return html`<div>
      <p>
        <button type="button" @click=${search(400)}>Search (0.4 s)</button>
        <button type="button" @click=${search(4000)}>Search (4 s)</button>
      </p>
      <tp-busy label="Loading search results">${region('<ul aria-label="Search results"><li>Blue kettle</li></ul>')}</tp-busy>
    </div>`;
  },
};

function upload(script: keyof typeof uploadScripts, label: string): Story {
  return {
    name: script,
    render: () => {
      const busy = document.createElement('tp-busy');
      Object.assign(busy, { label, busy: true, delay: 0, estimateAfter: 0 });
      busy.append(region('<p>Your video will appear here when it has uploaded.</p>'));
      play(busy, uploadScripts[script]!, () => (busy.busy = false));
      return busy;
    },
  };
}

/** The estimate follows the observed rate, smoothed: it falls as the upload speeds up, and is never raised without saying why. */
export const UploadWithAChangingRate = upload('Upload with a changing rate', 'Uploading holiday.mp4');

/** After 15 seconds without progress it says "Taking longer than usual" instead of a number it cannot back. */
export const StalledUpload = upload('Stalled upload', 'Uploading scan.pdf');

/**
 * With "reduce motion" set (the operating system's setting, or DevTools › Rendering › Emulate CSS
 * prefers-reduced-motion), the indicator does not fade in and the band does not slide: it stands
 * still, striped, still saying "working" without pretending to know how much.
 */
export const ReducedMotion: Story = {
  name: 'Reduced motion',
  render: () => html`<tp-busy busy delay="0" label="Preparing your download">${region('<p>Your download</p>')}</tp-busy>`,
};
