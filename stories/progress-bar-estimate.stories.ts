import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/progress-bar/define.js';
import { EstimateController } from '../src/progress-bar/estimate-controller.js';
import { play, uploadScripts } from './progress-bar-estimate.states.js';

/**
 * Honest time remaining on a `<tp-progress-bar>`: the `estimate` attribute shows it above the bar
 * (its code loads the first time it is on), or an `EstimateController` attached from outside
 * (`new EstimateController(bar, { onChange })`) puts the words wherever the page wants them.
 * `<tp-busy>` uses the controller for its own bar.
 */
const meta: Meta = {
  title: 'Components/Progress bar/Time remaining',
  component: 'tp-progress-bar',
};
export default meta;

function upload(script: keyof typeof uploadScripts, label: string): StoryObj {
  return {
    name: script,
    render: () => {
      const wrapper = document.createElement('div');
      const bar = document.createElement('tp-progress-bar');
      Object.assign(bar, { label, showValue: true });
      const hint = document.createElement('p');
      hint.id = 'time-left';
      bar.setAttribute('aria-describedby', 'time-left');
      new EstimateController(bar, { onChange: (text) => (hint.textContent = text) });
      wrapper.append(bar, hint);
      play(bar, uploadScripts[script]!);
      return wrapper;
    },
  };
}

export const UploadWithAChangingRate = upload('Upload with a changing rate', 'Uploading holiday.mp4');
export const StalledUpload = upload('Stalled upload', 'Uploading scan.pdf');

/** With the `estimate` attribute: the bar shows the time remaining itself, and says it politely at meaningful changes. */
function withAttribute(script: keyof typeof uploadScripts, label: string): StoryObj {
  return {
    name: `${script} (estimate attribute)`,
    render: () => {
      const bar = document.createElement('tp-progress-bar');
      Object.assign(bar, { label, showValue: true, estimate: true });
      play(bar, uploadScripts[script]!);
      return bar;
    },
  };
}

export const EstimateAttribute = withAttribute('Upload with a changing rate', 'Uploading holiday.mp4');
export const EstimateAttributeStalled = withAttribute('Stalled upload', 'Uploading scan.pdf');
